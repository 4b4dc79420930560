import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { syntheticId } from '@movement/runtime/demo';
import { postGraphQL, prepareTestDataFolder, testInternalKeys } from '@movement/runtime/testing';
import { loadLimitsConfig, registryToFollow, startGateway, type GatewayService } from '@movement/gateway';
import { readSubgraphSdls, SchemaRegistry, servedDir, servedVersionNumber, spooledUsageFiles, type RegistryLocation, type SubgraphSdl } from '@movement/schema';
import { main, type CliContext } from '@movement/schema/dist/cli';
import { startGraphOnTemplate } from '../src/test-graphs';
import { startTestGraph, type TestGraph } from './harness';
import { editedSubgraphs, eventually, publishUnloadable, withoutField } from './schema-support';

// The default set-up: an embedded (PGlite) registry in DATA_DIR that only the schema CLI opens,
// and a gateway that follows it through the handoff files and spools its usage beside it.
let graph: TestGraph;
let dataDir: string;
let location: RegistryLocation;
let registryDir: string;
let gateway: GatewayService;
let asPartner: Record<string, string>;
// A handle the test keeps on the registry, so that its commands share one embedded instance (as
// commands of one process do) instead of each starting PGlite from the folder again. The gateway
// never opens the database: it still sees only the handoff files and its spool.
let held: SchemaRegistry | undefined;
const partner = syntheticId('organization', 'HANDOFF-TEST');

const logs: Array<{ level: number; msg: string; version?: number }> = [];
const familyNameQuery = '{ person(id: "%ID%") { familyName } }'.replace('%ID%', syntheticId('person', 1));
const nationalityQuery = '{ person(id: "%ID%") { nationality } }'.replace('%ID%', syntheticId('person', 1));
const familyName = async () => postGraphQL<{ person: { familyName: string } | null }>(gateway.url, familyNameQuery, {}, asPartner);

/** Runs one schema CLI command against the embedded registry, as `npm run schema --` would. */
async function schema(argv: string[], subgraphs: () => SubgraphSdl[] = readSubgraphSdls) {
  const out: string[] = [];
  const err: string[] = [];
  const context: Partial<CliContext> = {
    subgraphs,
    registryLocation: () => location,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
  };
  const code = await main(argv, context);
  return { code, out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'schema-handoff-'));
  registryDir = join(dataDir, 'registry');
  location = { dataDir: registryDir };
  await prepareTestDataFolder(registryDir);
  held = await SchemaRegistry.open(location);
  // The seed size of every graph of the run (the shared graph's), so that the run makes no template for this file alone.
  graph = await startTestGraph({ seedPeople: 200, label: 'schema_handoff' }, startGraphOnTemplate);
  const baseline = await schema(['publish', '--message', 'Baseline without familyName', '--author', 'test', '--approve', 'Person.familyName'], () =>
    editedSubgraphs('people', withoutField('familyName', 'Person')),
  );
  expect(baseline).toMatchObject({ code: 0 });
  gateway = await startGateway({
    port: 0,
    logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) }),
    subgraphUrls: Object.fromEntries(Object.entries(graph.graph.subgraphs).map(([name, entry]) => [name, entry.service.url])),
    registry: registryToFollow(location, 200),
    usage: { enabled: true, flushIntervalMs: 60_000 },
    limits: loadLimitsConfig({ RATE_LIMIT_PER_MINUTE: '0' }),
    // The graph's own access store (its database is open in this process already): this gateway's key is issued there.
    access: { database: { databaseUrl: graph.target.url, dataDir: graph.target.dataDir }, signingKey: (await testInternalKeys()).privateKey },
  });
  asPartner = {
    'x-api-key': (await gateway.apiKeys.issue({ partnerId: partner, name: 'handoff test', scopes: ['people:read', 'mandate:all-records'], createdBy: 'test' }))
      .secret,
  };
});

afterAll(async () => {
  await gateway?.stop();
  await held?.close();
  await graph?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('publish writes the handoff files, and the running gateway serves the new field without a restart', async () => {
  expect(servedVersionNumber(registryDir)).toBe(1);
  expect(gateway.supergraph()).toMatchObject({ version: 1, source: 'registry', refused: null });
  expect((await familyName()).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

  const published = await schema(['publish', '--message', 'Family names', '--author', 'test']);
  expect(published).toMatchObject({ code: 0, out: expect.stringContaining('Published version 2.') });
  expect(servedVersionNumber(registryDir)).toBe(2);
  expect(readFileSync(join(servedDir(registryDir), 'supergraph.graphql'), 'utf8')).toContain('familyName');

  const served = await eventually(async () => {
    const answer = await familyName();
    return answer.errors === undefined ? answer : undefined;
  }, 'the gateway to serve Person.familyName');
  expect(served.data?.person?.familyName).toEqual(expect.any(String));
  expect(gateway.supergraph()).toMatchObject({ version: 2, source: 'registry', refused: null });
});

test('a version that does not load is refused and the previous one keeps serving', async () => {
  const registry = await SchemaRegistry.open(location);
  const broken = await publishUnloadable(registry);
  await registry.close();
  expect(servedVersionNumber(registryDir)).toBe(broken.version);
  // A poll already in flight may have read the files before the publish: wait for the next one.
  await eventually(async () => (gateway.supergraph().refused ? true : undefined), 'the gateway to refuse the broken version');
  expect(gateway.supergraph()).toMatchObject({ version: 2, refused: { version: broken.version } });
  expect(logs).toContainEqual(expect.objectContaining({ level: 50, version: broken.version, msg: expect.stringContaining('the previous one keeps serving') }));
  expect((await familyName()).data?.person?.familyName).toEqual(expect.any(String));

  // A rollback through the CLI is followed like any publish.
  const rolledBack = await schema(['rollback', '1', '--author', 'test']);
  expect(rolledBack).toMatchObject({ code: 0 });
  await eventually(async () => ((await familyName()).errors !== undefined ? true : undefined), 'the gateway to drop Person.familyName');
  expect(gateway.supergraph()).toMatchObject({ version: broken.version + 1, refused: null });
});

test('usage spooled by the gateway reaches the registry through the CLI, and the spool is emptied', async () => {
  expect((await postGraphQL(gateway.url, nationalityQuery, {}, asPartner)).errors).toBeUndefined();
  await postGraphQL(gateway.url, nationalityQuery, {}, asPartner);
  await gateway.flushUsage();
  expect(spooledUsageFiles(registryDir).length).toBeGreaterThan(0);

  const usage = await schema(['usage', '--field', 'Person.nationality']);
  expect(usage.code).toBe(0);
  expect(usage.out).toContain(`${partner}  (anonymous operation)  2 call(s)`);
  expect(spooledUsageFiles(registryDir)).toEqual([]);
  expect(existsSync(join(registryDir, 'usage-spool'))).toBe(true);

  // Ingested once: a second command does not count the same calls again.
  expect((await schema(['usage', '--field', 'Person.nationality'])).out).toContain('2 call(s)');
});
