import http from 'node:http';
import pg from 'pg';
import { fullAccessClaims } from '@movement/launcher';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '@movement/runtime/testing';
import { queryWhileReplicaDies, startScaleCluster, type ScaleCluster } from '../src/scale-cluster';
import { graphTemplate } from '../src/graph-templates';
import { KURSK, collectInput, person } from './messages-support';

// Retries across replicas, with every service a process of its own as deployed: two gateway
// processes, two people replicas behind a round-robin balancer, one PostgreSQL database and Redis
// (two processes cannot share an embedded database). Runs when TEST_POSTGRES_URL and
// TEST_REDIS_URL name servers (CI sets both; see jest.config.js).
const PEOPLE = 50;
let target: TestDatabaseTarget;
let cluster: ScaleCluster;
let headers: Record<string, string>;

beforeAll(async () => {
  target = await createTestDatabaseTarget('scale_retries', graphTemplate(PEOPLE));
  cluster = await startScaleCluster({ databaseUrl: target.url!, redisUrl: process.env.TEST_REDIS_URL! });
  headers = { 'content-type': 'application/json', authorization: `Bearer ${await cluster.token(fullAccessClaims)}` };
});

afterAll(async () => {
  await cluster?.stop();
  await target?.dispose();
});

const COLLECT = `mutation ($input: CollectMessageInput!) { collectMessage(input: $input) { id } }`;

/** One send of `input` through `url`: the message's id, or the errors the client was given. */
async function collect(url: string, input: Record<string, unknown>): Promise<{ id?: string; errors?: unknown[] }> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: COLLECT, variables: { input } }) });
  const body = (await response.json()) as { data?: { collectMessage: { id: string } | null }; errors?: unknown[] };
  return { id: body.data?.collectMessage?.id, errors: body.errors };
}

/**
 * A send the client gives up on, as when its timeout fires: the connection is dropped unread once
 * the request has left (`sent`: the gateway may or may not have run it) or once the answer has
 * begun to arrive (`answered`: the message was stored, and the client never learns its id).
 */
function abandon(url: string, input: Record<string, unknown>, when: 'sent' | 'answered'): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', headers, agent: false });
    const drop = () => {
      request.destroy();
      resolve();
    };
    request.on('error', () => resolve());
    request.on(when === 'sent' ? 'finish' : 'response', drop);
    request.end(JSON.stringify({ query: COLLECT, variables: { input } }));
  });
}

test('message sends retried through both gateways, at once and after a client timeout, store one message per key', async () => {
  const [a, b] = cluster.gateways.map((gateway) => gateway.url) as [string, string];
  const inputs = Array.from({ length: 24 }, (_, i) =>
    collectInput(`scale-${i}`, { collectingPartnerId: KURSK, senderId: person(i % PEOPLE), addresseeId: person((i + 1) % PEOPLE), content: `Весточка ${i}` }),
  );
  // Four ways a send is retried, each on a quarter of the keys; every answer a client gets is kept.
  const answers = await Promise.all(
    inputs.map(async (input, i) => {
      switch (i % 4) {
        case 0: // answered through one gateway, sent again through the other
          return [await collect(a, input), await collect(b, input)];
        case 1: // copies through both gateways at once
          return Promise.all([collect(a, input), collect(b, input), collect(a, input)]);
        case 2: // the client timed out before the answer reached it, and retries through the other gateway
          await abandon(a, input, 'answered');
          return [await collect(b, input)];
        default: // the client gave up as soon as it had sent, and retries at once through the other gateway
          await abandon(b, input, 'sent');
          return Promise.all([collect(a, input), collect(b, input)]);
      }
    }),
  );

  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let stored: Array<{ key: string; ids: string[] }>;
  try {
    ({ rows: stored } = await client.query<{ key: string; ids: string[] }>(
      `SELECT "idempotencyKey" AS key, array_agg(id::text) AS ids FROM "messages"."RedCrossMessage"
        WHERE "collectingPartnerId" = $1 AND "idempotencyKey" = ANY($2) GROUP BY "idempotencyKey"`,
      [KURSK, inputs.map((input) => input.idempotencyKey)],
    ));
  } finally {
    await client.end();
  }
  // Exactly one message per key...
  expect(stored).toHaveLength(inputs.length);
  for (const { ids } of stored) expect(ids).toHaveLength(1);
  // ...and every answer, first or replayed, through either gateway, is that message.
  const storedByKey = new Map(stored.map(({ key, ids }) => [key, ids[0]]));
  inputs.forEach((input, i) => {
    for (const answer of answers[i]) expect(answer).toEqual({ id: storedByKey.get(input.idempotencyKey), errors: undefined });
  });
});

test('a people replica killed under load loses no query: each is answered, or fails to its client with a code, and the gateways retried', async () => {
  const report = await queryWhileReplicaDies(cluster, {
    requests: 300,
    concurrency: 16,
    headers,
    request: (i) => {
      const id = person(i % PEOPLE);
      return { query: 'query ($id: ID!) { person(id: $id) { id } }', variables: { id }, data: { person: { id } } };
    },
  });
  expect(report.lostSilently).toBe(0);
  expect(report.answered + report.failuresSeenByClients).toBe(report.requests);
  // A failure, if any, is one the client was told of in the graph's terms and may retry.
  expect(Object.keys(report.failures).filter((code) => code !== 'SUBGRAPH_UNAVAILABLE')).toEqual([]);
  // Queries in flight on the killed replica were sent again, to the other one.
  expect(cluster.retries()).toBeGreaterThan(0);
  expect(cluster.peopleReplicas[0].process.signalCode).toBe('SIGKILL');
});
