import express from 'express';
import { ConfigurationError, createLogger, listen, parseEnvironment, port } from '@movement/runtime';
import { close, rateHeaders, serve, type Served } from './rate-limit-support';
import { createRateLimiter, limitsEnvironment, limitsFromVariables, loadLimitsConfig, payloadTooLarge, type RateLimiter } from '../src/limits';

const logger = createLogger('limits-test', 'silent');

function expectReset(response: Response) {
  const reset = Number(response.headers.get('ratelimit-reset'));
  expect(reset).toBeGreaterThanOrEqual(1);
  expect(reset).toBeLessThanOrEqual(60);
  expect(response.headers.get('ratelimit-policy')).toBe('3;w=60');
}

describe('rate limits in memory', () => {
  let limiter: RateLimiter;
  let served: Served;
  beforeAll(async () => {
    limiter = await createRateLimiter({ rateLimitPerMinute: 3, redisUrl: undefined }, logger);
    served = await serve(limiter);
  });
  afterAll(async () => {
    await served.stop();
    await limiter.close();
  });

  test('each answer tells how many requests are left; past the limit comes 429 with Retry-After', async () => {
    expect(limiter.store).toBe('memory');
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await served.get('bel-rc');
      expect(response.status).toBe(200);
      expectReset(response);
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await served.get('bel-rc');
    expect(rateHeaders(refused)).toMatchObject({ status: 429, limit: '3', remaining: '0' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expectReset(refused);
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/^Rate limit of 3 requests per minute reached; retry in \d+ s\.$/);
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3 });
  });

  test('each partner has its own count', async () => {
    const other = await served.get('rus-rc');
    expect(rateHeaders(other)).toEqual({ status: 200, limit: '3', remaining: '2', retryAfter: null });
  });
});

test('while Redis cannot be reached the gateway still serves and counts in memory', async () => {
  // Nothing listens on port 1: the limiter starts all the same and falls back to its own count.
  const limiter = await createRateLimiter({ rateLimitPerMinute: 2, redisUrl: 'redis://127.0.0.1:1' }, logger);
  const served = await serve(limiter);
  try {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await served.get('bel-rc')).status);
    expect(statuses).toEqual([200, 200, 429]);
  } finally {
    await served.stop();
    await limiter.close();
  }
});

test('a limit of 0 turns rate limiting off', async () => {
  // Even with Redis configured (nothing listens on port 1), a limit of 0 never asks it.
  const limiter = await createRateLimiter({ rateLimitPerMinute: 0, redisUrl: 'redis://127.0.0.1:1' }, logger);
  const served = await serve(limiter);
  try {
    expect(limiter.store).toBe('memory');
    const response = await served.get('bel-rc');
    expect(rateHeaders(response)).toEqual({ status: 200, limit: null, remaining: null, retryAfter: null });
  } finally {
    await served.stop();
    await limiter.close();
  }
});

test('a body over MAX_BODY_BYTES is refused with 413 in GraphQL shape', async () => {
  const { maxBodyBytes } = loadLimitsConfig({ MAX_BODY_BYTES: '2048' });
  const app = express();
  app.post('/graphql', express.json({ limit: maxBodyBytes }), (req, res) => {
    res.json({ data: { size: JSON.stringify(req.body).length } });
  });
  app.use(payloadTooLarge(maxBodyBytes));
  const { server, port } = await listen(app, '127.0.0.1', 0);
  try {
    const post = (query: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect((await post('{ __typename }')).status).toBe(200);
    const refused = await post(`{ __typename } # ${'x'.repeat(2048)}`);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      errors: [{ message: 'The request body is larger than 2048 bytes, the limit.', extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: 2048 } }],
    });
  } finally {
    await close(server);
  }
});

describe('limits configuration', () => {
  test('defaults', () => {
    expect(loadLimitsConfig({})).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 2000,
      maxCost: 5000,
      maxBodyBytes: 102400,
      rateLimitPerMinute: 600,
      authFailuresPerMinute: 30,
      trustProxyHops: 0,
      redisUrl: undefined,
      nodeEnv: 'development',
    });
  });

  test('the shape spreads into a service environment, as the gateway reads it', () => {
    const env = parseEnvironment(
      { ...limitsEnvironment, PORT: port(4000) },
      { PORT: '4100', MAX_DEPTH: '8', RATE_LIMIT_PER_MINUTE: '0', REDIS_URL: 'redis://cache.internal:6379/2', NODE_ENV: 'production' },
    );
    expect(env.PORT).toBe(4100);
    expect(limitsFromVariables(env)).toMatchObject({
      maxDepth: 8,
      maxCost: 5000,
      rateLimitPerMinute: 0,
      redisUrl: 'redis://cache.internal:6379/2',
      nodeEnv: 'production',
    });
  });

  test('every bad variable is named at once', () => {
    let error: unknown;
    try {
      loadLimitsConfig({
        MAX_DEPTH: '0',
        MAX_COST: 'lots',
        REDIS_URL: 'http://cache',
        NODE_ENV: 'staging',
        AUTH_FAILURES_PER_MINUTE: '-1',
        TRUST_PROXY: 'yes',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    for (const name of ['MAX_DEPTH', 'MAX_COST', 'REDIS_URL', 'NODE_ENV', 'AUTH_FAILURES_PER_MINUTE', 'TRUST_PROXY'])
      expect(problems).toMatch(new RegExp(`^${name}:`, 'm'));
    expect(problems).toMatch(/^REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL$/m);
  });
});
