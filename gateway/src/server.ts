import type { RequestListener } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ServiceEndpointDefinition } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import {
  answerJson,
  createLogger,
  errorBody,
  httpErrorHandler,
  listen,
  metricsHandler,
  metricsServed,
  serveMetrics,
  tracedRequests,
  unknownEndpoint,
  type Logger,
  type MetricsConfig,
} from '@movement/runtime';
import { supergraphPath as defaultSupergraphPath, trustedDocumentManifest } from '@movement/schema';
import { AccessEnforcingGateway } from './access/enforcing-gateway';
import { createAdminApi, type AdminContext } from './admin/admin-api';
import { organizationsThroughGraph } from './admin/organizations';
import { openAdmission, type Admission } from './admission';
import { createApolloServer } from './apollo-server';
import { BearerTokenVerifier } from './auth/bearer-tokens';
import type { GatewayContext } from './context';
import { explorerAssets, explorerPage } from './explorer';
import { corsHandler } from './http/cors';
import { corsFromVariables } from './http/cors-environment';
import { health, readiness } from './http/health';
import { graphqlEndpoint, takesLeanPath } from './http/graphql-endpoint';
import { requestIdOf, requestIds } from './http/request-id';
import { visibleSchemaSdl } from './http/schema-sdl';
import { InternalTokens } from './internal-tokens';
import { createConnectionPool } from './connection-pool';
import { loadLimitsConfig, payloadTooLarge, type LimitsConfig } from './limits';
import { GatewayMetrics } from './metrics';
import type { GatewayOptions, GatewayService } from './options';
import { bodyWithDocumentId, documentIdRequests } from './persisted/document-id';
import { TrustedDocuments } from './persisted/manifest';
import { openStores } from './stores';
import { SubgraphClient } from './subgraph-client';
import { readSupergraph, subgraphUrl } from './supergraph';
import { isGatewayWorker, workerLink, type WorkerLink } from './workers';

/**
 * Serves the supergraph: `/graphql`, `/health` (process alive) and `/ready` (supergraph loaded and
 * every subgraph's `/ready` answers), and `/admin/graphql` (API keys and the audit trail). It opens
 * its stores, builds the GraphQL servers of the graph and of the admin API, listens, and then
 * mounts a request's stages in the order a request meets them: its id, the probes, CORS, the
 * explorer, admission (credentials, rate limit, body size), persisted document ids, and GraphQL
 * (operation limits, access rules, planning; see `createApolloServer`).
 * Resolves once listening; `stop()` drains in-flight requests.
 */
