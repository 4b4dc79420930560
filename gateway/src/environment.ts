import { availableParallelism } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { logLevel, metricsConfigFrom, metricsEnvironment, parseEnvironment, port, postgresUrl, type MetricsConfig } from '@movement/runtime';
import { limitsEnvironment, limitsFromVariables, type LimitsConfig } from './limits';
import { corsEnvironment, corsFromVariables, type CorsConfig } from './http/cors-environment';
import { registryLocationFromEnvironment, repositoryRoot, supergraphPath, subgraphs, type RegistryLocation } from '@movement/schema';

export interface GatewayEnvironment {
  port: number;
  host: string;
  logLevel: z.infer<typeof logLevel>;
  /** Absolute path of the supergraph SDL the gateway serves. */
  supergraphPath: string;
  /** URL per subgraph name; subgraphs not named here use the URL written in the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** On SIGTERM, how long answers in flight may take to finish (`SHUTDOWN_GRACE_MS`). */
  shutdownGraceMs: number;
  nodeEnv: 'development' | 'production' | 'test';
  /**
   * The schema registry to follow: the database when `REGISTRY_DATABASE_URL` is set, else the
   * embedded registry's handoff files under `$DATA_DIR/registry` (PGlite is one process's
   * database, and the schema CLI is the one that opens it).
   */
  registry: { location: RegistryLocation; pollIntervalMs: number } | { handoffDir: string; pollIntervalMs: number };
  /** Record operation usage into the registry or its spool (`USAGE_RECORDING`, default on). */
  usageRecording: boolean;
  /** The private key (JWK JSON) the gateway signs its internal tokens to subgraphs with. */
  signingKey: string;
  /** Where API keys and the audit trail are kept. */
  accessDatabase: { databaseUrl?: string; dataDir: string };
  /** Where bearer tokens' keys are (`JWKS_PATH` or `JWKS_URL`); no bearer tokens accepted when unset. */
  bearerTokens: { jwks: { path: string } | { url: string }; issuer?: string; audience?: string } | undefined;
  /** Operation limits, body size, introspection and rate limits. */
  limits: LimitsConfig;
  /** Where `/metrics` is served (`METRICS_PORT`, `METRICS_TOKEN`); nowhere when neither is set. */
  metrics: MetricsConfig;
  /** Browser origins allowed to call the graph (`CORS_ORIGINS`). */
  cors: CorsConfig;
  /**
   * Processes serving the port (`GATEWAY_WORKERS`, default one per core): one process runs
   * GraphQL on one core. One only on an embedded access database, which one process opens.
   */
  workers: number;
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional();

/**
 * Where API keys and the audit trail are: `ACCESS_DATABASE_URL`, else the embedded database under
 * `DATA_DIR/access` (relative folders taken from the repository root).
 */
export function accessDatabaseLocation(databaseUrl: string | undefined, dataDir: string): { databaseUrl?: string; dataDir: string } {
  return { databaseUrl, dataDir: join(isAbsolute(dataDir) ? dataDir : join(repositoryRoot, dataDir), 'access') };
}

/** A registry on PostgreSQL is followed in the database; an embedded one through its handoff files. */
export function registryToFollow(location: RegistryLocation, pollIntervalMs: number): GatewayEnvironment['registry'] {
  return location.databaseUrl ? { location, pollIntervalMs } : { handoffDir: location.dataDir ?? join(repositoryRoot, '.data', 'registry'), pollIntervalMs };
}

/** The log level for reporting a configuration that does not parse: read before it is validated. */
export const startupLogLevel = (source: Record<string, string | undefined> = process.env): string | undefined => source.LOG_LEVEL;

/** Reads the gateway's configuration, naming every bad variable at once. */
export function loadGatewayEnvironment(source: Record<string, string | undefined> = process.env): GatewayEnvironment {
  const env = parseEnvironment(
    {
      PORT: port(4000),
      HOST: z.string().min(1).default('127.0.0.1'),
      LOG_LEVEL: logLevel,
      SUPERGRAPH_PATH: z.string().min(1).optional(),
      LOCATIONS_URL: httpUrl,
      PEOPLE_URL: httpUrl,
      ASSISTANCE_URL: httpUrl,
      MESSAGES_URL: httpUrl,
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
      SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
      REGISTRY_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
      REGISTRY_POLL_MS: z.coerce.number().int().min(100).default(5000),
      USAGE_RECORDING: z.enum(['on', 'off']).default('on'),
      GATEWAY_SIGNING_KEY: z
        .string({ error: "is required: the gateway's Ed25519 private key as JWK JSON (npm run access -- signing-keys prints a pair)" })
        .min(1),
      ACCESS_DATABASE_URL: postgresUrl,
      DATA_DIR: z.string().min(1).default('.data'),
      JWKS_PATH: z.string().min(1).optional(),
      JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
      JWT_ISSUER: z.string().min(1).optional(),
      JWT_AUDIENCE: z.string().min(1).optional(),
      GATEWAY_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
      ...limitsEnvironment,
      ...metricsEnvironment,
      ...corsEnvironment,
    },
    source,
  );
  const subgraphUrls: Record<string, string> = {};
  for (const { name } of subgraphs) {
    const url = env[`${name.toUpperCase()}_URL` as 'LOCATIONS_URL'];
    if (url) subgraphUrls[name] = url;
  }
  const configuredPath = env.SUPERGRAPH_PATH;
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    // Relative paths are taken from the repository root so `npm start` works from any folder.
    supergraphPath: configuredPath ? (isAbsolute(configuredPath) ? configuredPath : join(repositoryRoot, configuredPath)) : supergraphPath,
    subgraphUrls,
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    nodeEnv: env.NODE_ENV,
    registry: registryToFollow(registryLocationFromEnvironment(source), env.REGISTRY_POLL_MS),
    usageRecording: env.USAGE_RECORDING === 'on',
    signingKey: env.GATEWAY_SIGNING_KEY,
    accessDatabase: accessDatabaseLocation(env.ACCESS_DATABASE_URL, env.DATA_DIR),
    bearerTokens: env.JWKS_PATH
      ? { jwks: { path: env.JWKS_PATH }, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE }
      : env.JWKS_URL
        ? { jwks: { url: env.JWKS_URL }, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE }
        : undefined,
    limits: limitsFromVariables(env),
    metrics: metricsConfigFrom(env),
    cors: corsFromVariables(env),
    workers: env.ACCESS_DATABASE_URL ? (env.GATEWAY_WORKERS ?? availableParallelism()) : 1,
  };
}

/**
 * Makes `create` (which constructs an `ApolloGateway`) with Apollo's own data collection off.
 * Unless APOLLO_TELEMETRY_DISABLED is set when it is constructed, `@apollo/gateway` probes the
 * cloud providers' metadata endpoints and reports the host's OS, architecture, CPUs, memory and
 * uptime to Apollo's servers every hour and when it stops. A gateway over people in armed conflict
 * makes no call to a third party it was not configured to make, so it is off whatever the
 * environment says; the variable is restored afterwards, since it is read only then.
 */
export function withoutApolloTelemetry<T>(create: () => T): T {
  const variable = 'APOLLO_TELEMETRY_DISABLED';
  const given = process.env[variable];
  process.env[variable] = 'true';
  try {
    return create();
  } finally {
    if (given === undefined) delete process.env[variable];
    else process.env[variable] = given;
  }
}
