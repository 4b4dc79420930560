import { createLogger, createTestDatabaseTarget, postGraphQL, syntheticId, testInternalKeys, type TestDatabaseTarget } from '@movement/runtime';
import { startGateway, type GatewayService } from '@movement/gateway';
import { checkSchema, publishSchema, readSubgraphSdls, rollbackSchema, SchemaRegistry } from '@movement/schema';
import { startTestGraph, type TestGraph } from './harness';
import { editedSubgraphs, eventually, withField, withoutField } from './schema-support';

let graph: TestGraph;
let target: TestDatabaseTarget;
let registry: SchemaRegistry;
let gateway: GatewayService;
/** API key headers of two partners on the gateway under test. */
let asPartner: Record<'nrcs' | 'other', Record<string, string>>;
const nrcs = syntheticId('organization', 'NRCS-TEST');
const other = syntheticId('organization', 'OTHER-TEST');

const locationFields = async (): Promise<string[]> => {
  const result = await postGraphQL<{ __type: { fields: Array<{ name: string }> } }>(gateway.url, '{ __type(name: "Location") { fields { name } } }', {}, asPartner.nrcs);
  return result.data?.__type.fields.map((field) => field.name) ?? [];
};

const personQuery = '{ person(id: "%ID%") { fullName nationality } }'.replace('%ID%', syntheticId('person', 1));

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 5, label: 'schema_reload' });
  target = await createTestDatabaseTarget('schema-registry');
  const location = { databaseUrl: target.url, dataDir: target.dataDir };
  registry = await SchemaRegistry.open(location);
  await publishSchema(registry, { subgraphs: readSubgraphSdls(), author: 'test', message: 'Baseline' });
  gateway = await startGateway({
    port: 0,
    logger: createLogger('gateway', process.env.LOG_LEVEL ?? 'silent'),
    subgraphUrls: Object.fromEntries(Object.entries(graph.graph.subgraphs).map(([name, entry]) => [name, entry.service.url])),
    registry: { location, pollIntervalMs: 200 },
    usage: { enabled: true, flushIntervalMs: 60_000 },
    access: { database: location, signingKey: (await testInternalKeys()).privateKey },
  });
  const keyFor = async (partnerId: string) =>
    ({ 'x-api-key': (await gateway.apiKeys.issue({ partnerId, name: 'schema test', scopes: ['people:read', 'mandate:all-records'], createdBy: 'test' })).secret });
  asPartner = { nrcs: await keyFor(nrcs), other: await keyFor(other) };
});

afterAll(async () => {
  await gateway?.stop();
  await registry?.close();
  await graph?.stop();
  await target?.dispose();
});

test('the gateway records partners’ operations, and check names the partner a breaking change would hit', async () => {
  const first = await postGraphQL(gateway.url, personQuery, {}, asPartner.nrcs);
  expect(first.errors).toBeUndefined();
  await postGraphQL(gateway.url, personQuery.replace('person(', 'again: person('), {}, asPartner.nrcs);
  await postGraphQL(gateway.url, personQuery, {}, asPartner.other);
  await gateway.flushUsage();

  const usage = await registry.usageOf(['Person.nationality']);
  // The alias does not make a second signature: both calls count on one row.
  expect(usage.map(({ partner, count }) => ({ partner, count }))).toEqual([
    { partner: nrcs, count: 2 },
    { partner: other, count: 1 },
  ]);
  expect(usage[0]?.coordinates).toEqual(expect.arrayContaining(['Query.person', 'Query.person(id:)', 'Person.fullName', 'Person.nationality']));
  expect(usage[0]?.signature).not.toContain(syntheticId('person', 1));

  const result = await checkSchema({ subgraphs: editedSubgraphs('people', withoutField('nationality', 'Person')), registry });
  if (!result.composed) throw new Error('the edited SDL should compose');
  const impact = result.impacts.find((candidate) => candidate.change.path === 'Person.nationality');
  expect(impact?.partners.map((partner) => partner.partner)).toEqual([nrcs, other]);
  expect(impact?.operations).toEqual([]);
  expect(result.unapproved).toBeGreaterThan(0);
});

test('publish: the running gateway serves the new field without a restart', async () => {
  expect(await locationFields()).not.toContain('motto');
  const { version } = await publishSchema(registry, { subgraphs: editedSubgraphs('locations', withField('motto', 'Location')), author: 'test', message: 'Motto' });
  // The gateway's own poll picks it up; no call into the gateway.
  await eventually(async () => ((await locationFields()).includes('motto') ? true : undefined), 'the gateway to serve the motto field');
  expect(gateway.supergraph()).toMatchObject({ version: version.version, source: 'registry', refused: null });
  const person = await postGraphQL(gateway.url, personQuery, {}, asPartner.nrcs);
  expect(person.errors).toBeUndefined();
});

test('a supergraph that does not load is refused, the previous one keeps serving, and /ready says so', async () => {
  const serving = gateway.supergraph().version;
  const broken = await registry.publish({
    supergraphSdl: 'type Query { broken: String }',
    apiSdl: 'type Query { broken: String }',
    subgraphs: {},
    author: 'test',
    message: 'Not a supergraph',
    changes: [],
    rollbackOf: null,
  });
  await gateway.reload();
  expect(gateway.supergraph()).toMatchObject({ version: serving, refused: { version: broken.version } });
  expect(await locationFields()).toContain('motto');
  const person = await postGraphQL<{ person: { fullName: string } }>(gateway.url, personQuery, {}, asPartner.nrcs);
  expect(person.errors).toBeUndefined();
  expect(person.data?.person.fullName).toEqual(expect.any(String));

  const ready = (await (await fetch(new URL('/ready', gateway.url))).json()) as { schema: { version: number; refused: { version: number; error: string } | null } };
  expect(ready.schema.version).toBe(serving);
  expect(ready.schema.refused?.version).toBe(broken.version);
  expect(ready.schema.refused?.error).toEqual(expect.any(String));
});

test('rollback restores the earlier schema in the running gateway', async () => {
  const restored = await rollbackSchema(registry, 1, { author: 'test' });
  expect(restored.rollbackOf).toBe(1);
  // Its changes are against the version before it: here the refused one.
  expect(restored.changes).toContainEqual(expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Query.broken', level: 'breaking' }));
  expect(restored.supergraphSdl).toBe((await registry.get(1))?.supergraphSdl);
  await eventually(async () => (!(await locationFields()).includes('motto') ? true : undefined), 'the gateway to drop the motto field');
  expect(gateway.supergraph()).toMatchObject({ version: restored.version, refused: null });
  expect((await registry.history()).map((version) => version.rollbackOf)).toEqual([null, null, null, 1]);
});
