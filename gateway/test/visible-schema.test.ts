import { readFileSync } from 'node:fs';
import { assertValidSchema, buildSchema, isInterfaceType, isObjectType, getNamedType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { allScopes, satisfies } from '@movement/runtime';
import { apiSchemaPath, supergraphPath } from '@movement/schema';
import { accessRulesOf } from '../src/access/apollo-supergraph';
import { VisibleSchemas } from '../src/access/visible-schema';

/**
 * The schema each scope set sees, checked against the access rules field by field for every
 * single scope, none, all and the demo partners' sets: nothing it shows is refused, and nothing
 * readable is left out unless the type it returns has nothing readable at all.
 */
const rules = accessRulesOf(readFileSync(supergraphPath, 'utf8'));
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
const schemas = new VisibleSchemas(api, rules);

const scopeSets: string[][] = [
  [],
  ...allScopes.filter((scope) => scope !== 'schema:introspect').map((scope) => [scope]),
  ['people:read', 'messages:read'],
  ['people:read', 'people:write', 'messages:read', 'messages:read:content', 'messages:write', 'assistance:read', 'assistance:write', 'assistance:report'],
  allScopes.filter((scope) => scope !== 'schema:introspect'),
];

const fieldsOf = (type: GraphQLNamedType | undefined) => (type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined);

/** Whether `type` has a field these scopes may read (a type without one cannot be shown). */
const hasReadableField = (scopes: string[], typeName: string) =>
  Object.keys(fieldsOf(api.getType(typeName)) ?? { field: true }).some((field) => satisfies(scopes, rules.requirements(typeName, field)));

describe.each(scopeSets.map((scopes) => [scopes.join(' ') || '(no scope)', scopes] as const))('scopes %s', (_name, scopes) => {
  let visible: GraphQLSchema;
  beforeAll(() => {
    visible = schemas.for(scopes).schema;
  });

  test('the schema is valid and keeps a Query type', () => {
    expect(() => assertValidSchema(visible)).not.toThrow();
    expect(Object.keys(visible.getQueryType()!.getFields()).length).toBeGreaterThan(0);
  });

  test('every field shown may be read with these scopes, and keeps its description', () => {
    const refused: string[] = [];
    for (const type of Object.values(visible.getTypeMap())) {
      const fields = fieldsOf(type);
      if (!fields || type.name.startsWith('__')) continue;
      for (const field of Object.values(fields)) {
        if (!satisfies(scopes, rules.requirements(type.name, field.name))) refused.push(`${type.name}.${field.name}`);
        const original = fieldsOf(api.getType(type.name))![field.name];
        expect(field.description).toBe(original.description);
      }
    }
    expect(refused).toEqual([]);
  });

  test('every readable field of a shown type is there, unless what it returns has nothing readable', () => {
    const missing: string[] = [];
    for (const type of Object.values(visible.getTypeMap())) {
      const shown = fieldsOf(type);
      if (!shown || type.name.startsWith('__')) continue;
      for (const field of Object.values(fieldsOf(api.getType(type.name))!)) {
        if (!satisfies(scopes, rules.requirements(type.name, field.name)) || shown[field.name]) continue;
        if (hasReadableField(scopes, getNamedType(field.type).name)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

test('a scope set is built once and shared; schema:introspect sees the API schema itself', () => {
  expect(schemas.for(['people:read', 'messages:read'])).toBe(schemas.for(['messages:read', 'people:read', 'messages:read']));
  expect(schemas.for(['schema:introspect']).schema).toBe(api);
});

test('without write scopes there is no Mutation type; without detention:read no detention type', () => {
  const reader = schemas.for(['people:read', 'messages:read']).schema;
  expect(reader.getMutationType()).toBeUndefined();
  expect(Object.keys(reader.getTypeMap()).filter((name) => name.startsWith('Detention'))).toEqual([]);
  expect(schemas.for(['detention:read', 'people:read']).schema.getType('DetentionRecord')).toBeDefined();
});
