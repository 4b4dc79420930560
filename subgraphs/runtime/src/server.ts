import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import type { KeyLike } from 'jose';
import {
  AccessRules,
  AuditBuffer,
  auditExtension,
  defaultPersonsOfRecord,
  enforceAccess,
  enforceIdentityView,
  internalVerifyKeysFromJson,
  internalTokenVerifier,
  ownersVerdict,
  type IdentityOnlyTest,
  type InternalClaims,
  type PersonsOfRecord,
  type Principal,
} from './access';
import { openDatabase, type Database, type DatabaseOptions } from './database';
import { loadSubgraphEnvironment, type SubgraphEnvironment } from './environment';
import { runUntilSignal } from './process';
import { listen, type RunningService } from './http';
import { entityBatches } from './entity-batches';
import { compiledExecution } from './compiled-execution';
import { directRequests } from './direct-requests';
import { answerJson, graphqlHttp, isGraphqlPath } from './graphql-http';
import { errorBody } from './errors';
import { httpErrorHandler, unknownEndpoint } from './http-errors';
import { nulCharacterGuard } from './input-text';
import { errorMasking } from './error-masking';
import { createLogger, type Logger } from './logger';
import { migrate, migrationsApplied } from './migrate';
import { peersFor, type PeerUrls, type Peers } from './peers';
import { serveMetrics, ServiceMetrics, traceRootFields, tracedRequests, type MetricsConfig } from './telemetry';

/** What every resolver receives, whatever the subgraph. */
export interface BaseSubgraphContext extends BaseContext {
  requestId: string;
  logger: Logger;
  /** The other subgraphs, asked on this request's behalf to check references to records they own. */
  peers: Peers;
  /** Who is asking, from the gateway's signed internal token. */
  principal: Principal;
  /** The client's operation name, for the audit trail. */
  operationName: string | null;
  /** Sensitive reads of this request, reported to the gateway's audit log with the response. */
  audit: AuditBuffer;
}

export interface SubgraphDefinition<Client, Context extends BaseSubgraphContext> {
  name: SubgraphEnvironment['name'];
  /** Path of the subgraph's `schema.graphql`. */
  schemaPath: string;
  /** Path of `prisma/migrations`. */
  migrationsDir: string;
  resolvers: GraphQLResolverMap<Context>;
  createClient: DatabaseOptions<Client>['createClient'];
  /** Adds the subgraph's own per-request state (Prisma client, loaders) to the base context. */
  createContext(base: BaseSubgraphContext, prisma: Client): Context;
  /** Which people a record of a type is about, for the audit trail; default reads common columns. */
  personsOfRecord?: PersonsOfRecord;
  /**
   * Which `Person` objects get the identity-only view (see identity-view.ts). Default: the
   * owner's verdict handed over by the gateway, as every subgraph but the owner needs.
   */
  identityOnly?: IdentityOnlyTest<Context>;
}

export function loadTypeDefs(schemaPath: string) {
  return parse(readFileSync(schemaPath, 'utf8'));
}

/**
 * Serves a subgraph on an open, migrated database: `/graphql`, `/health` (process alive) and
 * `/ready` (database reachable and every migration applied). `stop()` lets in-flight requests
 * finish (up to the grace period) before closing.
 */
