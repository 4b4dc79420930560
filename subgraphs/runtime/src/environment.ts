import { z } from 'zod';
import { metricsConfigFrom, metricsEnvironment } from './telemetry/metrics-endpoint';
import type { MetricsConfig } from './telemetry/metrics';

/** Raised at start-up when configuration is invalid; the message names every bad variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Parses `source` (normally `process.env`) with a zod object whose keys are variable names,
 * reporting every problem at once, each prefixed with the variable's name.
 */
export function parseEnvironment<S extends z.ZodRawShape>(shape: S, source: Record<string, string | undefined> = process.env): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(source);
  if (result.success) return result.data;
  throw new ConfigurationError(result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
export const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
  .optional();

export type SubgraphName = 'locations' | 'people' | 'assistance' | 'messages';

export const subgraphNames: SubgraphName[] = ['locations', 'people', 'assistance', 'messages'];

/** Default ports when a subgraph runs on its own; `PORT=0` picks a free one. */
export const defaultPorts: Record<SubgraphName, number> = {
  locations: 4001,
  people: 4002,
  assistance: 4003,
  messages: 4004,
};

export interface SubgraphEnvironment {
  name: SubgraphName;
  port: number;
  host: string;
  logLevel: z.infer<typeof logLevel>;
  /** PostgreSQL URL for this subgraph's own database, or undefined for embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database when no URL is set. */
  dataDir: string;
  shutdownGraceMs: number;
  /** The other subgraphs' endpoints (`<NAME>_URL`), for checking references to their records. */
  peers: Partial<Record<SubgraphName, string>>;
  /** The gateway's public key (JWK JSON, or a JWK Set of two during a rotation), to verify the internal token on every request. */
  gatewayVerifyKey: string;
  /** Where `/metrics` is served (`METRICS_PORT`, `METRICS_TOKEN`); nowhere when neither is set. */
  metrics: MetricsConfig;
}

/**
 * `<NAME>_DATABASE_URL` names the subgraph's database outright; otherwise `DATABASE_URL` is a
 * prefix and the subgraph's name is appended to its database name (`…/movement` → `…/movement_people`),
 * so one variable configures all four subgraphs, each on its own database.
 */
export function databaseUrlFor(name: string, own: string | undefined, prefix: string | undefined): string | undefined {
  if (own) return own;
  if (!prefix) return undefined;
  const url = new URL(prefix);
  const database = url.pathname.replace(/^\//, '') || 'movement';
  url.pathname = `/${database}_${name}`;
  return url.toString();
}

export function loadSubgraphEnvironment(name: SubgraphName, source: Record<string, string | undefined> = process.env): SubgraphEnvironment {
  const ownUrlVariable = `${name.toUpperCase()}_DATABASE_URL`;
  // Read by name below: the peers' and the own database's variables are named at run time.
  const env: Record<string, unknown> = parseEnvironment(
    {
      ...metricsEnvironment,
      PORT: port(defaultPorts[name]),
      HOST: z.string().min(1).default('127.0.0.1'),
      LOG_LEVEL: logLevel,
      DATABASE_URL: postgresUrl,
      [ownUrlVariable]: postgresUrl,
      DATA_DIR: z.string().min(1).default('.data'),
      SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
      GATEWAY_VERIFY_KEY: z.string({ error: "is required: the gateway's public key as JWK JSON (npm run access -- signing-keys prints a pair)" }).min(1),
      ...Object.fromEntries(
        subgraphNames.map((peer) => [`${peer.toUpperCase()}_URL`, z.string().url().default(`http://127.0.0.1:${defaultPorts[peer]}/graphql`)]),
      ),
    },
    source,
  );
  return {
    name,
    port: env.PORT as number,
    host: env.HOST as string,
    logLevel: env.LOG_LEVEL as SubgraphEnvironment['logLevel'],
    databaseUrl: databaseUrlFor(name, env[ownUrlVariable] as string | undefined, env.DATABASE_URL as string | undefined),
    dataDir: `${env.DATA_DIR as string}/${name}`,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS as number,
    peers: Object.fromEntries(subgraphNames.filter((peer) => peer !== name).map((peer) => [peer, env[`${peer.toUpperCase()}_URL`] as string])),
    gatewayVerifyKey: env.GATEWAY_VERIFY_KEY as string,
    metrics: metricsConfigFrom({ METRICS_PORT: env.METRICS_PORT as number | undefined, METRICS_TOKEN: env.METRICS_TOKEN as string | undefined }),
  };
}
