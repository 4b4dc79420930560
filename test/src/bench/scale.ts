/**
 * Horizontal scale on one machine: two gateway processes on PostgreSQL and Redis, the people
 * subgraph as two replicas behind a round-robin TCP balancer, the other subgraphs once each. A
 * steady stream of queries goes through both gateways; once a third of them are answered, one
 * people replica is killed (SIGKILL). Prints the requests sent, those answered, the failures the
 * clients saw, the requests lost silently (a wrong answer without error, or none: must be 0) and
 * the gateways' retries. Run (PostgreSQL and Redis servers needed):
 *
 *   TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres TEST_REDIS_URL=redis://127.0.0.1:6379 npm run bench:scale [-- --requests 600 --concurrency 16]
 *
 * Exit code 1 when a request was lost or none was retried across the kill.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget } from '@movement/runtime/testing';
import { queryWhileReplicaDies, startScaleCluster, type ScaleCluster } from '../scale-cluster';

const { values: options } = parseArgs({
  options: { requests: { type: 'string', default: '600' }, concurrency: { type: 'string', default: '16' } },
  strict: true,
});
function count(name: keyof typeof options): number {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not "${options[name]}".`);
  return value;
}
const REQUESTS = count('requests');
const CONCURRENCY = count('concurrency');

async function main(): Promise<void> {
  if (!process.env.TEST_POSTGRES_URL || !process.env.TEST_REDIS_URL)
    throw new Error('TEST_POSTGRES_URL and TEST_REDIS_URL must name a PostgreSQL and a Redis server.');
  const target = await createTestDatabaseTarget('bench_scale');
  let cluster: ScaleCluster | undefined;
  try {
    cluster = await startScaleCluster({ databaseUrl: target.url!, redisUrl: process.env.TEST_REDIS_URL });
    const token = await cluster.token({ sub: 'scale-bench', scopes: ['people:read'], partnerId: syntheticId('organization', randomUUID()) });
    const began = Date.now();
    // The database is empty: each query asks for a person no one recorded, and must be answered `null`.
    const report = await queryWhileReplicaDies(cluster, {
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      headers: { authorization: `Bearer ${token}` },
      request: () => ({ query: 'query ($id: ID!) { person(id: $id) { id } }', variables: { id: randomUUID() }, data: { person: null } }),
    });
    const retried = cluster.retries();
    process.stdout.write(`${JSON.stringify({ ...report, retriesByGateways: retried, seconds: (Date.now() - began) / 1000 }, null, 2)}\n`);
    process.exitCode = report.lostSilently === 0 && retried > 0 ? 0 : 1;
  } finally {
    await cluster?.stop();
    await target.dispose();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
