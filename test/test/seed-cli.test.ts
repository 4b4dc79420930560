import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@movement/runtime';
import { prepareTestDataFolder } from '@movement/runtime/testing';
import { graphSubgraphs, seed, subgraphNames } from '@movement/launcher';
import { graphTemplate } from '../src/graph-templates';
import { killLeftovers, runNode } from './process-support';

// `npm run seed` as a developer runs it, on its own embedded database folder. The command runs in
// this process, through the function the built command calls, while the test holds the folder's
// instance open so that the runs share it instead of starting it again; the built command runs as
// a process where the process is the subject: its exit codes, and seeding over the folder the
// runs before left.
const seedScript = join(__dirname, '..', '..', 'launcher', 'dist', 'seed-cli.js');
const dataDir = mkdtempSync(join(tmpdir(), 'movement-seed-'));
const graphDir = join(dataDir, 'graph');
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
let held: Database<unknown> | undefined;

// Seeding is the subject, not initdb or migrating: the folder starts as the graph's first start
// leaves it, migrated and empty (a copy of the run's template).
beforeAll(async () => {
  await prepareTestDataFolder(graphDir, graphTemplate(undefined));
  held = await openDatabase({ dataDir: graphDir, createClient: () => ({ $disconnect: async () => undefined }) });
});

afterAll(async () => {
  killLeftovers();
  await held?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The command in this process, with the developer's variables and its output captured. */
const seedRun = async (args: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await seed(args, { env, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
};

/** The built command as a process of its own. */
const seedProcess = async (args: string[]) => {
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

  // The built command, once the folder is released (an embedded database opens in one process only).
  await held?.close();
  held = undefined;
  const reset = await seedProcess(['--people', '20', '--reset']);
  expect(reset.code).toBe(0);
  expect(reset.stdout).toMatch(new RegExp(`Seeded 20 people: ${expected} of ${expected} rows`));
});

test('a bad --people value is refused with exit code 1', async () => {
  const run = await seedProcess(['--people', 'many']);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/--people must be a positive integer/);
});
