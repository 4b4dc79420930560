import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { logLevel, parseEnvironment, port } from '@movement/runtime';
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
  nodeEnv: 'development' | 'production' | 'test';
  /**
   * The schema registry to follow, when `REGISTRY_DATABASE_URL` is set. The embedded registry is
   * not followed: PGlite is one process's database, so a `schema -- publish` run elsewhere could
   * not share it with a running gateway.
   */
  registry: { location: RegistryLocation; pollIntervalMs: number } | undefined;
  /** Record operation usage into the registry (`USAGE_RECORDING`, default on when following it). */
  usageRecording: boolean;
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional();

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
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      REGISTRY_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
      REGISTRY_POLL_MS: z.coerce.number().int().min(100).default(5000),
      USAGE_RECORDING: z.enum(['on', 'off']).default('on'),
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
    nodeEnv: env.NODE_ENV,
    registry: env.REGISTRY_DATABASE_URL ? { location: registryLocationFromEnvironment(source), pollIntervalMs: env.REGISTRY_POLL_MS } : undefined,
    usageRecording: env.USAGE_RECORDING === 'on',
  };
}
