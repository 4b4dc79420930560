import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTestDataFolder } from '@movement/runtime/testing';
import { graphSubgraphs, subgraphNames } from '@movement/launcher';
import { killLeftovers, runNode } from './process-support';

// `npm run seed` as a developer runs it (the built command), on its own embedded database folder.
const seedScript = join(__dirname, '..', '..', 'launcher', 'dist', 'seed-cli.js');
const dataDir = mkdtempSync(join(tmpdir(), 'movement-seed-'));
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

// Seeding is the subject, not initdb: the folder starts as an empty cluster, copied from the run's.
beforeAll(() => prepareTestDataFolder(join(dataDir, 'graph')));

afterAll(() => {
  killLeftovers();
  rmSync(dataDir, { recursive: true, force: true });
});

const seedRun = async (args: string[]) => {
  const run = runNode(seedScript, args, env);
  return { code: await run.exited, stdout: run.stdout(), stderr: run.stderr() };
};

test('seeds N people once, refuses to seed over data, and replaces it with --reset', async () => {
  const expected = subgraphNames.reduce((sum, name) => sum + graphSubgraphs[name].seeder.expectedRows(20), 0);

  const first = await seedRun(['--people', '20']);
  expect(first.code).toBe(0);
  // Every row the seeders reported, and exactly the progress bar's total: it ends at 100%, not before.
  const [, reported, total] = /Seeded 20 people: (\d+) of (\d+) rows/.exec(first.stdout) ?? [];
  expect(Number(reported)).toBe(expected);
  expect(Number(total)).toBe(expected);

  const again = await seedRun(['--people', '20']);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/already holds data; run again with --reset/);

  const reset = await seedRun(['--people', '20', '--reset']);
  expect(reset.code).toBe(0);
  expect(reset.stdout).toMatch(new RegExp(`Seeded 20 people: ${expected} of ${expected} rows`));
});

test('a bad --people value is refused with exit code 1', async () => {
  const run = await seedRun(['--people', 'many']);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/--people must be a positive integer/);
});
