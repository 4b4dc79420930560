import cluster, { type Worker } from 'node:cluster';
import { join } from 'node:path';
import { leaseSize, serveLeases } from '../src/limits/leased-counts';

// Workers of one gateway count a partner's requests in blocks leased from the primary: the real
// node:cluster primary (this test's process, answering as runWorkers does) and two forked workers
// running the built module.

interface Outcome {
  passed: number;
  refused: number;
  failed: number;
}

const points = 300;
const attemptsPerWorker = 250;
let requestsSeen = 0;
const countRequests = (_worker: Worker, message: { type?: string }) => {
  if (message?.type === 'movement:rate-lease') requestsSeen += 1;
};
let stopServing: () => void;

beforeAll(() => {
  stopServing = serveLeases();
  cluster.on('message', countRequests);
  cluster.setupPrimary({ exec: join(__dirname, 'fixtures', 'lease-worker.js'), silent: false });
});

afterAll(() => {
  stopServing();
  cluster.off('message', countRequests);
});

const runWorker = (attempts = attemptsPerWorker) =>
  new Promise<Outcome>((resolve, reject) => {
    const worker = cluster.fork({ LEASE_POINTS: String(points), LEASE_ATTEMPTS: String(attempts) });
    worker.on('message', (message: { type?: string; error?: string } & Outcome) => {
      if (message.type !== 'lease-test-result') return;
      if (message.error) reject(new Error(message.error));
      else resolve({ passed: message.passed, refused: message.refused, failed: message.failed });
    });
    worker.once('exit', (code) => code !== 0 && reject(new Error(`lease worker exited with ${code}`)));
  });

test('two workers together admit no more than the limit, asking the primary once per block rather than per request', async () => {
  const outcomes = await Promise.all([runWorker(), runWorker()]);
  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
  const refused = outcomes.reduce((sum, outcome) => sum + outcome.refused, 0);
  expect(outcomes.map((outcome) => outcome.failed)).toEqual([0, 0]);
  expect(passed + refused).toBe(2 * attemptsPerWorker);
  expect(passed).toBeLessThanOrEqual(points);
  // At most a block per worker is left unspent when its requests stop.
  expect(passed).toBeGreaterThanOrEqual(points - 2 * leaseSize(points));
  // A block of three points per ask, and a refusal that lasts until the window resets without asking again.
  expect(leaseSize(points)).toBe(3);
  expect(requestsSeen).toBeLessThanOrEqual(Math.ceil(points / leaseSize(points)) + 2 * 10);
});

test('a block is a hundredth of the limit, and one point for small limits', () => {
  expect([leaseSize(6), leaseSize(99), leaseSize(600), leaseSize(100_000)]).toEqual([1, 1, 6, 1000]);
});

test('a worker whose primary does not answer fails the count (the rate limiter then lets the request through) instead of holding it', async () => {
  stopServing();
  try {
    expect(await runWorker(1)).toEqual({ passed: 0, refused: 0, failed: 1 });
  } finally {
    stopServing = serveLeases();
  }
});
