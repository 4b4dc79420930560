import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { prepareTestDataFolder } from '@movement/runtime/testing';
import { main, type CliContext } from '../src/cli';
import {
  composeSubgraphs,
  coordinatesOf,
  operationSignature,
  readSubgraphSdls,
  SchemaRegistry,
  signatureHash,
  type RegistryLocation,
  type SubgraphSdl,
} from '../src';

// Each command opens and closes the registry itself, as it does from a terminal: a folder keeps it between commands.
let dir: string;
let location: RegistryLocation;
// The baseline's handle stays open until the last command that reads the registry, so that the
// commands before it share one embedded instance (as commands of one process do) instead of each
// starting PGlite from the folder again; that last one starts it from the folder alone.
let held: SchemaRegistry | undefined;
const releaseHeld = async () => {
  await held?.close();
  held = undefined;
};

const edited = (name: SubgraphSdl['name'], from: string, to: string): SubgraphSdl[] =>
  readSubgraphSdls().map((subgraph) => {
    if (subgraph.name !== name) return subgraph;
    if (!subgraph.sdl.includes(from)) throw new Error(`The ${name} SDL no longer contains ${from.trim()}`);
    return { ...subgraph, sdl: subgraph.sdl.replace(from, to) };
  });

const withoutFullName = () => edited('people', '  "Given and family name in the original script, in the usual order."\n  fullName: String!\n', '');
const locationType = 'type Location @key(fields: "id") @authenticated {\n';
const withMotto = () => edited('locations', locationType, `${locationType}  "A test field added by the CLI tests."\n  motto: String\n`);
const fullNameDeprecated = () =>
  edited('people', '  fullName: String!\n', '  fullName: String! @deprecated(reason: "Use `names`.")\n').map((subgraph) =>
    subgraph.name === 'locations' ? (withMotto().find((candidate) => candidate.name === 'locations') ?? subgraph) : subgraph,
  );

/** Runs one command with the given working SDL against the test registry; returns its exit code and output. */
async function run(argv: string[], subgraphs: () => SubgraphSdl[] = readSubgraphSdls) {
  const out: string[] = [];
  const err: string[] = [];
  const context: Partial<CliContext> = {
    subgraphs,
    registryLocation: () => location,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
  };
  const code = await main(argv, context);
  return { code, out: out.join(''), err: err.join('') };
}

const partner = 'cli-partner';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'schema-cli-commands-'));
  const dataDir = join(dir, 'registry');
  location = { dataDir };
  await prepareTestDataFolder(dataDir);
  // The baseline is the working SDL as it is, so the checks below see only the tests' own edits.
  const composed = composeSubgraphs(readSubgraphSdls());
  if (!composed.ok) throw new Error('the repository does not compose');
  const registry = await SchemaRegistry.open(location);
  // Closed by releaseHeld, in the last test or after all.
  held = registry;
  await registry.publish({
    supergraphSdl: composed.supergraphSdl,
    apiSdl: composed.apiSchemaSdl,
    subgraphs: Object.fromEntries(readSubgraphSdls().map((subgraph) => [subgraph.name, subgraph.sdl])),
    author: 'baseline',
    message: 'Baseline',
    changes: [],
    rollbackOf: null,
  });
  const document = parse('query Names($id: ID!) { person(id: $id) { fullName } }');
  const signature = operationSignature(document, 'Names');
  await registry.recordUsage([
    {
      signatureHash: signatureHash(signature),
      partner,
      operationName: 'Names',
      signature,
      coordinates: coordinatesOf(buildSchema(composed.apiSchemaSdl), document),
      count: 4,
    },
  ]);
});

afterAll(async () => {
  await releaseHeld();
  rmSync(dir, { recursive: true, force: true });
});

test('check exits 1 on an unapproved breaking change, naming the operation and the partner, and 0 once approved', async () => {
  const refused = await run(['check'], withoutFullName);
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/BREAKING \(1\)/);
  expect(refused.err).toMatch(/\[Person\.fullName\]/);
  expect(refused.err).toMatch(/breaks operation PersonOverview/);
  expect(refused.err).toMatch(/breaks partner cli-partner: Names, 4 call\(s\)/);
  expect(refused.err).toMatch(/1 breaking change\(s\) not approved/);

  const approved = await run(['check', '--approve', 'Person.fullName'], withoutFullName);
  expect(approved.code).toBe(0);
  expect(approved.out).toMatch(/\[Person\.fullName\]\n\s+approved/);
  expect(approved.out).toMatch(/No unapproved breaking change/);
});

test('check lists safe changes by default', async () => {
  const result = await run(['check'], withMotto);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/SAFE \(2\)\n/);
  expect(result.out).toContain("  - Field 'motto' was added to object type 'Location' [Location.motto]\n");
  expect(result.out).toContain("  - Field 'Location.motto' has description 'A test field added by the CLI tests.' [Location.motto]\n");
});

