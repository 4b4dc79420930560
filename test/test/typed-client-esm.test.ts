import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { syntheticId } from '@movement/runtime/demo';
import { sharedTestGraph, type SharedTestGraph } from './harness';

const run = promisify(execFile);

/**
 * A partner's app as it would be written outside this repository: an ES module (`"type":
 * "module"`) that installs `@movement/client`, its two dependencies and Node's types, and nothing
 * else of the graph. The `@ts-expect-error` lines prove the types are real: with `any` they would be unused.
 */
const app = `
import { print } from 'graphql';
import { PersonOverviewDocument, type PersonOverviewQuery, type PersonOverviewQueryVariables } from '@movement/client';

// @ts-expect-error the person's id is required
const missing: PersonOverviewQueryVariables = {};
// @ts-expect-error a full name is a string
const name: number | undefined = ({} as PersonOverviewQuery).person?.fullName;
void [missing, name];

const variables: PersonOverviewQueryVariables = { id: process.env.PERSON_ID! };
const response = await fetch(process.env.GRAPH_URL!, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...JSON.parse(process.env.GRAPH_HEADERS!) },
  body: JSON.stringify({ query: print(PersonOverviewDocument), variables }),
});
const { data } = (await response.json()) as { data: PersonOverviewQuery };
process.stdout.write(JSON.stringify({ id: data.person?.id, status: data.person?.status }));
`;

/**
 * An app that generates its own client keeps the generated sources in its tree: the same files,
 * imported and run as they are, with no build step.
 */
const ownCopy = `
import { print } from 'graphql';
import { PersonOverviewDocument, type PersonOverviewQueryVariables } from './generated/graphql.ts';
import { graphql } from './generated/index.ts';

const variables: PersonOverviewQueryVariables = { id: 'not sent' };
process.stdout.write(JSON.stringify({ operation: print(PersonOverviewDocument).split('(')[0], found: graphql('unknown') !== undefined, variables }));
`;

let graph: SharedTestGraph;
let dir: string;

beforeAll(async () => {
  graph = await sharedTestGraph();
  dir = mkdtempSync(join(tmpdir(), 'movement-client-consumer-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(dir, 'app.ts'), app);
  writeFileSync(join(dir, 'own-copy.ts'), ownCopy);
  cpSync(join(dirname(require.resolve('@movement/client/package.json')), 'src', 'generated'), join(dir, 'generated'), { recursive: true });
  // Installed as npm would lay them out: the package folder itself, no path into this repository.
  for (const name of ['@movement/client', 'graphql', '@graphql-typed-document-node/core', '@types/node']) {
    const target = join(dir, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(dirname(require.resolve(`${name}/package.json`)), target, 'dir');
  }
});

afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await graph?.stop();
});

test('an ES module app type-checks against the client, and against its own copy of the generated sources, with moduleResolution nodenext', async () => {
  // The native compiler the project builds with; its package exports no path to its command.
  const tsc = join(dirname(require.resolve('@typescript/native/package.json')), 'bin', 'tsc');
  // `verbatimModuleSyntax` and `erasableSyntaxOnly` refuse what type stripping cannot run: a type imported as a value, an enum.
  const args = [
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--strict',
    '--noEmit',
    '--types',
    'node',
    '--allowImportingTsExtensions',
    '--verbatimModuleSyntax',
    '--erasableSyntaxOnly',
    'app.ts',
    'own-copy.ts',
  ];
  const result = await run(process.execPath, [tsc, ...args], { cwd: dir }).catch((error: { stdout: string; code: number }) => error);
  expect(result.stdout).toBe('');
});

test('the same app runs under Node type stripping and gets its typed answer from the gateway', async () => {
  const id = syntheticId('person', 0);
  const { stdout } = await run(process.execPath, ['--experimental-strip-types', '--no-warnings', 'app.ts'], {
    cwd: dir,
    env: { ...process.env, NODE_OPTIONS: '', GRAPH_URL: graph.url, GRAPH_HEADERS: JSON.stringify(graph.as('fullAccess')), PERSON_ID: id },
  });
  expect(JSON.parse(stdout)).toEqual({ id, status: expect.any(String) });
});

test('the generated sources themselves run under Node type stripping in an ES module app', async () => {
  const { stdout } = await run(process.execPath, ['--experimental-strip-types', '--no-warnings', 'own-copy.ts'], {
    cwd: dir,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  expect(JSON.parse(stdout)).toEqual({ operation: 'query PersonOverview', found: true, variables: { id: 'not sent' } });
});
