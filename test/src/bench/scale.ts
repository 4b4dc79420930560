/**
 * Horizontal scale on one machine: two gateway processes on PostgreSQL and Redis, the people
 * subgraph as two replicas behind a round-robin TCP balancer, the other subgraphs once each. A
 * steady stream of queries goes through both gateways; once a third of them are answered, one
 * people replica is killed (SIGKILL). Prints the requests sent, those answered, the failures the
 * clients saw, the requests never settled (lost silently: must be 0) and the gateways' retries.
 * Run (PostgreSQL and Redis servers needed):
 *
 *   TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres TEST_REDIS_URL=redis://127.0.0.1:6379 npm run bench:scale [-- --requests 600 --concurrency 16]
 *
 * Exit code 1 when a request was lost or none was retried across the kill.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { accessDatabaseLocation, openAccessDatabase } from '@movement/gateway';
import { ApiKeyStore } from '@movement/gateway/dist/auth/api-keys';
import { databaseUrlFor, generateInternalKeyPair, internalKeyToJson, subgraphNames } from '@movement/runtime';
import { createTokenIssuer, syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, runService, type ServiceProcess } from '@movement/runtime/testing';

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
const cli = join(__dirname, '..', '..', '..', 'launcher', 'dist', 'cli.js');

/**
 * A round-robin TCP balancer, as a Kubernetes Service in front of replicas: a backend that refuses
 * a connection is taken out (its endpoint removed), and a connection whose backend goes away is
 * reset, so the gateway sees what it sees when a pod dies.
 */
async function startBalancer(backends: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const live = backends.map((url) => new URL(url));
  const sockets = new Set<net.Socket>();
  let next = 0;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const connect = (): void => {
      if (live.length === 0) {
        client.resetAndDestroy();
        return;
      }
      const backend = live[next++ % live.length];
      const upstream = net.connect(Number(backend.port), backend.hostname);
      sockets.add(upstream);
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        client.pipe(upstream).pipe(client);
      });
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (!connected && error.code === 'ECONNREFUSED') {
          const index = live.indexOf(backend);
          if (index >= 0) live.splice(index, 1);
          return connect();
        }
        if (!client.destroyed) client.resetAndDestroy();
      });
      upstream.on('end', () => client.end());
    };
    connect();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: new URL(live[0].pathname, `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`).toString(),
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function main(): Promise<void> {
  if (!process.env.TEST_POSTGRES_URL || !process.env.TEST_REDIS_URL)
    throw new Error('TEST_POSTGRES_URL and TEST_REDIS_URL must name a PostgreSQL and a Redis server.');
  const folder = mkdtempSync(join(tmpdir(), 'movement-bench-scale-'));
  const target = await createTestDatabaseTarget('bench_scale');
  const started: ServiceProcess[] = [];
  const launch = (args: string[], env: Record<string, string>) => {
    const child = runService(cli, { LOG_LEVEL: 'info', ...env }, args);
    started.push(child);
    return child;
  };
  let balancer: { stop(): Promise<void> } | undefined;
  let closeAccess: (() => Promise<void>) | undefined;
  try {
    const storage = {
      DATABASE_URL: target.url!,
      ACCESS_DATABASE_URL: databaseUrlFor('access', undefined, target.url)!,
      REGISTRY_DATABASE_URL: databaseUrlFor('registry', undefined, target.url)!,
    };
    const access = await openAccessDatabase(accessDatabaseLocation(storage.ACCESS_DATABASE_URL, folder));
    closeAccess = () => access.close();
    const { secret } = await new ApiKeyStore(access.driver).issue({
      partnerId: syntheticId('organization', randomUUID()),
      name: 'scale bench',
      scopes: ['people:read'],
      createdBy: 'bench',
    });
    const identityProvider = await createTokenIssuer();
    const jwksPath = join(folder, 'jwks.json');
    writeFileSync(jwksPath, JSON.stringify(identityProvider.jwks));
    const pair = await generateInternalKeyPair();
    const subgraphEnv = { ...storage, PORT: '0', GATEWAY_VERIFY_KEY: await internalKeyToJson(pair.publicKey) };

    const urls: Record<string, string> = {};
    for (const name of subgraphNames) {
      if (name === 'people') continue;
      urls[`${name.toUpperCase()}_URL`] = String((await launch(['serve', name], subgraphEnv).logged('subgraph listening')).url);
    }
    // One after the other: the first applies the migrations, the second finds them applied.
    const replicas = [launch(['serve', 'people'], subgraphEnv)];
    const replicaUrls = [String((await replicas[0].logged('subgraph listening')).url)];
    replicas.push(launch(['serve', 'people'], subgraphEnv));
    replicaUrls.push(String((await replicas[1].logged('subgraph listening')).url));
    const people = await startBalancer(replicaUrls);
    balancer = people;
    urls.PEOPLE_URL = people.url;

    const gatewayEnv = {
      ...storage,
      ...urls,
      PORT: '0',
      GATEWAY_SIGNING_KEY: await internalKeyToJson(pair.privateKey),
      JWKS_PATH: jwksPath,
      REDIS_URL: process.env.TEST_REDIS_URL,
      RATE_LIMIT_PER_MINUTE: '0',
      USAGE_RECORDING: 'off',
    };
    const gateways: Array<{ url: string; child: ServiceProcess }> = [];
    for (const child of [launch(['serve', 'gateway'], gatewayEnv), launch(['serve', 'gateway'], gatewayEnv)]) {
      gateways.push({ url: String((await child.logged('gateway listening')).url), child });
    }

    const tally = { sent: 0, answered: 0, failedSeen: 0 };
    const failures = new Map<string, number>();
    let killed: Promise<unknown> | undefined;
    const killAfter = Math.ceil(REQUESTS / 3);
    const worker = async () => {
      while (tally.sent < REQUESTS) {
        const i = tally.sent++;
        try {
          const response = await fetch(gateways[i % 2].url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': secret },
            body: JSON.stringify({ query: 'query ($id: ID!) { person(id: $id) { id } }', variables: { id: randomUUID() } }),
          });
          const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
          if (response.status !== 200 || body.errors?.length) {
            tally.failedSeen += 1;
            const code = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
            failures.set(code, (failures.get(code) ?? 0) + 1);
          } else tally.answered += 1;
        } catch (error) {
          tally.failedSeen += 1;
          failures.set((error as Error).message, (failures.get((error as Error).message) ?? 0) + 1);
        }
        if (tally.answered + tally.failedSeen === killAfter && !killed) {
          killed = replicas[0].exited;
          replicas[0].process.kill('SIGKILL');
        }
      }
    };
    const began = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;
    const retried = gateways.reduce(
      (sum, { child }) => sum + child.lines.filter((line) => line.msg === 'subgraph query retried after a connection failure').length,
      0,
    );
    const report = {
      requests: tally.sent,
      answered: tally.answered,
      failuresSeenByClients: tally.failedSeen,
      failures: Object.fromEntries(failures),
      lostSilently: tally.sent - tally.answered - tally.failedSeen,
      retriesByGateways: retried,
      replicaKilledAfter: killAfter,
      seconds: (Date.now() - began) / 1000,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.lostSilently === 0 && retried > 0 ? 0 : 1;
  } finally {
    for (const child of started) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
    await Promise.all(started.map((child) => child.exited));
    await balancer?.stop();
    await closeAccess?.();
    await target.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