test('publish, history and diff show the versions and what changed between them', async () => {
  const published = await run(['publish', '--message', 'Locations have a motto', '--author', 'admin'], withMotto);
  expect(published.code).toBe(0);
  expect(published.out).toMatch(/Published version 2\./);

  const history = await run(['history']);
  expect(history.code).toBe(0);
  const lines = history.out.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^ {3}1 {2}\S+ {2}baseline {2}Baseline {2}\[0 breaking, 0 dangerous, 0 safe\]$/);
  expect(lines[1]).toMatch(/^ {3}2 {2}\S+ {2}admin {2}Locations have a motto {2}\[0 breaking, 0 dangerous, 2 safe\]$/);

  const diff = await run(['diff', '1', '2']);
  expect(diff.code).toBe(0);
  expect(diff.out.split('\n')).toContain("safe      Field 'motto' was added to object type 'Location' [Location.motto]");
  const backwards = await run(['diff', '2', '1']);
  expect(backwards.out).toMatch(/^breaking {2}Field 'motto' was removed from object type 'Location' \[Location\.motto\]/);

  const missing = await run(['diff', '1', '9']);
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('Version 9 is not in the registry.');
});

test('usage names the partners whose recorded operations use a field', async () => {
  const used = await run(['usage', '--field', 'Person.fullName']);
  expect(used.code).toBe(0);
  expect(used.out).toMatch(/^cli-partner {2}Names {2}4 call\(s\), last \d{4}-\d\d-\d\dT/);
  expect(used.out).toContain('query Names($id:ID!){person(id:$id){fullName}}');

  const unused = await run(['usage', '--field', 'Person.patronymic']);
  expect(unused.out).toBe('No recorded operation uses Person.patronymic.\n');
  const malformed = await run(['usage', '--field', 'fullName']);
  expect(malformed.code).toBe(1);
  expect(malformed.err).toContain('usage needs --field Type.field');
});

test('deprecations reports a deprecated field of the latest version and who still uses it', async () => {
  const before = await run(['deprecations']);
  expect(before.out).not.toContain('Person.fullName');
  const published = await run(['publish', '--message', 'Deprecate fullName'], fullNameDeprecated);
  expect(published.code).toBe(0);
  const report = await run(['deprecations']);
  expect(report.code).toBe(0);
  expect(report.out.split('\n')).toContain('Person.fullName: used by cli-partner (4 call(s)). Deprecated: Use `names`.');
});

test('rollback publishes an earlier version again; the changelog shows every version, newest first', async () => {
  const rolledBack = await run(['rollback', '1', '--author', 'admin']);
  expect(rolledBack.code).toBe(0);
  expect(rolledBack.out).toBe('Published version 4, restoring version 1.\n');
  const history = await run(['history']);
  expect(history.out).toMatch(/ {3}4 {2}\S+ {2}admin {2}Rollback to version 1 \(restores 1\) {2}\[1 breaking, \d+ dangerous, \d+ safe\]/);
  const again = await run(['rollback', '4']);
  expect(again.code).toBe(1);
  expect(again.err).toContain('Version 4 is already the latest');

  const changelog = await run(['changelog']);
  expect(changelog.code).toBe(0);
  const headings = changelog.out.split('\n').filter((line) => line.startsWith('## Version'));
  expect(headings.map((line) => line.slice(0, 12))).toEqual(['## Version 4', '## Version 3', '## Version 2', '## Version 1']);
  expect(changelog.out).toContain('This version restores the schema of version 1.');

  // Started from the folder alone, the registry holds every version the commands above published.
  await releaseHeld();
  const file = join(dir, 'CHANGELOG.md');
  const written = await run(['changelog', '--out', file]);
  expect(written.code).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(changelog.out);
});

test('compose over SDL that does not compose exits 1 with the errors on stderr and writes nothing', async () => {
  const target = join(dir, 'never.graphql');
  // A Person with a different `fullName` type in another subgraph: the subgraphs cannot agree.
  const clash =
    '"Clashes with the people subgraph."\ntype Person @key(fields: "id") {\n  "Its id."\n  id: ID!\n  "Not the people subgraph\'s type."\n  fullName: Int\n}\n\n';
  const broken = () => edited('locations', locationType, `${clash}${locationType}`);
  const result = await run(['compose', '--supergraph', target, '--api', target], broken);
  expect(result.code).toBe(1);
  expect(result.out).toBe('');
  expect(result.err).toMatch(/^Composition failed with \d+ error\(s\):/);
  expect(() => readFileSync(target)).toThrow();
});
