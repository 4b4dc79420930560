import type http from 'node:http';
import express from 'express';
import { listen } from '@movement/runtime';
import type { RateLimiter } from '../src/limits';

export interface Served {
  get(partner: string): Promise<Response>;
  stop(): Promise<void>;
}

/** A real HTTP server whose one route is behind the limiter, keyed by the `x-partner` header. */
export async function serve(limiter: RateLimiter): Promise<Served> {
  const app = express();
  app.get(
    '/graphql',
    limiter.rateLimit((req) => req.header('x-partner') ?? 'anonymous'),
    (_req, res) => {
      res.json({ data: { ok: true } });
    },
  );
  const { server, port } = await listen(app, '127.0.0.1', 0);
  return {
    get: (partner) => fetch(`http://127.0.0.1:${port}/graphql`, { headers: { 'x-partner': partner } }),
    stop: () => close(server),
  };
}

export async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

export function rateHeaders(response: Response) {
  return {
    status: response.status,
    limit: response.headers.get('ratelimit-limit'),
    remaining: response.headers.get('ratelimit-remaining'),
    retryAfter: response.headers.get('retry-after'),
  };
}