export async function serveSubgraph<Client, Context extends BaseSubgraphContext>(
  definition: SubgraphDefinition<Client, Context>,
  env: Pick<SubgraphEnvironment, 'host' | 'port' | 'shutdownGraceMs'> & { metrics?: MetricsConfig },
  database: Database<Client>,
  logger: Logger,
  peers: PeerUrls,
  gatewayVerifyKey: KeyLike | KeyLike[],
): Promise<RunningService & { metrics: ServiceMetrics; metricsPort?: number }> {
  const typeDefs = loadTypeDefs(definition.schemaPath);
  // The identity-only view wraps the access rules, so a withheld field is refused before its
  // scopes are checked or its read is audited.
  const schema = traceRootFields(
    enforceIdentityView(
      enforceAccess(
        buildSubgraphSchema({ typeDefs, resolvers: definition.resolvers as GraphQLResolverMap<unknown> }),
        AccessRules.fromDocument(typeDefs),
        definition.personsOfRecord ?? defaultPersonsOfRecord,
      ),
      'Person',
      definition.identityOnly ?? ownersVerdict,
    ),
  );
  const metrics = new ServiceMetrics(definition.name);
  if (database.driver.pool) metrics.databasePool(definition.name, () => database.driver.pool?.());
  const verifyToken = internalTokenVerifier(gatewayVerifyKey);
  const app = express();
  // `/graphql` bypasses express (see graphql-http.ts); it answers once Apollo Server has started.
  let handleGraphql: RequestListener = (_req, res) => answerJson(res, 503, errorBody('SERVICE_UNAVAILABLE', 'The service is starting.'));
  const listener = await listen(
    tracedRequests(definition.name, (req, res) => {
      if (isGraphqlPath(req.url)) handleGraphql(req, res);
      else app(req, res);
    }),
    env.host,
    env.port,
  );
  const masking = errorMasking<Context>(logger);
  // The subgraph's schema, its operations compiled once each (see compiled-execution.ts).
  const execution = compiledExecution(schema);
  let running = true;
  const apollo = new ApolloServer<Context>({
    gateway: execution,
    formatError: masking.formatError,
    plugins: [
      metrics.plugin<Context>(),
      masking.plugin,
      nulCharacterGuard<Context>(),
      ApolloServerPluginLandingPageDisabled(),
      // Traces would tell callers how long each field took; nothing here consumes them.
      ApolloServerPluginInlineTraceDisabled(),
      // The graph sets no cache hints, and the default plugin wraps every field's resolver to look for them.
      ApolloServerPluginCacheControlDisabled(),
      entityBatches<Context>(),
      {
        // The sensitive reads go back to the gateway, which stores them before the client sees the answer.
        requestDidStart: async () => ({
          willSendResponse: async ({ contextValue, response }) => {
            const reads = contextValue.audit.entries();
            if (reads.length === 0 || response.body.kind !== 'single') return;
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, [auditExtension]: reads };
          },
        }),
      },
    ],
    logger,
    includeStacktraceInErrorResponses: false,
    // The process's own handler (runUntilSignal) drains and exits; Apollo's would re-raise SIGTERM mid-drain.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const metricsEndpoint = await serveMetrics(metrics, env.metrics, env.host, logger);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: definition.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await database.driver.query('SELECT 1');
    } catch (error) {
      // The driver's message can name hosts and users; it goes to the log, not to the prober.
      logger.warn({ err: error }, 'readiness: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
      return;
    }
    const migrated = await migrationsApplied(database.driver, definition.name, definition.migrationsDir).catch(() => false);
    res.status(migrated ? 200 : 503).json({ status: migrated ? 'ready' : 'migrations pending or edited', database: 'reachable' });
  });
  handleGraphql = graphqlHttp<Context, { token: string; claims: InternalClaims }>({
    apollo,
    direct: directRequests<Context>({ execution, metrics, masking, running: () => running }),
    // No way around the gateway: every request, `_entities` and `_service` included, must carry its signed token.
    admit: async (req, res) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      try {
        if (!token) throw new Error('no internal token');
        return { token, claims: await verifyToken(token) };
      } catch (error) {
        logger.warn({ reason: (error as Error).message }, 'request without a valid internal token refused');
        metrics.authenticationFailures.inc();
        answerJson(res, 401, errorBody('UNAUTHENTICATED', 'This service answers only the gateway.'));
        return null;
      }
    },
    context: async (req, { token, claims: { principal, operationName } }) => {
      const header = req.headers['x-request-id'];
      const requestId = (Array.isArray(header) ? header[0] : header) ?? randomUUID();
      return definition.createContext(
        {
          requestId,
          logger: logger.child({ requestId, subject: principal.subject }),
          peers: peersFor(peers, token),
          principal,
          operationName,
          audit: new AuditBuffer(),
        },
        database.prisma,
      );
    },
  });

  if (metricsEndpoint.publicHandler) app.get('/metrics', metricsEndpoint.publicHandler);
  app.use(unknownEndpoint);
  app.use(httpErrorHandler(logger));

  const url = `http://${env.host}:${listener.port}/graphql`;
  logger.info({ url }, 'subgraph listening');
  return {
    url,
    port: listener.port,
    metrics,
    metricsPort: metricsEndpoint.port,
    stop: async () => {
      // Answers first, then Apollo: a request still draining needs the server running.
      const graceful = await listener.drain(env.shutdownGraceMs);
      running = false;
      await metricsEndpoint.stop();
      await apollo.stop();
      logger.info({ graceful }, 'subgraph stopped');
    },
  };
}

/** Opens the database, applies migrations and serves: what a subgraph's `index.ts` calls. */
export async function startSubgraph<Client, Context extends BaseSubgraphContext>(
  definition: SubgraphDefinition<Client, Context>,
  env: SubgraphEnvironment,
): Promise<RunningService> {
  const logger = createLogger(definition.name, env.logLevel);
  const gatewayVerifyKey = await internalVerifyKeysFromJson(env.gatewayVerifyKey, 'GATEWAY_VERIFY_KEY');
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, createClient: definition.createClient, logger });
  try {
    await migrate(database.driver, { schema: definition.name, migrationsDir: definition.migrationsDir, logger });
  } catch (error) {
    await database.close();
    throw error;
  }
  const service = await serveSubgraph(definition, env, database, logger, env.peers, gatewayVerifyKey);
  return {
    ...service,
    stop: async () => {
      await service.stop();
      await database.close();
    },
  };
}

/** The whole life of a standalone subgraph process: configuration, start, graceful stop. */
export function runSubgraph<Client, Context extends BaseSubgraphContext>(definition: SubgraphDefinition<Client, Context>): Promise<void> {
  return runUntilSignal(() => startSubgraph(definition, loadSubgraphEnvironment(definition.name)), createLogger(definition.name));
}
