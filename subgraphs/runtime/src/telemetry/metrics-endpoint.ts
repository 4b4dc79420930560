import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { listen } from '../http';
import type { Logger } from '../logger';
import { metricsServed, type MetricsConfig, type ServiceMetrics } from './metrics';

/** The variables that say where `/metrics` is served, for each service's environment. */
export const metricsEnvironment = {
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters: it is the only protection of /metrics on the public port').optional(),
};

export function metricsConfigFrom(env: { METRICS_PORT?: number; METRICS_TOKEN?: string }): MetricsConfig {
  return { port: env.METRICS_PORT, token: env.METRICS_TOKEN };
}

// Compared as digests, so neither the length nor a prefix of the token leaks through timing.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Where a scrape's text comes from: a service's own registry, or one gathering several processes'. */
export interface MetricsSource {
  registry: { metrics(): Promise<string>; readonly contentType: string };
}

/** Answers a scrape: the registry's text, once the bearer token (when one is configured) matches. */
export function metricsHandler(metrics: MetricsSource, token: string | undefined, logger: Logger) {
  const expected = token === undefined ? undefined : digest(token);
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!given || !timingSafeEqual(digest(given), expected)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' });
        res.end('A bearer token is required.\n');
        return;
      }
    }
    metrics.registry
      .metrics()
      .then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'metrics could not be collected');
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Metrics could not be collected.\n');
      });
  };
}

/** A service's metrics endpoints; `stop` closes the separate listener when there is one. */
export interface MetricsEndpoint {
  /** The handler to route `GET /metrics` to on the public port; undefined when only the separate port serves it (or none does). */
  publicHandler?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The separate listener's port, when `METRICS_PORT` is set. */
  port?: number;
  stop(): Promise<void>;
}

/**
 * Serves `/metrics` where the configuration says: on `METRICS_PORT` (a listener with nothing
 * else, which a network policy can keep inside the cluster), and on the public port only behind
 * `METRICS_TOKEN`. Without either the metrics are kept but not served, so they are never open to
 * the callers of the graph.
 */
export async function serveMetrics(metrics: ServiceMetrics, config: MetricsConfig | undefined, host: string, logger: Logger): Promise<MetricsEndpoint> {
  if (!config || !metricsServed(config)) return { stop: async () => undefined };
  metrics.collectDefaults();
  const handler = metricsHandler(metrics, config.token, logger);
  const publicHandler = config.token !== undefined ? handler : undefined;
  if (config.port === undefined) return { publicHandler, stop: async () => undefined };
  const listener = await listen(
    (req, res) => {
      if ((req.url ?? '').split('?', 1)[0] === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) return handler(req, res);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Only /metrics is served here.\n');
    },
    host,
    config.port,
  );
  logger.info({ port: listener.port }, 'metrics listening');
  return { publicHandler, port: listener.port, stop: async () => void (await listener.drain(1000)) };
}
