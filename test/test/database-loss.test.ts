import pg from 'pg';
import { createLogger, openEmbedded } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { postGraphQL, testInternalKeys } from '@movement/runtime/testing';
import { loadLimitsConfig, startGateway, type GatewayService } from '@movement/gateway';
import { subgraphNames } from '@movement/launcher';
import { startGraphOnTemplate } from '../src/test-graphs';
import { startTestGraph, type TestGraph } from './harness';

let graph: TestGraph;
/**
 * A second gateway over the same subgraphs and access database that never trusts a key lookup
 * without asking the database (freshMs 0), so a lost database shows at once.
 */
let strict: GatewayService;
const person = syntheticId('person', 1);
const PERSON = `query($id: ID!) { person(id: $id) { fullName } }`;
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL);

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'database-loss' }, startGraphOnTemplate);
  strict = await startGateway({
    port: 0,
    logger: createLogger('gateway', process.env.LOG_LEVEL ?? 'silent'),
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, graph.graph.subgraphs[name].service.url])),
    limits: loadLimitsConfig({}),
    access: {
      database: { databaseUrl: graph.target.url, dataDir: graph.target.dataDir },
      signingKey: (await testInternalKeys()).privateKey,
      apiKeyCache: { freshMs: 0 },
    },
  });
});

afterAll(async () => {
  await strict?.stop();
  await graph?.stop();
});

/** A key of the strict gateway, verified once while its database answers. */
async function verifiedKey(): Promise<string> {
  const { secret } = await strict.apiKeys.issue({
    partnerId: syntheticId('organization', 'ICRC-MOSCOW'),
    name: 'database loss',
    scopes: ['people:read', 'mandate:all-records'],
    createdBy: 'test',
  });
  expect((await postGraphQL(strict.url, PERSON, { id: person }, { 'x-api-key': secret })).errors).toBeUndefined();
  return secret;
}

/**
 * What a PostgreSQL restart does to the statements running at that moment, without touching the
 * shared server: `table` is locked so the statement the request sends waits, and when it does,
 * the server ends that connection (57P01, as on shutdown).
 */
async function endConnectionWaitingOn<T>(table: string, request: () => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: graph.target.url });
  await admin.connect();
  try {
    await admin.query('BEGIN');
    await admin.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    const answer = request();
    // The event waited on: the request's statement queued behind the lock (pg_locks is live;
    // pg_stat_activity would be a snapshot taken once per transaction).
    const waiting = `FROM pg_locks WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND relation = '${table}'::regclass AND NOT granted`;
    while ((await admin.query<{ n: number }>(`SELECT count(*)::int AS n ${waiting}`)).rows[0].n === 0);
    await admin.query(`SELECT pg_terminate_backend(pid) ${waiting}`);
    await admin.query('ROLLBACK');
    return await answer;
  } finally {
    await admin.end();
  }
}

// Each engine loses its database its own way; a run tests the one it runs on.
if (onPostgres) {
  describe('PostgreSQL ending the connections, as on a restart', () => {
    test('a statement cut off is SERVICE_UNAVAILABLE, which may be retried, and the next request is answered', async () => {
      const cut = await endConnectionWaitingOn('"people"."Person"', () => graph.query(PERSON, { id: person }, graph.as('icrc')));
      expect(cut.data).toEqual({ person: null });
      expect(cut.errors).toEqual([expect.objectContaining({ path: ['person'], extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) })]);
      // The pools replaced their lost connections; nothing else was hurt.
      const again = await graph.query<{ person: { fullName: string } }>(PERSON, { id: person }, graph.as('icrc'));
      expect(again.errors).toBeUndefined();
      expect(again.data!.person.fullName).toEqual(expect.any(String));
    });

    test('the gateway keeps accepting a key it verified shortly before while the access database is cut off, but no unknown one; revocation holds once it answers', async () => {
      const key = await verifiedKey();
      const accepted = await endConnectionWaitingOn('"access"."api_key"', () => postGraphQL(strict.url, PERSON, { id: person }, { 'x-api-key': key }));
      expect(accepted.status).toBe(200);
      expect(accepted.errors).toBeUndefined();
      const unknown = await endConnectionWaitingOn('"access"."api_key"', () =>
        postGraphQL(strict.url, PERSON, { id: person }, { 'x-api-key': `mgk_0123456789abcdef_${'C'.repeat(43)}` }),
      );
      expect([unknown.status, unknown.errors?.[0]?.extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      await strict.apiKeys.revoke(/^mgk_([0-9a-f]{16})_/.exec(key)![1], 'test');
      expect((await postGraphQL(strict.url, PERSON, { id: person }, { 'x-api-key': key })).status).toBe(401);
    });
  });
} else {
  describe('the embedded database closed underneath the graph', () => {
    test('subgraphs answer SERVICE_UNAVAILABLE, and the gateway still accepts a key verified shortly before, but no unknown one', async () => {
      const key = await verifiedKey();
      await (await openEmbedded(graph.target.dataDir)).close();
      const answer = await postGraphQL(strict.url, PERSON, { id: person }, { 'x-api-key': key });
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ person: null });
      expect(answer.errors).toEqual([expect.objectContaining({ path: ['person'], extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) })]);
      const unknown = await postGraphQL(strict.url, PERSON, { id: person }, { 'x-api-key': `mgk_0123456789abcdef_${'C'.repeat(43)}` });
      expect([unknown.status, unknown.errors?.[0]?.extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    });
  });
}
