import cluster from 'node:cluster';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { KeyLike } from 'jose';
import { createLogger, internalKeyFromJson, signInternalToken, type Principal } from '@movement/runtime';
import { announceListening, loadLimitsConfig, openAccessDatabase, runWorkers, startGateway } from '@movement/gateway';
import { ApiKeyStore } from '@movement/gateway/dist/auth/api-keys';
import { forApolloGateway } from './direct-plan';

/**
 * One gateway of `npm run bench:gateway`, in a process of its own so that its CPU and memory are
 * its own: `node gateway-contender.js ours|baseline|stock|hive`. It serves the supergraph over the running
 * subgraphs and prints one JSON line, `{ "url": …, "apiKey"?: … }`, once it listens.
 *
 * - `ours`: this graph's gateway as deployed: API key authentication, rate limiting, access
 *   enforcement, the audit trail and usage recording on, its access database on PostgreSQL; with
 *   `BENCH_GATEWAY_WORKERS` above 1, a primary and that many worker processes (`GATEWAY_WORKERS`).
 * - `baseline`: the same, from the built `gateway/dist` of another checkout (`BENCH_BASELINE_ROOT`).
 * - `stock`: `@apollo/gateway` + `@apollo/server` with their defaults.
 * - `hive`: Hive Gateway's engine (`@graphql-hive/gateway-runtime`, what its CLI serves) with its
 *   defaults (identical subgraph requests in flight merged).
 *
 * The peers get one addition: the internal token the subgraphs require, signed once per client
 * request for the benchmark's principal, as this graph's gateway signed it before it reused them.
 * They authenticate no one and enforce nothing, so they do less work than ours.
 */

interface ContenderEnvironment {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  signingKey: KeyLike;
  principal: Principal;
  accessDatabaseUrl: string;
}

async function environment(): Promise<ContenderEnvironment> {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  return {
    supergraphSdl: read('BENCH_SUPERGRAPH_SDL'),
    subgraphUrls: JSON.parse(read('BENCH_SUBGRAPH_URLS')) as Record<string, string>,
    signingKey: await internalKeyFromJson(read('BENCH_SIGNING_KEY'), 'BENCH_SIGNING_KEY'),
    principal: JSON.parse(read('BENCH_PRINCIPAL')) as Principal,
    accessDatabaseUrl: read('BENCH_ACCESS_DATABASE_URL'),
  };
}

/** A key for the benchmark's principal; the previous run's are revoked, the other contender's left alone. */
async function issueKey(apiKeys: Pick<ApiKeyStore, 'revokeIssuedBy' | 'issue'>, principal: Principal, issuer: string): Promise<string> {
  await apiKeys.revokeIssuedBy(issuer, issuer);
  const { secret } = await apiKeys.issue({ partnerId: principal.partnerId!, name: principal.subject, scopes: [...principal.scopes], createdBy: issuer });
  return secret;
}

/** This checkout's gateway, or (`baseline`) the built gateway of the checkout at `BENCH_BASELINE_ROOT`. */
async function ours(env: ContenderEnvironment, baseline = false): Promise<{ url: string; apiKey: string } | undefined> {
  const workers = baseline ? 1 : Number(process.env.BENCH_GATEWAY_WORKERS ?? '1');
  const accessDatabase = { databaseUrl: env.accessDatabaseUrl, dataDir: '' };
  if (workers > 1 && cluster.isPrimary) {
    // The primary issues the key before any worker checks one, then forks the workers, which run this again.
    const access = await openAccessDatabase(accessDatabase);
    const apiKey = await issueKey(new ApiKeyStore(access.driver), env.principal, 'bench-gateway');
    await access.close();
    const { url } = await runWorkers({ workers, host: '127.0.0.1', metrics: {}, logger: createLogger('gateway', 'warn') });
    return { url, apiKey };
  }
  const start: typeof startGateway = baseline
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- another checkout's build, found at run time
      (require(join(process.env.BENCH_BASELINE_ROOT ?? '', 'gateway', 'dist', 'index.js')) as { startGateway: typeof startGateway }).startGateway
    : startGateway;
  const gateway = await start({
    port: 0,
    logger: createLogger('gateway', 'warn'),
    supergraphSdl: env.supergraphSdl,
    subgraphUrls: env.subgraphUrls,
    // One principal at full speed: the limit is checked on every request but never reached.
    limits: { ...loadLimitsConfig({}), rateLimitPerMinute: 100_000_000 },
    registry: { handoffDir: mkdtempSync(join(tmpdir(), 'bench-gateway-registry-')) },
    usage: { enabled: true },
    access: { database: accessDatabase, signingKey: env.signingKey },
  });
  if (cluster.isWorker) {
    announceListening(gateway.port);
    return undefined;
  }
  // A key per contender: the previous run's are revoked, the other contender's left alone.
  const issuer = baseline ? 'bench-gateway-baseline' : 'bench-gateway';
  return { url: gateway.url, apiKey: await issueKey(gateway.apiKeys, env.principal, issuer) };
}

async function stock(env: ContenderEnvironment): Promise<{ url: string }> {
  type Context = { token?: Promise<string>; operationName: string | null };
  class Signing extends RemoteGraphQLDataSource<Context> {
    override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): Promise<void> {
      if (!request.http || !('operationName' in context)) return;
      context.token ??= signInternalToken(env.signingKey, { principal: env.principal, operationName: context.operationName });
      request.http.headers.set('authorization', `Bearer ${await context.token}`);
    }
  }
  const gateway = new ApolloGateway({
    supergraphSdl: forApolloGateway(env.supergraphSdl),
    buildService: ({ name }) => new Signing({ url: env.subgraphUrls[name] }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      void req;
      return { operationName: null };
    },
  });
  return { url };
}

async function hive(env: ContenderEnvironment): Promise<{ url: string }> {
  const gateway = await import('@graphql-hive/gateway-runtime');
  const tokens = new WeakMap<object, Promise<string>>();
  const internalToken = {
    onFetch({
      context,
      options,
      setOptions,
    }: {
      context: { params?: { operationName?: string | null } };
      options: { headers?: Record<string, string> };
      setOptions: (next: object) => void;
    }) {
      let token = tokens.get(context);
      if (!token) {
        token = signInternalToken(env.signingKey, { principal: env.principal, operationName: context.params?.operationName ?? null });
        tokens.set(context, token);
      }
      return token.then((signed) => setOptions({ ...options, headers: { ...options.headers, authorization: `Bearer ${signed}` } }));
    },
  };
  const runtime = gateway.createGatewayRuntime({
    supergraph: env.supergraphSdl,
    logging: false,
    transportEntries: Object.fromEntries(Object.entries(env.subgraphUrls).map(([name, url]) => [name, { location: url }])),
    plugins: () => [internalToken],
  } as Parameters<typeof gateway.createGatewayRuntime>[0]);
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

async function main(): Promise<void> {
  // The benchmark stops a contender with SIGTERM; exiting normally is what writes a --cpu-prof profile.
  process.once('SIGTERM', () => process.exit(0));
  const kind = process.argv[2];
  const env = await environment();
  const started =
    kind === 'ours' || kind === 'baseline'
      ? await ours(env, kind === 'baseline')
      : kind === 'stock'
        ? await stock(env)
        : kind === 'hive'
          ? await hive(env)
          : undefined;
  // A worker of `ours` has told its primary it listens; only the primary prints where the contender answers.
  if (cluster.isWorker) return;
  if (!started) throw new Error(`unknown contender ${kind}: ours, stock or hive`);
  process.stdout.write(`${JSON.stringify(started)}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
