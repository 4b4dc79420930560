/**
 * The graph deployed on one machine the way it scales out: every service a process of its own
 * started by the image's entry point, on one PostgreSQL database and Redis, with two gateway
 * processes and the people subgraph as replicas behind a round-robin TCP balancer. What the
 * horizontal-scale tests and `npm run bench:scale` start, and the stream of queries they send
 * through it while a replica is killed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateInternalKeyPair, internalKeyToJson, subgraphNames } from '@movement/runtime';
import { createTokenIssuer, type BearerClaims } from '@movement/runtime/demo';
import { runService, type ServiceProcess } from '@movement/runtime/testing';

// The image's entry point: `movement serve <service>`.
const cli = join(dirname(require.resolve('@movement/launcher/package.json')), 'dist', 'cli.js');

/** What a gateway logs for each query it sends a second time after a connection failure. */
const retryLogLine = 'subgraph query retried after a connection failure';

interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A round-robin TCP balancer, as a Kubernetes Service in front of replicas: a backend that refuses
 * a connection is taken out (its endpoint removed), and a connection whose backend goes away is
 * reset, so the gateway sees what it sees when a pod dies.
 */
async function startBalancer(backends: string[]): Promise<Balancer> {
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

export interface ScaleCluster {
  /** The two gateway processes, over the same subgraphs, database and Redis. */
  gateways: Array<{ url: string; child: ServiceProcess }>;
  /** The people subgraph's replicas, in the balancer's order. */
  peopleReplicas: ServiceProcess[];
  /** A bearer token the gateways accept, signed by the cluster's identity provider. */
  token(claims: BearerClaims): Promise<string>;
  /** The queries the gateways have sent a second time after a connection failure, from their logs. */
  retries(): number;
  /** Stops every process (SIGTERM) and the balancer; the database is the caller's. */
  stop(): Promise<void>;
}

/**
 * Starts the cluster on the PostgreSQL database at `databaseUrl` (empty, or migrated and seeded
 * as the graph in one process leaves it; the services apply what is missing at start) and the
 * Redis server at `redisUrl`. The gateways' rate limit is
 * off: the callers send bursts as one principal.
 */
export async function startScaleCluster(options: { databaseUrl: string; redisUrl: string; peopleReplicas?: number }): Promise<ScaleCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'movement-scale-'));
  const started: ServiceProcess[] = [];
  let balancer: Balancer | undefined;
  const stop = async () => {
    for (const child of started) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
    await Promise.all(started.map((child) => child.exited));
    await balancer?.stop();
    rmSync(folder, { recursive: true, force: true });
  };
  const launch = (args: string[], env: Record<string, string>) => {
    const child = runService(cli, { LOG_LEVEL: 'info', ...env }, args);
    started.push(child);
    return child;
  };
  try {
    // Every service on the one database, each in its own schema, as the graph in one process
    // keeps them: a test database copied from a seeded template serves the cluster as it is.
    const storage: Record<string, string> = {
      ACCESS_DATABASE_URL: options.databaseUrl,
      REGISTRY_DATABASE_URL: options.databaseUrl,
      ...Object.fromEntries(subgraphNames.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, options.databaseUrl])),
    };
    const identityProvider = await createTokenIssuer();
    const jwksPath = join(folder, 'jwks.json');
    writeFileSync(jwksPath, JSON.stringify(identityProvider.jwks));
    const pair = await generateInternalKeyPair();
    const verifyKey = await internalKeyToJson(pair.publicKey);
    const subgraphEnv = { ...storage, GATEWAY_VERIFY_KEY: verifyKey, PORT: '0' };
    // Started in the order they ask each other: people checks places with locations, assistance
    // and messages check people and places before a write.
    const urls: Record<string, string> = {};
    urls.LOCATIONS_URL = String((await launch(['serve', 'locations'], subgraphEnv).logged('subgraph listening')).url);
    // One after the other: the first applies any pending migrations, the next find them applied.
    const peopleReplicas: ServiceProcess[] = [];
    const replicaUrls: string[] = [];
    for (let i = 0; i < (options.peopleReplicas ?? 2); i++) {
      const replica = launch(['serve', 'people'], { ...subgraphEnv, ...urls });
      peopleReplicas.push(replica);
      replicaUrls.push(String((await replica.logged('subgraph listening')).url));
    }
    balancer = await startBalancer(replicaUrls);
    urls.PEOPLE_URL = balancer.url;
    for (const name of subgraphNames.filter((name) => name !== 'people' && name !== 'locations')) {
      urls[`${name.toUpperCase()}_URL`] = String((await launch(['serve', name], { ...subgraphEnv, ...urls }).logged('subgraph listening')).url);
    }

    const gatewayEnv = {
      ...storage,
      ...urls,
      PORT: '0',
      GATEWAY_SIGNING_KEY: await internalKeyToJson(pair.privateKey),
      JWKS_PATH: jwksPath,
      REDIS_URL: options.redisUrl,
      RATE_LIMIT_PER_MINUTE: '0',
      USAGE_RECORDING: 'off',
      // One process per instance, as the manifests run it: these are instances, not workers (workers.test.ts).
      GATEWAY_WORKERS: '1',
    };
    const gateways: ScaleCluster['gateways'] = [];
    for (const child of [launch(['serve', 'gateway'], gatewayEnv), launch(['serve', 'gateway'], gatewayEnv)]) {
      gateways.push({ url: String((await child.logged('gateway listening')).url), child });
    }
    return {
      gateways,
      peopleReplicas,
      token: (claims) => identityProvider.issue(claims),
      retries: () => gateways.reduce((sum, { child }) => sum + child.lines.filter((line) => line.msg === retryLogLine).length, 0),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What the clients saw of a stream of queries during which a people replica was killed. */
export interface ReplicaLossReport {
  requests: number;
  /** Answered with the expected data and no error. */
  answered: number;
  /** Refused with an error the client was told of: an HTTP status other than 200, or `errors`. */
  failuresSeenByClients: number;
  /** The failures by `extensions.code` (or HTTP status, or the client's own error). */
  failures: Record<string, number>;
  /** Answered without an error but not with the expected data, or not answered within the deadline. */
  lostSilently: number;
  /** How many requests had settled when the replica was killed. */
  replicaKilledAfter: number;
}

/**
 * Sends `requests` queries, `concurrency` at a time, alternately through the two gateways; once a
 * third of them have settled, kills the first people replica (SIGKILL: no drain, connections
 * reset, as when a pod's node dies) and goes on. `request(i)` gives the i-th query and the data
 * it must answer. Resolves once every request settled and the replica has exited.
 */
export async function queryWhileReplicaDies(
  cluster: ScaleCluster,
  options: {
    requests: number;
    concurrency: number;
    headers: Record<string, string>;
    /** The i-th query and the data it must be answered, its fields in the order the query selects them. */
    request(i: number): { query: string; variables: Record<string, unknown>; data: unknown };
    /** A request not answered by then is counted lost: every gateway deadline is far shorter. */
    answerWithinMs?: number;
  },
): Promise<ReplicaLossReport> {
  const killAfter = Math.ceil(options.requests / 3);
  const report: ReplicaLossReport = { requests: 0, answered: 0, failuresSeenByClients: 0, failures: {}, lostSilently: 0, replicaKilledAfter: killAfter };
  const failed = (code: string) => {
    report.failuresSeenByClients += 1;
    report.failures[code] = (report.failures[code] ?? 0) + 1;
  };
  let killed: Promise<unknown> | undefined;
  const worker = async () => {
    while (report.requests < options.requests) {
      const i = report.requests++;
      const { query, variables, data } = options.request(i);
      try {
        const response = await fetch(cluster.gateways[i % 2].url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(options.answerWithinMs ?? 30_000),
        });
        const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        if (response.status !== 200 || body.errors?.length) failed(body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`);
        // Compared as JSON: GraphQL answers a selection's fields in its order, and the objects the
        // caller gave may come from another realm (a Jest test's) than the parsed answer.
        else if (JSON.stringify(body.data) === JSON.stringify(data)) report.answered += 1;
        else report.lostSilently += 1;
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') report.lostSilently += 1;
        else failed((error as Error).message);
      }
      if (report.answered + report.failuresSeenByClients + report.lostSilently === killAfter && !killed) {
        const replica = cluster.peopleReplicas[0];
        killed = replica.exited;
        replica.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await killed;
  return report;
}
