import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { PrefixingKeyValueCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  createLogger,
  errorBody,
  httpErrorHandler,
  listen,
  metricsHandler,
  metricsServed,
  nulCharacterGuard,
  serveMetrics,
  tracedRequests,
  unknownEndpoint,
  type Logger,
  type MetricsConfig,
  type RunningService,
} from '@movement/runtime';
import {
  SchemaRegistry,
  ServedSupergraphFiles,
  supergraphPath as defaultSupergraphPath,
  trustedDocumentManifest,
  UsageSpoolFile,
  type RegistryLocation,
  type SupergraphSource,
  type UsageSink,
} from '@movement/schema';
import type { KeyLike } from 'jose';
import { openAccessDatabase, type AccessDatabaseLocation } from './access/access-database';
import { AuditLog } from './access/audit-log';
import { AccessEnforcingGateway } from './access/enforcing-gateway';
import { createAdminApi, type AdminContext } from './admin/admin-api';
import { organizationsThroughGraph } from './admin/organizations';
import { ApiKeyStore, type ApiKeyCacheOptions } from './auth/api-keys';
import { authenticate, authenticator } from './auth/authenticate';
import { failedAuthentication } from './auth/failed-authentication';
import { BearerTokenVerifier, type BearerTokenOptions } from './auth/bearer-tokens';
import type { GatewayContext } from './context';
import { gatewayErrorFormatting } from './error-format';
import { explorerAssets, explorerPage } from './explorer';
import { createRateLimiter, introspectionGuard, loadLimitsConfig, openCounterStore, operationLimitsPlugin, payloadTooLarge, type LimitsConfig } from './limits';
import { corsHandler } from './http/cors';
import { corsFromVariables, type CorsConfig } from './http/cors-environment';
import { graphqlEndpoint, takesLeanPath } from './http/graphql-endpoint';
import { graphqlResponseStatus } from './http/graphql-response';
import { createConnectionPool } from './keep-alive-fetcher';
import { GatewayMetrics } from './metrics';
import { bodyWithDocumentId, documentIdRequests } from './persisted/document-id';
import { TrustedDocumentStore } from './persisted/document-store';
import { TrustedDocuments } from './persisted/manifest';
import { PersistedQueryCache } from './persisted/persisted-query-cache';
import { trustedDocumentsOnly } from './persisted/trusted-only';
import { followRegistry, type SupergraphStatus } from './registry-follower';
import { InternalTokens } from './internal-tokens';
import { SubgraphClient } from './subgraph-client';
import { readSupergraph, subgraphUrl } from './supergraph';
import { UsageRecorder } from './usage';
import { isGatewayWorker, workerLink, type WorkerLink } from './workers';

/**
 * A worker's metrics endpoint: only the public one (behind `METRICS_TOKEN`), answering with every
 * worker's metrics; the primary serves `METRICS_PORT`.
 */
function workerMetrics(metrics: GatewayMetrics, siblings: WorkerLink, config: MetricsConfig | undefined, logger: Logger) {
  if (metricsServed(config)) metrics.collectDefaults();
  const token = config?.token;
  return { publicHandler: token === undefined ? undefined : metricsHandler(siblings.metrics, token, logger), port: undefined, stop: async () => undefined };
}

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

