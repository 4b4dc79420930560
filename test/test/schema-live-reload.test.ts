import pino from 'pino';
import { syntheticId } from '@movement/runtime/demo';
import { subgraphNames } from '@movement/runtime';
import {
  createTestDatabaseTarget,
  postGraphQL,
  startTestSubgraph,
  testInternalKeys,
  type TestDatabaseTarget,
  type TestSubgraph,
} from '@movement/runtime/testing';
import { loadLimitsConfig, startGateway, type GatewayService } from '@movement/gateway';
import { graphSubgraphs } from '@movement/launcher';
import { checkSchema, publishSchema, readSubgraphSdls, rollbackSchema, SchemaRegistry } from '@movement/schema';
import { graphTemplate } from '../src/graph-templates';
import { sharedGraphPeople } from './harness';
import { editedSubgraphs, eventually, publishUnloadable, withoutField } from './schema-support';

let subgraphs: Array<TestSubgraph<unknown>> = [];
let target: TestDatabaseTarget;
let registry: SchemaRegistry;
let gateway: GatewayService;
/** API key headers of two partners on the gateway under test. */
let asPartner: Record<'nrcs' | 'other', Record<string, string>>;
const nrcs = syntheticId('organization', 'NRCS-TEST');
const other = syntheticId('organization', 'OTHER-TEST');

/** The gateway's log entries, as parsed JSON: the refusals must show there, not only in /ready. */
const logs: Array<{ level: number; msg: string; version?: number }> = [];
const refusals = () => logs.filter((entry) => entry.msg.startsWith('supergraph refused'));

const personQuery = '{ person(id: "%ID%") { fullName nationality } }'.replace('%ID%', syntheticId('person', 1));
// The baseline is published without Person.familyName, which the running people subgraph serves all along.
const familyNameQuery = '{ person(id: "%ID%") { familyName } }'.replace('%ID%', syntheticId('person', 1));
const familyName = async () => postGraphQL<{ person: { familyName: string } | null }>(gateway.url, familyNameQuery, {}, asPartner.nrcs);

beforeAll(async () => {
  // The four subgraphs over the graph seeded with as many people as the other graph files, and the registry in the same database:
  // the gateway under test, which follows the registry, is the only gateway the test needs.
  target = await createTestDatabaseTarget('schema_reload', graphTemplate(sharedGraphPeople));
  subgraphs = await Promise.all(subgraphNames.map((name) => startTestSubgraph(graphSubgraphs[name].definition, target)));
  const location = { databaseUrl: target.url, dataDir: target.dataDir };
  registry = await SchemaRegistry.open(location);
  await publishSchema(registry, {
    subgraphs: editedSubgraphs('people', withoutField('familyName', 'Person')),
    author: 'test',
    message: 'Baseline without familyName',
    approved: ['Person.familyName'],
  });
  gateway = await startGateway({
    port: 0,
    logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) }),
    subgraphUrls: Object.fromEntries(subgraphNames.map((name, index) => [name, subgraphs[index].service.url])),
    registry: { location, pollIntervalMs: 200 },
    usage: { enabled: true, flushIntervalMs: 60_000 },
    // The in-flight test keeps eight clients busy: a per-partner rate limit would answer them 429.
    limits: loadLimitsConfig({ RATE_LIMIT_PER_MINUTE: '0' }),
    access: { database: location, signingKey: (await testInternalKeys()).privateKey },
  });
  const keyFor = async (partnerId: string) => ({
    'x-api-key': (await gateway.apiKeys.issue({ partnerId, name: 'schema test', scopes: ['people:read', 'mandate:all-records'], createdBy: 'test' })).secret,
  });
  asPartner = { nrcs: await keyFor(nrcs), other: await keyFor(other) };
});

afterAll(async () => {
  await gateway?.stop();
  await registry?.close();
  await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  await target?.dispose();
});