export async function startGateway(options: GatewayOptions): Promise<GatewayService> {
  const logger = options.logger ?? createLogger('gateway');
  const host = options.host ?? '127.0.0.1';
  const limits = options.limits ?? loadLimitsConfig({});
  const trusted = new TrustedDocuments(options.trustedDocuments ?? trustedDocumentManifest);
  const metrics = new GatewayMetrics();
  const bearerTokens = options.access.bearerTokens ? new BearerTokenVerifier(options.access.bearerTokens) : undefined;
  const supergraphSdl = options.supergraphSdl ?? readSupergraph(options.supergraphPath ?? defaultSupergraphPath);
  const subgraphs = subgraphClients(options, metrics, logger);
  const stores = await openStores(options, supergraphSdl, metrics, logger);
  // One of several processes serving the port (see workers.ts): revocations and metrics are shared.
  const siblings = isGatewayWorker() ? workerLink(metrics.registry) : undefined;
  if (siblings) {
    stores.apiKeys.onRevoked = (ids) => siblings.revoked(ids);
    siblings.onRevoked((ids) => stores.apiKeys.forget(ids));
  }

  const gateway = new AccessEnforcingGateway(
    { supergraphSdl: stores.follower?.hook ?? supergraphSdl, logger, buildService: subgraphs.build },
    { enforce: options.access.enforce ?? true, auditLog: stores.auditLog, logger },
  );
  const apollo = createApolloServer({ gateway, logger, metrics, limits, trusted, usage: stores.usage });
  const { apiKeys, auditLog } = stores;
  const admin = createAdminApi({ apiKeys, auditLog, logger, limits, organizations: organizationsThroughGraph(() => apollo, logger) });

  const app = express();
  app.disable('x-powered-by');
  // The client's address (failed authentication is counted by it) as the trusted proxies report it.
  app.set('trust proxy', limits.trustProxyHops);
  // Until its stages are mounted the gateway says, in JSON, that it is starting: one worker of
  // several is handed connections as soon as it listens, and express without its routes would
  // answer with an HTML page. Then the hot requests of `/graphql` bypass express (see
  // http/graphql-endpoint.ts) and the rest go to it.
  const starting: RequestListener = (_req, res) =>
    answerJson(res, 503, errorBody('SERVICE_UNAVAILABLE', 'The gateway is starting; retry shortly.'), { 'retry-after': '1' });
  let handleGraphql = starting;
  let handleOther = starting;
  const listener = await listen(
    tracedRequests('gateway', (req, res) => {
      if (takesLeanPath(req)) handleGraphql(req, res);
      else handleOther(req, res);
    }),
    host,
    options.port ?? 4000,
  );
  let metricsEndpoint: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  try {
    await apollo.start();
    await admin.start();
    metricsEndpoint = siblings ? workerMetrics(metrics, siblings, options.metrics, logger) : await serveMetrics(metrics, options.metrics, host, logger);
  } catch (error) {
    await listener.drain(0);
    subgraphs.close();
    await stores.close();
    throw error;
  }

  // A request's stages, in the order it meets them.
  app.use(requestIds());
  app.get('/health', health);
  app.get('/ready', readiness(subgraphs.clients, stores.follower));
  // Before authentication: a preflight carries no credentials, and a refused origin should learn nothing else.
  app.use(['/graphql', '/admin/graphql'], ...corsHandler(options.cors ?? corsFromVariables({ NODE_ENV: limits.nodeEnv })));
  const admission = await openAdmission({ limits, apiKeys, bearerTokens, logger, siblings });
  // The explorer's page and bundle are public: a browser asks for the page before it has a key.
  app.use('/explorer', explorerAssets(logger));
  app.get('/graphql', explorerPage({ endpoint: 'graphql', assets: 'explorer/', title: 'Movement Graph', credentialLabel: 'API key or bearer token' }));
  app.get('/admin/graphql', explorerPage({ endpoint: 'graphql', assets: '../explorer/', title: 'Movement Graph admin', credentialLabel: 'Admin token' }));
  app.get('/schema.graphql', admission.authenticated, admission.rateLimited, visibleSchemaSdl(gateway));
  // Exactly these paths (`all`, not `use`): `/graphql/anything` is an unknown endpoint, not the graph.
  const admittedRequests = admitted(admission, metrics, limits);
  const graphContext = (requestId: string, principal: GatewayContext['principal'], trustedDocumentsOnly: boolean): GatewayContext =>
    // Assigned onto the logging part, not spread: a spread would read (and make) the logger.
    Object.assign(requestLogging(requestId, principal, logger), { trustedDocumentsOnly, operationName: null, auditReads: [] });
  app.all(
    '/graphql',
    ...admittedRequests,
    documentIdRequests(trusted),
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        graphContext(String(res.locals.requestId), res.locals.principal as GatewayContext['principal'], res.locals.trustedDocumentsOnly === true),
    }),
  );
  app.all(
    '/admin/graphql',
    ...admittedRequests,
    expressMiddleware(admin, {
      context: async ({ res }): Promise<AdminContext> =>
        requestLogging(String(res.locals.requestId), res.locals.principal as AdminContext['principal'], logger),
    }),
  );
  if (metricsEndpoint.publicHandler) app.get('/metrics', metricsEndpoint.publicHandler);
  app.use(unknownEndpoint);
  app.use(httpErrorHandler(logger));
  // The same stages for a plain JSON POST to `/graphql`, on node:http.
  handleGraphql = graphqlEndpoint<GatewayContext>({
    apollo,
    metrics,
    logger,
    trustProxyHops: limits.trustProxyHops,
    maxBodyBytes: limits.maxBodyBytes,
    requestIdOf,
    authenticate: (req, address) => admission.authenticate(req.headers, address),
    rateLimit: ({ principal }) => admission.rateLimit(principal),
    rewriteBody: (body) => bodyWithDocumentId(body, trusted),
    context: async (requestId, { principal, trustedDocumentsOnly }) => graphContext(requestId, principal, trustedDocumentsOnly),
  });
  handleOther = app;

  const url = `http://${host}:${listener.port}/graphql`;
  logger.info(
    { url, trustedDocuments: trusted.size, subgraphs: Object.fromEntries([...subgraphs.clients].map(([name, client]) => [name, client.url])) },
    'gateway listening',
  );
  return {
    url,
    port: listener.port,
    reload: async () => stores.follower?.poll(),
    flushUsage: async () => stores.usage?.flush(),
    supergraph: stores.supergraph,
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
      await admission.close();
      await stores.close();
      subgraphs.close();
      logger.info({ graceful }, 'gateway stopped');
    },
  };
}

