import type { Logger, MetricsConfig, RunningService } from '@movement/runtime';
import type { RegistryLocation } from '@movement/schema';
import type { KeyLike } from 'jose';
import type { AccessDatabaseLocation } from './access/access-database';
import type { AuditLog } from './access/audit-log';
import type { ApiKeyCacheOptions, ApiKeyStore } from './auth/api-keys';
import type { BearerTokenOptions } from './auth/bearer-tokens';
import type { CorsConfig } from './http/cors-environment';
import type { LimitsConfig } from './limits';
import type { GatewayMetrics } from './metrics';
import type { SupergraphStatus } from './registry-follower';

/**
 * An embedded (PGlite) registry, followed through the files beside it rather than opened: only
 * one process can open it, and that is the schema CLI. Versions come from `served/`, usage goes
 * to `usage-spool/` for the CLI to ingest.
 */
export interface EmbeddedRegistryHandoff {
  /** The embedded registry's folder (`$DATA_DIR/registry`). */
  handoffDir: string;
  pollIntervalMs?: number;
}

export interface GatewayOptions {
  /** 0 picks a free port (tests). Default 4000. */
  port?: number;
  host?: string;
  /** The supergraph SDL itself; wins over `supergraphPath`. */
  supergraphSdl?: string;
  /** Where to read the supergraph SDL; default `schema/supergraph.graphql`. */
  supergraphPath?: string;
  /** URL per subgraph name, overriding those written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  subgraphTimeoutMs?: number;
  shutdownGraceMs?: number;
  logger?: Logger;
  /**
   * Follow the schema registry: serve its latest version (the supergraph file while it has none)
   * and reload newer ones without a restart.
   */
  registry?: { location: RegistryLocation; pollIntervalMs?: number } | EmbeddedRegistryHandoff;
  /** Record operation usage into the registry, or its spool (needs `registry`). Default on when following it. */
  usage?: { enabled: boolean; flushIntervalMs?: number };
  access: {
    /** Where API keys and the audit trail are kept. */
    database: AccessDatabaseLocation;
    /** The private half of the key pair subgraphs verify the internal token with. */
    signingKey: KeyLike;
    /** Where the keys of internal apps' and admins' bearer tokens are; no bearer tokens accepted when absent. */
    bearerTokens?: BearerTokenOptions;
    /** Remove what `@requiresScopes` refuses before planning (default true); off only to measure what it costs. */
    enforce?: boolean;
    /** How long API key lookups are trusted, and how long a verified key outlives an unreachable access database. */
    apiKeyCache?: ApiKeyCacheOptions;
  };
  /** Operation limits, body size, introspection and rate limits; the defaults of `loadLimitsConfig({})` when absent. */
  limits?: LimitsConfig;
  /** Where `/metrics` is served (a port of its own, the public one behind a token); nowhere when absent. */
  metrics?: MetricsConfig;
  /** Browser origins allowed to call the graph; unset, those of this machine outside production and none in production. */
  cors?: CorsConfig;
  /** The persisted-document manifest (id → text); the one built from `schema/operations/` when absent. */
  trustedDocuments?: Readonly<Record<string, string>>;
}

/** The running gateway; `reload` and `flushUsage` let an admin tool or a test act now instead of on the next tick. */
export interface GatewayService extends RunningService {
  /** Asks the registry for a newer version now; no-op when not following it. */
  reload(): Promise<void>;
  /** Writes the usage counts gathered so far; no-op when not recording. */
  flushUsage(): Promise<void>;
  supergraph(): SupergraphStatus;
  apiKeys: ApiKeyStore;
  auditLog: AuditLog;
  metrics: GatewayMetrics;
  /** The port of the separate `/metrics` listener, when `metrics.port` is set. */
  metricsPort?: number;
}
