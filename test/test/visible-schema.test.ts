import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { apiSchemaPath } from '@movement/schema';
import { sharedTestGraph, type Caller, type SharedTestGraph } from './harness';

/**
 * Introspection and `/schema.graphql` show each credential the schema its scopes may read: the
 * same contract the gateway enforces on operations, so a partner's docs, autocompletion and
 * generated client hold nothing its requests could only answer with FORBIDDEN.
 */
let graph: SharedTestGraph;
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
const detentionTypes = ['DetentionRecord', 'DetentionVisit', 'DetentionEvent', 'DetentionRecordConnection'];

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

const introspect = async (caller: Caller) => {
  const result = await graph.query<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }), {}, graph.as(caller));
  expect(result.errors).toBeUndefined();
  return buildClientSchema(result.data!);
};

const schemaFile = (headers: Record<string, string>) => fetch(graph.url.replace(/\/graphql$/, '/schema.graphql'), { headers });

test('a National Society key without detention:read introspects no detention type or field; the ICRC key does', async () => {
  const russianRedCross = await introspect('russianRedCross');
  for (const name of detentionTypes) expect([name, russianRedCross.getType(name)]).toEqual([name, undefined]);
  expect(Object.keys(russianRedCross.getQueryType()!.getFields()).filter((field) => /detention/i.test(field))).toEqual([]);
  expect(russianRedCross.getType('Person')).toBeDefined();

  const icrc = await introspect('icrc');
  for (const name of detentionTypes) expect([name, icrc.getType(name)?.name]).toEqual([name, name]);
  expect(Object.keys(icrc.getTypeMap()).length).toBeGreaterThan(Object.keys(russianRedCross.getTypeMap()).length);
});

test('fewer scopes, fewer types and fields: a key without people:write has no mutation that writes people', async () => {
  const russianRedCross = await introspect('russianRedCross');
  const belarusRedCross = await introspect('belarusRedCross');
  expect(Object.keys(russianRedCross.getMutationType()!.getFields())).toContain('registerPerson');
  expect(Object.keys(belarusRedCross.getMutationType()!.getFields())).not.toContain('registerPerson');
  // What the key sees keeps every description, for the explorer's docs.
  const person = belarusRedCross.getType('Person')!;
  expect(person.description).toBe(api.getType('Person')!.description);
  expect(person.description).toBeTruthy();
});

test('`__type` of a type the key may not read answers null, as if it did not exist', async () => {
  const query = '{ __type(name: "DetentionRecord") { name fields { name } } }';
  const hidden = await graph.query<{ __type: unknown }>(query, {}, graph.as('russianRedCross'));
  expect(hidden).toEqual({ data: { __type: null }, status: 200 });
  const shown = await graph.query<{ __type: { name: string } | null }>(query, {}, graph.as('icrc'));
  expect(shown.data?.__type?.name).toBe('DetentionRecord');
});

test('schema:introspect still introspects the whole API schema', async () => {
  const admin = await introspect('admin');
  expect(Object.keys(admin.getTypeMap()).sort()).toEqual(Object.keys(api.getTypeMap()).sort());
});

test('introspection mixed with data fields is refused, naming the field, so it cannot read the whole schema', async () => {
  const result = await graph.query(
    '{ __type(name: "DetentionRecord") { name } organizations(first: 1) { edges { node { id } } } }',
    {},
    graph.as('russianRedCross'),
  );
  expect(result.status).toBe(400);
  expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: '__type' }));
  expect(result.data ?? null).toBeNull();
});

test('/schema.graphql gives the same SDL the key introspects, and 401 JSON without credentials', async () => {
  const anonymous = await schemaFile({});
  expect(anonymous.status).toBe(401);
  expect(((await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');

  const russianRedCross = await schemaFile(graph.as('russianRedCross'));
  expect(russianRedCross.status).toBe(200);
  expect(russianRedCross.headers.get('content-type')).toMatch(/^text\/plain/);
  const sdl = await russianRedCross.text();
  const fromFile = buildSchema(sdl);
  const introspected = await introspect('russianRedCross');
  expect(Object.keys(fromFile.getTypeMap()).sort()).toEqual(Object.keys(introspected.getTypeMap()).sort());
  // No detention type, so no field leads to one (the SDL builds). Enum values and input fields that
  // merely name a detention record's id stay: they are no readable data.
  expect(Object.keys(fromFile.getTypeMap()).filter((name) => name.includes('Detention'))).toEqual([]);
  expect(sdl).toContain('"""');

  const icrc = await (await schemaFile(graph.as('icrc'))).text();
  expect(icrc).toMatch(/^type DetentionRecord\b/m);
});
