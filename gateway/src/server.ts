import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { createLogger, listen, type Logger, type RunningService } from '@movement/runtime';
import { supergraphPath as defaultSupergraphPath } from '@movement/schema';
import type { GatewayContext } from './context';
import { createConnectionPool } from './keep-alive-fetcher';
import { SubgraphClient } from './subgraph-client';
import { readSupergraph, subgraphUrl } from './supergraph';

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
}

const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * Serves the supergraph: `/graphql`, `/health` (process alive) and `/ready` (supergraph loaded and
 * every subgraph's `/ready` answers). Resolves once listening; `stop()` drains in-flight requests.
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger('gateway');
  const host = options.host ?? '127.0.0.1';
  const supergraphSdl = options.supergraphSdl ?? readSupergraph(options.supergraphPath ?? defaultSupergraphPath);
  const overrides = options.subgraphUrls ?? {};
  const pool = createConnectionPool({ timeoutMs: options.subgraphTimeoutMs ?? 10_000 });
  const clients = new Map<string, SubgraphClient>();

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const client = new SubgraphClient({ name, url: subgraphUrl(name, url, overrides), fetcher: pool.fetcher, logger });
      clients.set(name, client);
      return client;
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const { server: httpServer, port } = await listen(app, host, options.port ?? 4000);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
      // Sandbox loads from a CDN that field networks cannot reach.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await new Promise((resolve) => httpServer.close(resolve));
    pool.close();
    throw error;
  }

  app.use((req, res, next) => {
    // A caller's id is kept only if it is short and plain, so it is safe to log and forward.
    const given = req.header('x-request-id');
    const requestId = given && requestIdPattern.test(given) ? given : randomUUID();
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
      subgraphs: Object.fromEntries(checks.map(([name, check]) => [name, check.detail])),
    });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const requestId = String(res.locals.requestId);
        return { requestId, logger: logger.child({ requestId }) };
      },
    }),
  );

  const url = `http://${host}:${port}/graphql`;
  logger.info({ url, subgraphs: Object.fromEntries([...clients].map(([name, client]) => [name, client.url])) }, 'gateway listening');
  return {
    url,
    port,
    stop: async () => {
      await apollo.stop();
      pool.close();
      logger.info('gateway stopped');
    },
  };
}
