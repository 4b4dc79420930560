import { readFileSync } from 'node:fs';
import { buildSchema, isNonNullType, isObjectType, Kind, parse, print, type SchemaDefinitionNode } from 'graphql';
import { AccessRules, implies, isScope, personIdentityFields } from '@movement/runtime';
import { apiSchemaPath, subgraphs, supergraphPath } from '@movement/schema';

const rules = AccessRules.fromDocument(parse(readFileSync(supergraphPath, 'utf8')));
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));

test('every scope a @requiresScopes directive names is in the catalogue', () => {
  const named = [...rules.scopesNamed()];
  expect(named.length).toBeGreaterThan(5);
  expect(named.filter((scope) => !isScope(scope))).toEqual([]);
});

test('each subgraph imports the standard directives from Federation and defines no access directive of its own', () => {
  for (const { name, sdlPath } of subgraphs) {
    const document = parse(readFileSync(sdlPath, 'utf8'));
    const defined = document.definitions.filter((node) => node.kind === Kind.DIRECTIVE_DEFINITION).map((node) => node.name.value);
    expect([name, defined]).toEqual([name, []]);
    const federation = print(document.definitions.find((node) => node.kind === Kind.SCHEMA_EXTENSION)!);
    expect([name, federation]).toEqual([
      name,
      expect.stringMatching(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.(5|[6-9]|1\d)", import: \[.*"@(requiresScopes|authenticated)"/),
    ]);
    // What the subgraph enforces again is read from this same SDL.
    expect([name, AccessRules.fromDocument(document).ownRules().size > 0]).toEqual([name, true]);
  }
});

test('the supergraph links @requiresScopes and @authenticated for SECURITY, as composition writes them', () => {
  const schema = parse(readFileSync(supergraphPath, 'utf8')).definitions.find((node): node is SchemaDefinitionNode => node.kind === Kind.SCHEMA_DEFINITION)!;
  const links = schema.directives!.map((directive) => print(directive));
  expect(links).toEqual(
    expect.arrayContaining([
      '@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
    ]),
  );
  // `@inaccessible` is a SECURITY feature every engine supports (the people subgraph's verdict
  // field for the identity-only view is hidden with it); any other would need checking first.
  expect(links.filter((link) => !/specs\.apollo\.dev\/(link|join|authenticated|requiresScopes|inaccessible)\//.test(link))).toEqual([]);
});

/**
 * Engines read a type's rule in different places: Hive Gateway on the type's own fields, Apollo
 * Router on the fields returning the type, this graph on both. A field returning a protected type
 * that states the type's scopes itself (or whose own type does) is refused at the same place by
 * all of them — and a mutation is refused before it writes, not after.
 */
test("every field returning a protected type states that type's scopes itself", () => {
  const own = rules.ownRules();
  const offenders: string[] = [];
  for (const { typeName, fieldName } of rules.protectedCoordinates()) {
    const returned = rules.returnType(typeName, fieldName);
    const needed = (returned !== undefined && returned !== typeName && own.get(returned)?.requirements) || [];
    const stated = [...(own.get(typeName)?.requirements ?? []), ...(own.get(`${typeName}.${fieldName}`)?.requirements ?? [])];
    if (!implies(stated, needed))
      offenders.push(`${typeName}.${fieldName} (returns ${returned}: add its ${JSON.stringify(needed)} to the field's @requiresScopes)`);
  }
  expect(offenders).toEqual([]);
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
