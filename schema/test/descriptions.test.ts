import { readFileSync } from 'node:fs';
import { Kind, parse, visit, type ASTNode, type StringValueNode } from 'graphql';
import { subgraphs } from '../src';

/**
 * The SDL descriptions are the partners' documentation: every type, field, argument, input field,
 * enum value and directive a subgraph defines must say what it is. Federation's own `@link`
 * imports are not ours to describe.
 */
type Described = ASTNode & { description?: StringValueNode; name?: { value: string } };

function undescribed(sdl: string): string[] {
  const missing: string[] = [];
  const path: string[] = [];
  const check = (node: Described) => {
    if (!node.description?.value.trim()) missing.push(path.join('.'));
  };
  const enter = (node: Described) => {
    path.push(node.name?.value ?? '?');
    check(node);
  };
  const leave = () => {
    path.pop();
  };
  const named = { enter, leave };
  visit(parse(sdl), {
    ObjectTypeDefinition: named,
    InterfaceTypeDefinition: named,
    InputObjectTypeDefinition: named,
    EnumTypeDefinition: named,
    UnionTypeDefinition: named,
    ScalarTypeDefinition: named,
    DirectiveDefinition: { enter: (node) => enter({ ...node, name: { kind: Kind.NAME, value: `@${node.name.value}` } }), leave },
    FieldDefinition: named,
    InputValueDefinition: named,
    EnumValueDefinition: named,
    // Extensions add to types described elsewhere; their new fields are still checked.
    ObjectTypeExtension: { enter: (node) => void path.push(node.name.value), leave },
    InterfaceTypeExtension: { enter: (node) => void path.push(node.name.value), leave },
  });
  return missing;
}

test.each(subgraphs.map((subgraph) => [subgraph.name, subgraph.sdlPath]))('every definition in the %s SDL has a description', (_name, sdlPath) => {
  expect(undescribed(readFileSync(sdlPath, 'utf8'))).toEqual([]);
});

test('an undescribed field, argument or enum value is found', () => {
  const sdl = `"A place." type Place { "Id." id: ID! name(lang: String): String }
"Kinds." enum Kind { "A town." TOWN VILLAGE }`;
  expect(undescribed(sdl)).toEqual(['Place.name', 'Place.name.lang', 'Kind.VILLAGE']);
});
