import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { personIdentityFields } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { apiSchemaPath } from '@movement/schema';
import { demoPartnerKeys } from '@movement/launcher';
import { startTestGraph, type TestGraph } from './harness';
import { randomOperation, seededRandom } from './random-operations';

/**
 * Random read operations from the API schema, sent through the real gateway as the Russian Red
 * Cross's key. Whatever is asked, the graph answers as a partner may be answered: never a 5xx,
 * never INTERNAL_SERVER_ERROR, never an empty `errors` list, never the id of a record the key
 * may not see, and of a person it sees only through a record nothing but their identity. The seed is in the test's name; `FUZZ_SEED=<n>` replays a run, `FUZZ_OPERATIONS`
 * changes how many are sent.
 */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const operations = Number(process.env.FUZZ_OPERATIONS ?? 300);

const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
const RRC = syntheticId('organization', demoPartnerKeys.russianRedCross.partnerKey);
const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

let graph: TestGraph;
/** Ids of records the key may not see, of people it sees only through a record, and ids and strings to draw arguments from. */
const hidden = new Set<string>();
const identityOnly = new Set<string>();
const idPool: string[] = [];
const stringPool: string[] = [];

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'fuzz' });
  const { people, messages, assistance, locations } = graph.graph.subgraphs;
  const query = async (subgraph: typeof people, sql: string) =>
    (await subgraph.database.driver.query<{ id: string }>(sql, sql.includes('$1') ? [RRC] : [])).map((row) => row.id);
  const visible = `("recordedById" = $1::uuid OR "sharedWithIds" @> ARRAY[$1::uuid])`;
  // The people a record the key may see shows in the identity-only view: their ids are not secret.
  const throughRecords = new Set([
    ...(await query(
      people,
      `SELECT unnest(ARRAY["enquirerId", "soughtPersonId", "locatedPersonId"])::text AS id FROM "people"."TracingRequest" WHERE ${visible}`,
    )),
    ...(await query(messages, `SELECT unnest(ARRAY["senderId", "addresseeId"])::text AS id FROM "messages"."RedCrossMessage" WHERE ${visible}`)),
    ...(await query(assistance, `SELECT "beneficiaryId"::text AS id FROM "assistance"."AssistanceRecord" WHERE ${visible}`)),
    ...(await query(assistance, `SELECT "personId"::text AS id FROM "assistance"."ReunificationSupport" WHERE ${visible}`)),
  ]);
  const owned = [
    [people, '"people"."Person"'],
    [people, '"people"."TracingRequest"'],
    [people, '"people"."DetentionRecord"'],
    [messages, '"messages"."RedCrossMessage"'],
    [assistance, '"assistance"."AssistanceRecord"'],
    [assistance, '"assistance"."ReunificationSupport"'],
  ] as const;
  for (const [subgraph, table] of owned) {
    const notVisible = await query(subgraph, `SELECT "id"::text AS id FROM ${table} WHERE NOT ${visible}`);
    const hiddenIds = notVisible.filter((id) => !throughRecords.has(id));
    for (const id of notVisible.filter((id) => throughRecords.has(id))) identityOnly.add(id);
    const visibleIds = await query(subgraph, `SELECT "id"::text AS id FROM ${table} WHERE ${visible} LIMIT 20`);
    for (const id of hiddenIds) hidden.add(id);
    idPool.push(...hiddenIds.slice(0, 20), ...visibleIds);
  }
  idPool.push(...(await query(locations, `SELECT "id"::text AS id FROM "locations"."Location" LIMIT 30`)));
  idPool.push(...(await query(locations, `SELECT "id"::text AS id FROM "locations"."Organization"`)));
  idPool.push('not-an-id', '', '00000000-0000-0000-0000-000000000000', syntheticId('fuzz', 'nowhere'));
  const names = await people.database.driver.query<{ name: string }>(
    `SELECT "givenName" || ' ' || "familyName" AS name FROM "people"."Person" ORDER BY "id" LIMIT 20`,
  );
  stringPool.push(
    // PostgreSQL refuses NUL in text: the graph must answer it as bad input, never an internal error.
    'nul\u0000inside',
    ...names.map((row) => row.name),
    'Shevchenko',
    'Олександр',
    'UA46',
    'BY-HM',
    'food parcel',
    '2024-01-01',
    '2024-13-45',
    '',
    ' ',
    'x'.repeat(300),
    "' OR 1=1 --",
    '%_\\',
    '🙂',
  );
  expect(hidden.size).toBeGreaterThan(50);
  expect(identityOnly.size).toBeGreaterThan(5);
}, 180_000);

afterAll(async () => {
  await graph?.stop();
});

test(`${operations} random operations as a National Society key answer without internal errors, empty error lists or hidden records (seed ${seed})`, async () => {
  const random = seededRandom(seed);
  const problems: Array<{ operation: string; problem: string }> = [];
  for (let n = 0; n < operations; n += 1) {
    const operation = randomOperation({
      schema: api,
      random,
      ids: idPool,
      strings: stringPool,
      maxDepth: 6,
      maxWidth: 3,
    });
    const response = await fetch(graph.graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...graph.as('russianRedCross') },
      body: JSON.stringify({ query: operation }),
    });
    const text = await response.text();
    const report = (problem: string) => problems.push({ operation, problem });
    if (response.status >= 500) report(`HTTP ${response.status}: ${text.slice(0, 300)}`);
    let body: { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      report(`not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
      continue;
    }
    if (Array.isArray(body.errors) && body.errors.length === 0) report('an empty errors list');
    for (const error of body.errors ?? []) if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') report(`internal error: ${error.message}`);
    const leaked = [...new Set(text.match(uuids) ?? [])].filter((id) => hidden.has(id.toLowerCase()) && !operation.includes(id));
    if (leaked.length > 0) report(`ids of records the key may not see: ${leaked.join(', ')}`);
    const shown = beyondIdentity((body as { data?: unknown }).data);
    if (shown.length > 0) report(`more than the identity of people seen only through a record: ${shown.join(', ')}`);
  }
  expect({ seed, problems }).toEqual({ seed, problems: [] });
}, 300_000);

/**
 * The fields, beyond the identity, that carry a value on a person the key sees only through a
 * record (every object with an id says it, see random-operations.ts). The generator names every
 * other field `<field>_<n>`, so the alias gives the field back.
 */
function beyondIdentity(value: unknown, path = 'data'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => beyondIdentity(item, `${path}.${index}`));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const here: string[] = [];
  const id = typeof object.id === 'string' ? object.id : undefined;
  if (id && identityOnly.has(id)) {
    for (const [key, inner] of Object.entries(object)) {
      const field = key.replace(/_\d+$/, '');
      if (inner !== null && field !== '__typename' && !personIdentityFields.has(field)) here.push(`${path}.${key}`);
    }
  }
  return [...here, ...Object.entries(object).flatMap(([key, inner]) => beyondIdentity(inner, `${path}.${key}`))];
}