const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * Serves the supergraph: `/graphql`, `/health` (process alive) and `/ready` (supergraph loaded and
 * every subgraph's `/ready` answers), and `/admin/graphql` (API keys and the audit trail). Every
 * GraphQL request is authenticated, rate limited per partner and held to the operation limits.
 * Resolves once listening; `stop()` drains in-flight requests.
 */
export async function startGateway(options: GatewayOptions): Promise<GatewayService> {
  const logger = options.logger ?? createLogger('gateway');
  const host = options.host ?? '127.0.0.1';
  const supergraphSdl = options.supergraphSdl ?? readSupergraph(options.supergraphPath ?? defaultSupergraphPath);
  const overrides = options.subgraphUrls ?? {};
  const pool = createConnectionPool({ timeoutMs: options.subgraphTimeoutMs ?? 10_000 });
  const clients = new Map<string, SubgraphClient>();
  const metrics = new GatewayMetrics();
  const tokens = new InternalTokens(options.access.signingKey);

  const limits = options.limits ?? loadLimitsConfig({});
  const trusted = new TrustedDocuments(options.trustedDocuments ?? trustedDocumentManifest);
  const bearerTokens = options.access.bearerTokens ? new BearerTokenVerifier(options.access.bearerTokens) : undefined;
  const accessDatabase = await openAccessDatabase(options.access.database, logger);
  const apiKeys = new ApiKeyStore(accessDatabase.driver, { ...options.access.apiKeyCache, logger });
  // One of several processes serving the port (see workers.ts): revocations and metrics are shared.
  const siblings = isGatewayWorker() ? workerLink(metrics.registry) : undefined;
  if (siblings) {
    apiKeys.onRevoked = (ids) => siblings.revoked(ids);
    siblings.onRevoked((ids) => apiKeys.forget(ids));
  }
  const auditLog = new AuditLog(accessDatabase.driver, (outcome) =>
    'failed' in outcome ? metrics.auditFailures.inc() : metrics.auditEntries.inc(outcome.written),
  );
  if (accessDatabase.driver.pool) metrics.databasePool('access', () => accessDatabase.driver.pool?.());
  const registryOption = options.registry;
  const registry = registryOption && 'location' in registryOption ? await SchemaRegistry.open(registryOption.location, logger) : undefined;
  const handoffDir = registryOption && 'handoffDir' in registryOption ? registryOption.handoffDir : undefined;
  const source: SupergraphSource | undefined = registry ?? (handoffDir ? new ServedSupergraphFiles(handoffDir) : undefined);
  const sink: UsageSink | undefined = registry ?? (handoffDir ? new UsageSpoolFile(handoffDir) : undefined);
  const follower = source
    ? followRegistry({
        registry: source,
        fallbackSdl: supergraphSdl,
        pollIntervalMs: registryOption?.pollIntervalMs ?? 5000,
        logger,
        onReload: (outcome) => metrics.supergraphReloads.inc({ outcome }),
      })
    : undefined;
  const usage = sink && (options.usage?.enabled ?? true) ? new UsageRecorder(sink, logger, options.usage?.flushIntervalMs ?? 5000) : undefined;
  const fileStatus: SupergraphStatus = { version: null, source: 'file', loadedAt: new Date().toISOString(), refused: null };
  metrics.supergraphVersion(() => follower?.status() ?? fileStatus);
  const closeStores = async () => {
    await usage?.stop();
    await registry?.close();
    await accessDatabase.close();
  };

  const gateway = new AccessEnforcingGateway(
    {
      supergraphSdl: follower?.hook ?? supergraphSdl,
      logger,
      buildService: ({ name, url }) => {
        const client = new SubgraphClient({ name, url: subgraphUrl(name, url, overrides), fetcher: pool.fetcher, logger, tokens, metrics });
        clients.set(name, client);
        return client;
      },
    },
    { enforce: options.access.enforce ?? true, auditLog, logger },
  );
  // Registered before Apollo Server's own listener, so the trusted documents are ready before the first request on a schema.
  const documentStore = new TrustedDocumentStore(trusted);
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => documentStore.load(apiSchema));
  const admin = createAdminApi({ apiKeys, auditLog, logger, limits, organizations: organizationsThroughGraph(() => apollo, logger) });

  const app = express();
  app.disable('x-powered-by');
  // The client's address (failed authentication is counted by it) as the trusted proxies report it.
  app.set('trust proxy', limits.trustProxyHops);
  // The hot requests of `/graphql` bypass express once it is set up (see http/graphql-endpoint.ts).
  let handleGraphql: RequestListener = app;
  const listener = await listen(
    tracedRequests('gateway', (req, res) => {
      if (takesLeanPath(req)) handleGraphql(req, res);
      else app(req, res);
    }),
    host,
    options.port ?? 4000,
  );
  const { port } = listener;
  const errorFormatting = gatewayErrorFormatting<GatewayContext>(logger);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    formatError: errorFormatting.formatError,
    includeStacktraceInErrorResponses: false,
    // The process's own handler (runUntilSignal) drains and exits; Apollo's would re-raise SIGTERM mid-drain.
    stopOnTerminationSignals: false,
    // Whether a caller may introspect is the introspection guard's decision (scope in production).
    introspection: true,
    // Manifest documents are found by hash without ever being registered; others register as APQ.
    // The cache serves persisted queries alone, so Apollo's key prefix (which would hide the
    // manifest's hashes from it) isolates nothing.
    // Trusted documents are parsed and validated once per schema, when it loads, not per request.
    documentStore,
    persistedQueries: { cache: PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(new PersistedQueryCache(trusted)) },
    // Every request that reaches Apollo carries credentials in a header (authentication refuses the
    // rest), which no HTML form, link or image can send, and which makes a cross-origin browser
    // request preflighted: so a GET is as safe from CSRF as a JSON POST.
    csrfPrevention: { requestHeaders: ['authorization', 'x-api-key', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    plugins: [
      metrics.plugin<GatewayContext>(),
      metrics.parsingPlugin<GatewayContext>(),
      graphqlResponseStatus(),
      ...errorFormatting.plugins,
      trustedDocumentsOnly(trusted),
      operationLimitsPlugin(limits),
      introspectionGuard(limits),
      // Before planning, so no subgraph sees it; each subgraph checks again.
      nulCharacterGuard<GatewayContext>(),
      // Sandbox loads from a CDN that field networks cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      ...(usage ? [usage.plugin()] : []),
    ],
  });
  let metricsEndpoint: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  try {
    await apollo.start();
    await admin.start();
    metricsEndpoint = siblings ? workerMetrics(metrics, siblings, options.metrics, logger) : await serveMetrics(metrics, options.metrics, host, logger);
  } catch (error) {
    await listener.drain(0);
    pool.close();
    await closeStores();
    throw error;
  }

  // A caller's id is kept only if it is short and plain, so it is safe to log and forward.
  const requestIdOf = (req: IncomingMessage) => {
    const given = req.headers['x-request-id'];
    return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
  };
  app.use((req, res, next) => {
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all([...clients.values()].map(async (client) => [client.name, await client.ready()] as const));
    const ready = checks.length > 0 && checks.every(([, check]) => check.ready);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      supergraph: 'loaded',
      // Which version serves, and the last one refused: a broken publish shows here while the old one serves.
      ...(follower ? { schema: follower.status() } : {}),
      subgraphs: Object.fromEntries(checks.map(([name, check]) => [name, check.detail])),
    });
  });
  // Before authentication: a preflight carries no credentials, and a refused origin should learn nothing else.
  app.use(['/graphql', '/admin/graphql'], ...corsHandler(options.cors ?? corsFromVariables({ NODE_ENV: limits.nodeEnv })));
  const counters = await openCounterStore(limits.redisUrl, logger, { workers: siblings !== undefined });
  // Workers without Redis share their counts through the primary; whether a caller is held back each knows itself.
  const failures = failedAuthentication(
    limits.authFailuresPerMinute,
    counters,
    logger,
    siblings && counters.store === 'memory' ? siblings.heldBack : undefined,
  );
  const authentication = { apiKeys, bearerTokens, failures, logger };
  const authenticated = authenticate(authentication);
  const rateLimiter = await createRateLimiter(limits, logger, { counters });
  // Per partner (or per app or admin acting for none), so one partner's burst cannot starve another.
  const rateLimitKey = (principal: GatewayContext['principal']) => principal.partnerId ?? principal.subject;
  const rateLimited = rateLimiter.rateLimit((_req, res) => rateLimitKey(res.locals.principal as GatewayContext['principal']));
  // The request's logger is made when first used: most requests log nothing, and a child logger costs more than the rest of the context.
  const requestLogging = (requestId: string, principal: GatewayContext['principal']) => {
    let child: Logger | undefined;
    return {
      requestId,
      get logger(): Logger {
        return (child ??= logger.child({ requestId, subject: principal.subject }));
      },
      principal,
    };
  };
  // Assigned onto the logging part, not spread: a spread would read (and make) the logger.
  const graphqlContext = (requestId: string, principal: GatewayContext['principal'], trustedDocumentsOnly: boolean): GatewayContext =>
    Object.assign(requestLogging(requestId, principal), { trustedDocumentsOnly, operationName: null, auditReads: [] });
  // The explorer's page and bundle are public: a browser asks for the page before it has a key.
  app.use('/explorer', explorerAssets(logger));
  app.get('/graphql', explorerPage({ endpoint: 'graphql', assets: 'explorer/', title: 'Movement Graph', credentialLabel: 'API key or bearer token' }));
  app.get('/admin/graphql', explorerPage({ endpoint: 'graphql', assets: '../explorer/', title: 'Movement Graph admin', credentialLabel: 'Admin token' }));
  // The schema as the caller's scopes see it, for codegen in partners' own repositories.
  app.get('/schema.graphql', authenticated, rateLimited, (_req, res) => {
    const visible = gateway.visibleSchema((res.locals.principal as GatewayContext['principal']).scopes);
    if (!visible) {
      res.status(503).json(errorBody('SERVICE_UNAVAILABLE', 'The schema is not loaded yet; retry shortly.'));
      return;
    }
    res.type('text/plain').setHeader('cache-control', 'private, no-cache');
    res.vary('authorization').vary('x-api-key');
    res.send(visible.sdl());
  });
  // Exactly these paths (`all`, not `use`): `/graphql/anything` is an unknown endpoint, not the graph.
  const refusals = metrics.refusals();
  app.all(
    '/graphql',
    refusals,
    authenticated,
    rateLimited,
    express.json({ limit: limits.maxBodyBytes }),
    payloadTooLarge(limits.maxBodyBytes),
    documentIdRequests(trusted),
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        graphqlContext(String(res.locals.requestId), res.locals.principal as GatewayContext['principal'], res.locals.trustedDocumentsOnly === true),
    }),
  );
  app.all(
    '/admin/graphql',
    refusals,
    authenticated,
    rateLimited,
    express.json({ limit: limits.maxBodyBytes }),
    payloadTooLarge(limits.maxBodyBytes),
    expressMiddleware(admin, {
      context: async ({ res }): Promise<AdminContext> => requestLogging(String(res.locals.requestId), res.locals.principal as AdminContext['principal']),
    }),
  );
  if (metricsEndpoint.publicHandler) app.get('/metrics', metricsEndpoint.publicHandler);
  app.use(unknownEndpoint);
  app.use(httpErrorHandler(logger));
  const checkCredentials = authenticator(authentication);
  handleGraphql = graphqlEndpoint<GatewayContext>({
    apollo,
    metrics,
    logger,
    trustProxyHops: limits.trustProxyHops,
    maxBodyBytes: limits.maxBodyBytes,
    requestIdOf,
    authenticate: (req, address) => checkCredentials(req.headers, address),
    rateLimit: ({ principal }) => rateLimiter.check(rateLimitKey(principal)),
    rewriteBody: (body) => bodyWithDocumentId(body, trusted),
    context: async (requestId, { principal, trustedDocumentsOnly }) => graphqlContext(requestId, principal, trustedDocumentsOnly),
  });

  const url = `http://${host}:${port}/graphql`;
  logger.info(
    { url, trustedDocuments: trusted.size, subgraphs: Object.fromEntries([...clients].map(([name, client]) => [name, client.url])) },
    'gateway listening',
  );
  return {
    url,
    port,
    reload: async () => follower?.poll(),
    flushUsage: async () => usage?.flush(),
    supergraph: () => follower?.status() ?? fileStatus,
    apiKeys,
    auditLog,
    metrics,
    metricsPort: metricsEndpoint.port,
    stop: async () => {
      // Answers first, then the servers and stores they need.
      const graceful = await listener.drain(options.shutdownGraceMs ?? 10_000);
      await metricsEndpoint?.stop();
      await apollo.stop();
      await admin.stop();
      await rateLimiter.close();
      await counters.close();
      await closeStores();
      pool.close();
      logger.info({ graceful }, 'gateway stopped');
    },
  };
}