test('the gateway records partners’ operations, and check names the partner a breaking change would hit', async () => {
  const startedAt = new Date();
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
  const seen = usage[0]?.lastSeen ?? new Date(0);
  expect(seen.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
  expect(seen.getTime()).toBeLessThanOrEqual(Date.now());

  // A later flush moves lastSeen forward (the clock is first let past the first flush's millisecond).
  await eventually(async () => (Date.now() > seen.getTime() ? true : undefined), 'the clock to move');
  await postGraphQL(gateway.url, personQuery, {}, asPartner.nrcs);
  await gateway.flushUsage();
  const [again] = (await registry.usageOf(['Person.nationality'])).filter((entry) => entry.partner === nrcs);
  expect(again?.count).toBe(3);
  expect(again?.lastSeen.getTime()).toBeGreaterThan(seen.getTime());

  const result = await checkSchema({ subgraphs: editedSubgraphs('people', withoutField('nationality', 'Person')), registry });
  if (!result.composed) throw new Error('the edited SDL should compose');
  const impact = result.impacts.find((candidate) => candidate.change.path === 'Person.nationality');
  expect(impact?.partners.map((partner) => partner.partner)).toEqual([nrcs, other]);
  expect(impact?.operations).toEqual([]);
  expect(result.unapproved).toBeGreaterThan(0);
});

test('publish: the running gateway serves the new field without a restart, and requests in flight meanwhile all succeed', async () => {
  const before = await familyName();
  expect(before.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

  // Eight clients keep requests in flight through the publish and the reload.
  let publishing = true;
  const answers: Array<{ errors?: unknown[]; data?: unknown }> = [];
  const client = async () => {
    while (publishing) answers.push(await postGraphQL(gateway.url, personQuery, {}, asPartner.nrcs));
  };
  const clients = Array.from({ length: 8 }, client);
  try {
    const { version } = await publishSchema(registry, { subgraphs: readSubgraphSdls(), author: 'test', message: 'Family names' });
    // The gateway's own poll picks it up; no call into the gateway.
    const served = await eventually(async () => {
      const answer = await familyName();
      return answer.errors === undefined ? answer : undefined;
    }, 'the gateway to serve Person.familyName');
    expect(served.data?.person?.familyName).toEqual(expect.any(String));
    expect(gateway.supergraph()).toMatchObject({ version: version.version, source: 'registry', refused: null });
  } finally {
    publishing = false;
    await Promise.all(clients);
  }
  expect(answers.length).toBeGreaterThan(8);
  expect(answers.filter((answer) => answer.errors !== undefined)).toEqual([]);
  expect(answers.every((answer) => answer.data !== undefined && answer.data !== null)).toBe(true);
});

test('a supergraph that does not load is refused, the previous one keeps serving, and /ready says so', async () => {
  const serving = gateway.supergraph().version;
  const broken = await publishUnloadable(registry);
  await gateway.reload();
  expect(gateway.supergraph()).toMatchObject({ version: serving, refused: { version: broken.version } });
  expect((await familyName()).data?.person?.familyName).toEqual(expect.any(String));
  expect(refusals()).toContainEqual(
    expect.objectContaining({ level: 50, version: broken.version, msg: expect.stringContaining('the previous one keeps serving') }),
  );
  const person = await postGraphQL<{ person: { fullName: string } }>(gateway.url, personQuery, {}, asPartner.nrcs);
  expect(person.errors).toBeUndefined();
  expect(person.data?.person.fullName).toEqual(expect.any(String));

  const ready = (await (await fetch(new URL('/ready', gateway.url))).json()) as {
    schema: { version: number; refused: { version: number; error: string } | null };
  };
  expect(ready.schema.version).toBe(serving);
  expect(ready.schema.refused?.version).toBe(broken.version);
  expect(ready.schema.refused?.error).toEqual(expect.any(String));
});

test('a supergraph whose access rules do not build is refused before it is served', async () => {
  const serving = gateway.supergraph();
  const latest = serving.version === null ? undefined : await registry.get(serving.version);
  if (!latest) throw new Error('the gateway should serve a registry version');
  const malformed = latest.supergraphSdl.replace('@requiresScopes(scopes: [["people:read"]])', '@requiresScopes(scopes: [["people:read", 7]])');
  expect(malformed).not.toBe(latest.supergraphSdl);
  const bad = await registry.publish({ ...latest, supergraphSdl: malformed, message: 'Malformed access rule', changes: [], rollbackOf: null });
  await gateway.reload();

  expect(gateway.supergraph()).toMatchObject({
    version: serving.version,
    refused: { version: bad.version, error: expect.stringMatching(/^@requiresScopes on /) },
  });
  const person = await postGraphQL<{ person: { fullName: string } }>(gateway.url, personQuery, {}, asPartner.nrcs);
  expect(person.errors).toBeUndefined();
  expect(person.data?.person.fullName).toEqual(expect.any(String));
  const ready = (await (await fetch(new URL('/ready', gateway.url))).json()) as { schema: { version: number; refused: { version: number } | null } };
  expect(ready.schema).toMatchObject({ version: serving.version, refused: { version: bad.version } });
  expect(refusals()).toContainEqual(expect.objectContaining({ level: 50, version: bad.version }));
});

test('rollback restores the earlier schema in the running gateway', async () => {
  const restored = await rollbackSchema(registry, 1, { author: 'test' });
  expect(restored.rollbackOf).toBe(1);
  // Its changes are against the version before it: here the refused one, whose API is version 2's.
  expect(restored.changes).toContainEqual(expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Person.familyName', level: 'breaking' }));
  expect(restored.supergraphSdl).toBe((await registry.get(1))?.supergraphSdl);
  await eventually(async () => ((await familyName()).errors !== undefined ? true : undefined), 'the gateway to drop Person.familyName');
  expect(gateway.supergraph()).toMatchObject({ version: restored.version, refused: null });
  expect((await registry.history()).map((version) => version.rollbackOf)).toEqual([null, null, null, null, 1]);
});
