import cors, { type CorsOptions } from 'cors';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { parseEnvironment } from '@movement/runtime';
import { limitsEnvironment } from '../limits/environment';

/**
 * Which browser origins may call the gateway. Credentials travel only in headers
 * (`Authorization`, `x-api-key`), never in cookies, so a page on an allowed origin can use the
 * graph only with a key or token it holds itself; the list decides which sites may do so at all.
 */
export interface CorsConfig {
  /** Exact origins (`https://app.example.org`), or `*` for any; from `CORS_ORIGINS`. */
  origins: readonly string[];
  /** Any origin on this machine (`localhost`, `127.0.0.1`, `[::1]`, any port): the default outside production. */
  loopback: boolean;
}

const origin = z
  .string()
  .trim()
  .refine((value) => value === '*' || /^https?:\/\/[^/\s]+$/.test(value), 'each origin must be `*` or scheme://host[:port] with no path, e.g. https://app.example.org');

/** `CORS_ORIGINS` as a zod shape, to spread into the gateway's `parseEnvironment` call. */
export const corsEnvironment = {
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : value.split(',').map((part) => part.trim()).filter(Boolean)))
    .pipe(z.array(origin).optional()),
};

/**
 * The allow-list from `CORS_ORIGINS` (comma-separated); unset, browsers on this machine are
 * allowed outside production and no other origin anywhere. An empty value allows none.
 */
export function corsFromVariables(env: { CORS_ORIGINS?: string[] | undefined; NODE_ENV: 'development' | 'production' | 'test' }): CorsConfig {
  if (env.CORS_ORIGINS !== undefined) return { origins: env.CORS_ORIGINS, loopback: false };
  return { origins: [], loopback: env.NODE_ENV !== 'production' };
}

/** Reads the allow-list from the environment alone (`CORS_ORIGINS`, `NODE_ENV`), naming a bad value. */
export function loadCorsConfig(source: Record<string, string | undefined> = process.env): CorsConfig {
  return corsFromVariables(parseEnvironment({ ...corsEnvironment, NODE_ENV: limitsEnvironment.NODE_ENV }, source));
}

const loopbackOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** The origin the request was addressed to: a page the gateway serves itself is always allowed. */
const ownOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? ''}`;

/** Headers a browser app sends: the credentials, the JSON body, and the ids clients add. */
const allowedHeaders = ['authorization', 'x-api-key', 'content-type', 'accept', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'apollographql-client-name', 'apollographql-client-version'];

/** Headers a browser app may read from the answer: the request id and the rate limit. */
const exposedHeaders = ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy', 'retry-after'];

/**
 * Answers CORS preflights itself (before authentication: a browser never sends credentials with
 * one) and adds the CORS headers to answers for allowed origins. An origin not allowed gets no
 * CORS headers, so the browser withholds the answer from the page.
 */
export function corsHandler(config: CorsConfig): RequestHandler[] {
  const any = config.origins.includes('*');
  const allowed = new Set(config.origins);
  const headers = cors((req, callback) => {
    const request = req as Request;
    const given = request.header('origin');
    const permitted = given !== undefined && (any || allowed.has(given) || given === ownOrigin(request) || (config.loopback && loopbackOrigin.test(given)));
    const options: CorsOptions = {
      origin: permitted ? given : false,
      methods: ['GET', 'POST'],
      allowedHeaders,
      exposedHeaders,
      // Browsers keep a preflight answer at most this long (Chromium caps it at 2 hours).
      maxAge: 7200,
    };
    callback(null, options);
  });
  // A preflight from an origin not allowed is answered too, without CORS headers: it carries no
  // credentials, so authentication would only refuse it and count a failure against the address.
  const preflight: RequestHandler = (req, res, next) => {
    if (req.method === 'OPTIONS') res.status(204).end();
    else next();
  };
  return [headers, preflight];
}
