import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { internalKeyToJson } from '../src';
import { drainThroughKeepAlive, runService, testInternalKeys, testInternalToken } from '../src/testing';

// Child processes run the built runtime (`npm run build`), as a deployed service would.
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function run(script: string, env: Record<string, string>) {
  const service = runService(script, env);
  children.push(service.process);
  return service;
}

test('on SIGTERM a subgraph process finishes the request in flight, then exits 0', async () => {
  const service = run(join(__dirname, 'fixtures', 'in-flight-service.js'), {
    GATEWAY_VERIFY_KEY: await internalKeyToJson((await testInternalKeys()).publicKey),
  });
  const { url } = (await service.logged('subgraph listening')) as { url: string };
  const inFlight = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testInternalToken()}` },
    body: JSON.stringify({ query: '{ inFlight }' }),
  });
  // The resolver has the request and answers only after the signal.
  await service.logged('request in flight');
  service.process.kill('SIGTERM');
  await service.logged('shutting down; letting in-flight requests finish');
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { inFlight: 'finished after SIGTERM' } });
  expect(await service.exited).toBe(0);
  expect(service.lines.map((line) => line.msg)).toContain('subgraph stopped');
});

test('on SIGTERM a subgraph answers requests arriving on open keep-alive connections with Connection: close, closes idle ones and exits 0', async () => {
  const service = run(join(__dirname, 'fixtures', 'in-flight-service.js'), {
    GATEWAY_VERIFY_KEY: await internalKeyToJson((await testInternalKeys()).publicKey),
  });
  const { url } = (await service.logged('subgraph listening')) as { url: string };
  const outcome = await drainThroughKeepAlive({
    url,
    headers: { authorization: `Bearer ${await testInternalToken()}` },
    quick: { query: '{ quick }' },
    slow: { query: '{ held }' },
    holdSlow: () => ({ arrived: service.logged('held request started'), release: () => service.process.kill('SIGUSR2') }),
    terminate: async () => {
      service.process.kill('SIGTERM');
      await service.logged('shutting down; letting in-flight requests finish');
    },
  });
  expect(outcome.slow).toEqual({ status: 200, connection: 'close', body: { data: { held: 'released' } } });
  // Before the drain finished, a request on a connection opened earlier is answered, not reset.
  expect(outcome.arriving).toEqual({ status: 200, connection: 'close', body: { data: { quick: 'at once' } } });
  expect(outcome.arrivedOnOpenConnection).toBe(true);
  expect(await service.exited).toBe(0);
  // Graceful: the idle connection was closed by the service, not cut when the grace period ran out.
  expect(await service.logged('subgraph stopped')).toMatchObject({ graceful: true });
});

test('a bad environment variable stops a subgraph with exit code 1, naming the variable on stderr', async () => {
  const service = run(join(__dirname, '..', '..', 'locations', 'dist', 'index.js'), { PORT: 'eighty', LOG_LEVEL: 'silent' });
  expect(await service.exited).toBe(1);
  expect(service.stderr()).toMatch(/^Invalid configuration:/);
  expect(service.stderr()).toMatch(/- PORT: /);
  // Every problem at once: the missing key is named in the same message.
  expect(service.stderr()).toMatch(/- GATEWAY_VERIFY_KEY: is required/);
});
