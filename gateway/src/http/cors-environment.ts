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
  .refine(
    (value) => value === '*' || /^https?:\/\/[^/\s]+$/.test(value),
    'each origin must be `*` or scheme://host[:port] with no path, e.g. https://app.example.org',
  );

/** `CORS_ORIGINS` as a zod shape, to spread into the gateway's `parseEnvironment` call. */
export const corsEnvironment = {
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
    )
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
