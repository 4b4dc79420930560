import { readFileSync } from 'node:fs';
import { buildSchema, isNonNullType, isObjectType, Kind, parse, print, type DirectiveDefinitionNode } from 'graphql';
import { AccessRules, isScope, personIdentityFields } from '@movement/runtime';
import { apiSchemaPath, subgraphs, supergraphPath } from '@movement/schema';

const rules = AccessRules.fromDocument(parse(readFileSync(supergraphPath, 'utf8')));
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));

test('every scope an @access directive names is in the catalogue', () => {
  const named = [...rules.scopesNamed()];
  expect(named.length).toBeGreaterThan(5);
  expect(named.filter((scope) => !isScope(scope))).toEqual([]);
});

test('each subgraph declares @access and composes it into the supergraph', () => {
  for (const { name, sdlPath } of subgraphs) {
    const sdl = readFileSync(sdlPath, 'utf8');
    expect([name, sdl.includes('@composeDirective(name: "@access")')]).toEqual([name, true]);
    const access = parse(sdl).definitions.find((node): node is DirectiveDefinitionNode => node.kind === Kind.DIRECTIVE_DEFINITION && node.name.value === 'access');
    // The same definition everywhere; descriptions are documentation and may be worded per subgraph.
    const definition = access && print({ ...access, description: undefined, arguments: access.arguments?.map((argument) => ({ ...argument, description: undefined })) });
    expect([name, definition]).toEqual([name, 'directive @access(scopes: [[String!]!]!) on OBJECT | FIELD_DEFINITION']);
  }
});

test('a field that needs more than its type is nullable, so redacting it never nulls the whole record', () => {
  const offenders: string[] = [];
  for (const type of Object.values(api.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
    const ownRequirements = JSON.stringify(rules.requirements(type.name, '__typename'));
    for (const field of Object.values(type.getFields())) {
      const requirements = rules.requirements(type.name, field.name);
      const stricter = JSON.stringify(requirements.filter((r) => !ownRequirements.includes(JSON.stringify(r)))) !== '[]';
      // An edge is reached only through a connection field that already needs its node's scopes.
      const edgeNode = type.name.endsWith('Edge') && field.name === 'node';
      if (stricter && !edgeNode && isNonNullType(field.type)) offenders.push(`${type.name}.${field.name}`);
    }
  }
  expect(offenders).toEqual([]);
});

test('every field the identity-only view withholds is nullable, so withholding it never nulls the person', () => {
  const person = api.getType('Person');
  if (!isObjectType(person)) throw new Error('Person is not an object type');
  const withheld = Object.values(person.getFields()).filter((field) => !personIdentityFields.has(field.name));
  expect(withheld.length).toBeGreaterThan(10);
  expect(withheld.filter((field) => isNonNullType(field.type)).map((field) => field.name)).toEqual([]);
  // The identity fields the view shows all exist, so a renamed field cannot silently drop out of it.
  expect([...personIdentityFields].filter((name) => name !== 'identityOnly' && !person.getFields()[name])).toEqual([]);
});