/** The clients Apollo builds for the subgraphs of each supergraph it loads, on one connection pool. */
function subgraphClients(options: Pick<GatewayOptions, 'access' | 'subgraphUrls' | 'subgraphTimeoutMs'>, metrics: GatewayMetrics, logger: Logger) {
  const pool = createConnectionPool({ timeoutMs: options.subgraphTimeoutMs ?? 10_000 });
  const tokens = new InternalTokens(options.access.signingKey);
  const overrides = options.subgraphUrls ?? {};
  const clients = new Map<string, SubgraphClient>();
  return {
    /** By subgraph name, for `/ready`. */
    clients: clients as ReadonlyMap<string, SubgraphClient>,
    build: ({ name, url }: ServiceEndpointDefinition) => {
      const client = new SubgraphClient({ name, url: subgraphUrl(name, url, overrides), pool, logger, tokens, metrics });
      clients.set(name, client);
      return client;
    },
    close: () => pool.close(),
  };
}

/**
 * What a request to the graph or the admin API passes before its GraphQL: refusals counted
 * (whichever stage answers), credentials checked, the principal's rate limit, and the JSON body
 * read within its limit.
 */
function admitted(admission: Admission, metrics: GatewayMetrics, limits: LimitsConfig): Array<RequestHandler | ErrorRequestHandler> {
  return [
    metrics.refusals(),
    admission.authenticated,
    admission.rateLimited,
    express.json({ limit: limits.maxBodyBytes }),
    payloadTooLarge(limits.maxBodyBytes),
  ];
}

/**
 * Who asks and the request's id, in its context and on every log line of it. The request's logger
 * is made when first used: most requests log nothing, and a child logger costs more than the rest
 * of the context.
 */
function requestLogging(requestId: string, principal: GatewayContext['principal'], logger: Logger) {
  let child: Logger | undefined;
  return {
    requestId,
    get logger(): Logger {
      return (child ??= logger.child({ requestId, subject: principal.subject }));
    },
    principal,
  };
}

/**
 * A worker's metrics endpoint: only the public one (behind `METRICS_TOKEN`), answering with every
 * worker's metrics; the primary serves `METRICS_PORT`.
 */
function workerMetrics(metrics: GatewayMetrics, siblings: WorkerLink, config: MetricsConfig | undefined, logger: Logger) {
  if (metricsServed(config)) metrics.collectDefaults();
  const token = config?.token;
  return { publicHandler: token === undefined ? undefined : metricsHandler(siblings.metrics, token, logger), port: undefined, stop: async () => undefined };
}
