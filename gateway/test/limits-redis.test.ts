import { randomInt, randomUUID } from 'node:crypto';
import { createLogger } from '@movement/runtime';
import { failedAuthentication } from '../src/auth/failed-authentication';
import { createRateLimiter, openCounterStore } from '../src/limits';
import { rateHeaders, serve } from './rate-limit-support';

// Runs when TEST_REDIS_URL names a Redis server (CI sets it; see jest.config.js).
const redisUrl = process.env.TEST_REDIS_URL!;
const logger = createLogger('limits-test', 'silent');

test('two gateway instances sharing Redis agree on the count', async () => {
  // A fresh namespace per run, so counts left by an earlier run within the minute do not interfere.
  const options = { keyPrefix: `test-rate-${randomUUID()}` };
  const first = await createRateLimiter({ rateLimitPerMinute: 3, redisUrl }, logger, options);
  const second = await createRateLimiter({ rateLimitPerMinute: 3, redisUrl }, logger, options);
  const [a, b] = [await serve(first), await serve(second)];
  try {
    expect([first.store, second.store]).toEqual(['redis', 'redis']);
    const answers = [await a.get('icrc'), await b.get('icrc'), await a.get('icrc'), await b.get('icrc')].map(rateHeaders);
    expect(answers.map((answer) => [answer.status, answer.remaining])).toEqual([
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
    // A limiter without Redis keeps its own count, which is why several instances need it.
    const alone = await createRateLimiter({ rateLimitPerMinute: 3, redisUrl: undefined }, logger, options);
    const c = await serve(alone);
    expect(rateHeaders(await c.get('icrc'))).toMatchObject({ status: 200, remaining: '2' });
    await c.stop();
    await alone.close();
  } finally {
    await a.stop();
    await b.stop();
    await first.close();
    await second.close();
  }
});

test('gateway instances sharing Redis count refused credentials together', async () => {
  const [first, second] = [await openCounterStore(redisUrl, logger), await openCounterStore(redisUrl, logger)];
  try {
    expect([first.store, second.store]).toEqual(['redis', 'redis']);
    const [a, b] = [failedAuthentication(3, first, logger), failedAuthentication(3, second, logger)];
    // A fresh address and key id per run, so counts left by an earlier run within the minute do not interfere.
    const address = `198.51.100.${randomInt(1, 255)}-${randomUUID()}`;
    const keyId = randomUUID().replace(/-/g, '').slice(0, 16);
    await a.failed(address, keyId);
    await b.failed(address, null);
    expect(await a.retryAfter(address, null)).toBe(0);
    await b.failed(address, null);
    // Three refusals from the address across both instances: both now hold it back; the key id, refused once, is free elsewhere.
    expect(await a.retryAfter(address, null)).toBeGreaterThan(0);
    expect(await b.retryAfter(address, null)).toBeGreaterThan(0);
    expect(await b.retryAfter('198.51.100.0', keyId)).toBe(0);
  } finally {
    await first.close();
    await second.close();
  }
});
