import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The built runtime logs one line, as a service started by a person or by a supervisor would.
const logOneLine = `require(${JSON.stringify(join(__dirname, '..', 'dist', 'logger.js'))}).createLogger('people').info({ requestId: 'r-1' }, 'subgraph listening')`;

test('logs are JSON lines when stdout is not a terminal', async () => {
  const { stdout } = await run(process.execPath, ['-e', logOneLine]);
  expect(JSON.parse(stdout)).toMatchObject({ level: 30, service: 'people', requestId: 'r-1', msg: 'subgraph listening' });
});

test('logs are readable lines when stdout is a terminal', async () => {
  // `script` gives the child a pseudo-terminal, as a developer's shell does.
  const command = `${JSON.stringify(process.execPath)} -e ${JSON.stringify(logOneLine)}`;
  const { stdout } = await run('script', ['-qec', command, '/dev/null'], { env: { ...process.env, TERM: 'dumb' } });
  // eslint-disable-next-line no-control-regex -- the terminal's colour codes are what is removed
  const line = stdout.replace(/\u001b\[[0-9;]*m/g, '').trim();
  expect(() => JSON.parse(line)).toThrow();
  expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO \(people\): subgraph listening/);
  expect(line).toContain('requestId: "r-1"');
});
