import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { internalKeyToJson, testInternalKeys, testInternalToken } from '../src';

// Child processes run the built runtime (`npm run build`), as a deployed service would.
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function run(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logLines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ msg: string; resolve: (line: Record<string, unknown>) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    logLines.push(line);
    for (const waiter of waiters.filter((w) => w.msg === line.msg)) waiter.resolve(line);
  });
  const logged = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = logLines.find((line) => line.msg === msg);
      if (seen) resolve(seen);
      else waiters.push({ msg, resolve });
      void exited.then((code) => reject(new Error(`exited with ${code} before logging "${msg}": ${stderr}`)));
    });
  return { child, exited, logged, stderr: () => stderr, logLines };
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
  service.child.kill('SIGTERM');
  await service.logged('shutting down; letting in-flight requests finish');
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { inFlight: 'finished after SIGTERM' } });
  expect(await service.exited).toBe(0);
  expect(service.logLines.map((line) => line.msg)).toContain('subgraph stopped');
});

test('a bad environment variable stops a subgraph with exit code 1, naming the variable on stderr', async () => {
  const service = run(join(__dirname, '..', '..', 'locations', 'dist', 'index.js'), { PORT: 'eighty', LOG_LEVEL: 'silent' });
  expect(await service.exited).toBe(1);
  expect(service.stderr()).toMatch(/^Invalid configuration:/);
  expect(service.stderr()).toMatch(/- PORT: /);
  // Every problem at once: the missing key is named in the same message.
  expect(service.stderr()).toMatch(/- GATEWAY_VERIFY_KEY: is required/);
});
