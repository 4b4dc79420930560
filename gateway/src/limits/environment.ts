import { z } from 'zod';
import { parseEnvironment } from '@movement/runtime';

/**
 * The gateway's protective limits. Each is a contract partners can plan against: the README's
 * table of variables and the errors in `errors.ts` name the same values.
 */
export interface LimitsConfig {
  /** Deepest field nesting an operation may have (`MAX_DEPTH`); introspection subtrees are not counted. */
  maxDepth: number;
  /** Aliased fields per operation (`MAX_ALIASES`); aliases multiply work without multiplying tokens. */
  maxAliases: number;
  /** Lexical tokens per document (`MAX_TOKENS`), checked before the document is parsed. */
  maxTokens: number;
  /** Highest estimated cost per operation (`MAX_COST`); see `operationCost` for the model. */
  maxCost: number;
  /** Largest JSON request body in bytes (`MAX_BODY_BYTES`), the `limit` given to `express.json`. */
  maxBodyBytes: number;
  /** Requests per principal per minute (`RATE_LIMIT_PER_MINUTE`); 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Refused credentials per client address and per key id per minute (`AUTH_FAILURES_PER_MINUTE`); 0 turns the limit off. */
  authFailuresPerMinute: number;
  /**
   * Proxies in front of the gateway whose `X-Forwarded-For` is believed (`TRUST_PROXY`): the
   * client's address, which failed authentication is counted by, is the one the last of them saw.
   */
  trustProxyHops: number;
  /** Shared counter store (`REDIS_URL`); without it each gateway instance counts on its own. */
  redisUrl: string | undefined;
  /** Introspection is open to everyone except in production (`NODE_ENV`). */
  nodeEnv: 'development' | 'production' | 'test';
}

const count = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);

/**
 * The limit variables as a zod shape, to spread into the gateway's own `parseEnvironment` call so
 * every bad variable is still reported at once. `NODE_ENV` is the same definition the gateway
 * environment uses, so spreading both is harmless.
 */
export const limitsEnvironment = {
  MAX_DEPTH: count(12, 1),
  MAX_ALIASES: count(30, 0),
  MAX_TOKENS: count(2000, 1),
  MAX_COST: count(5000, 1),
  // 100 KiB holds any reasonable operation with its variables; larger bodies are refused unread.
  MAX_BODY_BYTES: count(100 * 1024, 1024),
  RATE_LIMIT_PER_MINUTE: count(600, 0),
  // Enough for a person mistyping a key; far too few to guess anything.
  AUTH_FAILURES_PER_MINUTE: count(30, 0),
  TRUST_PROXY: count(0, 0),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
};

export type LimitsVariables = z.infer<z.ZodObject<typeof limitsEnvironment>>;

/** Turns parsed variables (from `limitsEnvironment`) into the config the limit helpers take. */
export function limitsFromVariables(env: LimitsVariables): LimitsConfig {
  return {
    maxDepth: env.MAX_DEPTH,
    maxAliases: env.MAX_ALIASES,
    maxTokens: env.MAX_TOKENS,
    maxCost: env.MAX_COST,
    maxBodyBytes: env.MAX_BODY_BYTES,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: env.AUTH_FAILURES_PER_MINUTE,
    trustProxyHops: env.TRUST_PROXY,
    redisUrl: env.REDIS_URL,
    nodeEnv: env.NODE_ENV,
  };
}

/** Reads the limits from the environment alone, naming every bad variable at once. */
export function loadLimitsConfig(source: Record<string, string | undefined> = process.env): LimitsConfig {
  return limitsFromVariables(parseEnvironment(limitsEnvironment, source));
}
