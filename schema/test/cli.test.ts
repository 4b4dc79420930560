import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli';
import { composeRepository, readmePath } from '../src';

/** The folder the tests write into (each its own file names), removed when the file ends. */
const dir = mkdtempSync(join(tmpdir(), 'schema-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  return {
    out: () => out.join(''),
    err: () => err.join(''),
    restore: () => {
      stdout.mockRestore();
      stderr.mockRestore();
    },
  };
}

test('compose writes the supergraph and API schema where it is told', async () => {
  const io = capture();
  const code = await main(['compose', '--supergraph', join(dir, 's.graphql'), '--api', join(dir, 'a.graphql'), '--quiet']).finally(io.restore);
  const fresh = composeRepository();
  if (!fresh.ok) throw new Error('the repository does not compose');
  expect(code).toBe(0);
  expect(readFileSync(join(dir, 's.graphql'), 'utf8').trimEnd()).toBe(fresh.supergraphSdl.trimEnd());
  expect(readFileSync(join(dir, 'a.graphql'), 'utf8')).toBe(fresh.apiSchemaSdl);
  expect(io.out()).toContain('Wrote');
});

test("scopes prints the README's scope table, and --write puts it back in a README whose table is stale", async () => {
  const readme = readFileSync(readmePath, 'utf8');
  const stale = join(dir, 'README.md');
  writeFileSync(stale, readme.replace(/^\| `people:read` \|.*$/m, '| `people:read` | outdated | |'));
  const io = capture();
  const printed = await main(['scopes']);
  const written = await main(['scopes', '--write', '--readme', stale]).finally(io.restore);
  expect([printed, written]).toEqual([0, 0]);
  expect(readme).toContain(
    io
      .out()
      .split('\n')
      .filter((line) => line.startsWith('| `people:read`'))[0],
  );
  expect(readFileSync(stale, 'utf8')).toBe(readme);
});

test('an unknown command or option exits non-zero and shows usage', async () => {
  const io = capture();
  const unknown = await main(['publsh']);
  const badOption = await main(['compose', '--nope']);
  io.restore();
  expect(unknown).toBe(1);
  expect(badOption).toBe(1);
  expect(io.err()).toContain('Unknown command "publsh"');
  expect(io.err()).toContain('usage: npm run schema -- compose');
});
