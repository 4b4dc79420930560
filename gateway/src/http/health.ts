import type { RequestHandler } from 'express';
import type { SupergraphStatus } from '../registry-follower';
import type { SubgraphClient } from '../subgraph-client';

/** `/health`: the process is alive. */
export const health: RequestHandler = (_req, res) => {
  res.json({ status: 'ok', service: 'gateway' });
};

/**
 * `/ready`: the supergraph is loaded and every subgraph's `/ready` answers. `clients` are those
 * of the supergraph loaded; `follower` is there when the gateway follows the registry.
 */
export function readiness(clients: ReadonlyMap<string, SubgraphClient>, follower: { status(): SupergraphStatus } | undefined): RequestHandler {
  return async (_req, res) => {
    const checks = await Promise.all([...clients.values()].map(async (client) => [client.name, await client.ready()] as const));
    const ready = checks.length > 0 && checks.every(([, check]) => check.ready);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      supergraph: 'loaded',
      // Which version serves, and the last one refused: a broken publish shows here while the old one serves.
      ...(follower ? { schema: follower.status() } : {}),
      subgraphs: Object.fromEntries(checks.map(([name, check]) => [name, check.detail])),
    });
  };
}
