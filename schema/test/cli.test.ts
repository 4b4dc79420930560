import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli';
import { composeRepository } from '../src';

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
  const dir = mkdtempSync(join(tmpdir(), 'schema-cli-'));
  const io = capture();
  const code = await main(['compose', '--supergraph', join(dir, 's.graphql'), '--api', join(dir, 'a.graphql'), '--quiet']).finally(io.restore);
  const fresh = composeRepository();
  if (!fresh.ok) throw new Error('the repository does not compose');
  expect(code).toBe(0);
  expect(readFileSync(join(dir, 's.graphql'), 'utf8').trimEnd()).toBe(fresh.supergraphSdl.trimEnd());
  expect(readFileSync(join(dir, 'a.graphql'), 'utf8')).toBe(fresh.apiSchemaSdl);
  expect(io.out()).toContain('Wrote');
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
