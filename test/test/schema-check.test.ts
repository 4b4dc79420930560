import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabaseTarget, prepareTestDataFolder, type TestDatabaseTarget } from '@movement/runtime/testing';
import {
  changelogMarkdown,
  checkSchema,
  formatCheck,
  publishSchema,
  PublishRefused,
  readPersistedOperations,
  readSubgraphSdls,
  SchemaRegistry,
  coordinatesOf,
  operationSignature,
  signatureHash,
  type CheckResult,
} from '@movement/schema';
import { buildSchema, parse } from 'graphql';
import { main } from '@movement/schema/dist/cli';
import { editedSubgraphs, withField, withoutField } from './schema-support';

let target: TestDatabaseTarget;
let registry: SchemaRegistry;

beforeAll(async () => {
  target = await createTestDatabaseTarget('schema-check');
  registry = await SchemaRegistry.open({ databaseUrl: target.url, dataDir: target.dataDir });
  await publishSchema(registry, { subgraphs: readSubgraphSdls(), author: 'test', message: 'Baseline' });
});

afterAll(async () => {
  await registry?.close();
  await target?.dispose();
});

const composed = (result: CheckResult) => {
  if (!result.composed) throw new Error(`Expected the SDL to compose: ${formatCheck(result)}`);
  return result;
};

test('removing a field an internal app uses is breaking and names that persisted operation and its app', async () => {
  const result = composed(await checkSchema({ subgraphs: editedSubgraphs('people', withoutField('fullName', 'Person')), registry }));
  const impact = result.impacts.find((candidate) => candidate.change.path === 'Person.fullName');
  expect(impact?.change).toMatchObject({ type: 'FIELD_REMOVED', level: 'breaking' });
  expect(impact?.operations).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: 'PersonOverview',
        app: 'Case-management front end',
        file: 'schema/operations/PersonOverview.graphql',
        persistedId: expect.stringMatching(/^sha256:/),
      }),
    ]),
  );
  // Exactly the operations that read the field: the tracing caseload names people too, the others do not.
  expect(impact?.operations.map((operation) => operation.name).sort()).toEqual(['PersonOverview', 'TracingCaseload']);
  expect(result.unapproved).toBeGreaterThan(0);
  expect(result.baselineVersion).toBe(1);
  expect(formatCheck(result)).toMatch(/breaks operation PersonOverview of Case-management front end/);
});

test('an approved breaking change is reported but does not fail the check', async () => {
  const result = composed(
    await checkSchema({ subgraphs: editedSubgraphs('people', withoutField('fullName', 'Person')), registry, approved: ['Person.fullName'] }),
  );
  expect(result.impacts.map((impact) => [impact.change.path, impact.approved])).toContainEqual(['Person.fullName', true]);
  expect(result.unapproved).toBe(0);
});

test('a breaking change to a field no operation uses names no operation', async () => {
  const result = composed(await checkSchema({ subgraphs: editedSubgraphs('people', withoutField('patronymic', 'Person')), registry }));
  const impact = result.impacts.find((candidate) => candidate.change.path === 'Person.patronymic');
  expect(impact).toBeDefined();
  expect(impact?.operations).toEqual([]);
  expect(impact?.partners).toEqual([]);
});

test('breaking changes to input fields and enum values name the operations that pass them as variables', async () => {
  const text = 'mutation RecordDistribution($input: RecordDistributionInput!) { recordDistribution(input: $input) { id } }';
  const document = parse(text);
  const recordDistribution = {
    name: 'RecordDistribution',
    app: 'Distribution app',
    file: 'schema/operations/RecordDistribution.graphql',
    persistedId: 'sha256:test',
    document,
  };
  const baseline = await registry.latest();
  if (!baseline) throw new Error('the baseline should be published');
  const signature = operationSignature(document, 'RecordDistribution');
  const partner = 'variables-partner';
  await registry.recordUsage([
    {
      signatureHash: signatureHash(signature),
      partner,
      operationName: 'RecordDistribution',
      signature,
      coordinates: coordinatesOf(buildSchema(baseline.apiSdl), document),
      count: 3,
    },
  ]);

  const replaced = (sdl: string, from: string, to: string) => {
    if (!sdl.includes(from)) throw new Error(`The assistance SDL no longer contains ${from.trim()}`);
    return sdl.replace(from, to);
  };
  const edit = (sdl: string) => {
    // Removed from an input nested in the variable's type.
    let edited = replaced(
      sdl,
      '  "ISO 4217 currency code, required when `unit` is `CURRENCY` and refused otherwise."\n  currency: String\n}\n\n"A new distribution."',
      '}\n\n"A new distribution."',
    );
    // A new required field of the variable's own type.
    edited = replaced(
      edited,
      'input RecordDistributionInput {\n',
      'input RecordDistributionInput {\n  "A test field added by the schema evolution tests."\n  reference: String!\n',
    );
    // A value of an enum reachable from the variable.
    return replaced(edited, '  "A voucher exchanged for goods or services."\n  VOUCHER\n', '');
  };
  const result = composed(
    await checkSchema({ subgraphs: editedSubgraphs('assistance', edit), registry, operations: [recordDistribution, ...readPersistedOperations()] }),
  );
  const impactOf = (path: string) => result.impacts.find((impact) => impact.change.path === path);
  expect(impactOf('DistributionItemInput.currency')?.change.type).toBe('INPUT_FIELD_REMOVED');
  expect(impactOf('RecordDistributionInput.reference')?.change.type).toBe('INPUT_FIELD_ADDED');
  expect(impactOf('Modality.VOUCHER')?.change.type).toBe('ENUM_VALUE_REMOVED');
  for (const path of ['DistributionItemInput.currency', 'RecordDistributionInput.reference', 'Modality.VOUCHER']) {
    expect(impactOf(path)?.operations.map((operation) => operation.name)).toEqual(['RecordDistribution']);
    expect(impactOf(path)?.partners.map((usage) => [usage.partner, usage.operationName])).toEqual([[partner, 'RecordDistribution']]);
  }
  expect(formatCheck(result)).toMatch(/breaks partner variables-partner: RecordDistribution/);
});

test('SDL that does not compose fails the check with the composition errors', async () => {
  const result = await checkSchema({ subgraphs: editedSubgraphs('locations', (sdl) => sdl.replace('type Location', 'type Location {')), registry });
  expect(result.composed).toBe(false);
  expect(formatCheck(result)).toMatch(/Composition failed/);
});

test('publish refuses unapproved breaking changes and records approved ones; the changelog shows both versions', async () => {
  const breaking = editedSubgraphs('people', withoutField('patronymic', 'Person'));
  const refused = await publishSchema(registry, { subgraphs: breaking, author: 'test', message: 'Drop patronymic' }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(PublishRefused);
  expect((await registry.history()).map((version) => version.version)).toEqual([1]);

  const added = await publishSchema(registry, {
    subgraphs: editedSubgraphs('locations', withField('motto', 'Location')),
    author: 'admin',
    message: 'Locations have a motto',
  });
  expect(added.version).toMatchObject({ version: 2, author: 'admin', message: 'Locations have a motto', rollbackOf: null });
  expect(added.version.changes).toContainEqual(expect.objectContaining({ type: 'FIELD_ADDED', level: 'safe', path: 'Location.motto' }));
  expect(Object.keys(added.version.subgraphs).sort()).toEqual(['assistance', 'locations', 'messages', 'people']);

  const markdown = changelogMarkdown(await registry.history());
  expect(markdown.indexOf('## Version 2')).toBeGreaterThan(-1);
  expect(markdown.indexOf('## Version 2')).toBeLessThan(markdown.indexOf('## Version 1'));
  expect(markdown).toContain("Field 'motto' was added to object type 'Location'");
});

test('the CLI reads the registry named by the environment', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'schema-cli-registry-'));
  await prepareTestDataFolder(join(dataDir, 'registry'));
  // Held while both commands run, so that they share one embedded instance rather than each
  // starting PGlite from the folder; each still finds the registry through DATA_DIR alone.
  const held = await SchemaRegistry.open({ dataDir: join(dataDir, 'registry') });
  const saved = { DATA_DIR: process.env.DATA_DIR, REGISTRY_DATABASE_URL: process.env.REGISTRY_DATABASE_URL };
  process.env.DATA_DIR = dataDir;
  delete process.env.REGISTRY_DATABASE_URL;
  const out: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  try {
    expect(await main(['history'])).toBe(0);
    expect(await main(['usage', '--field', 'Person.fullName'])).toBe(0);
  } finally {
    write.mockRestore();
    await held.close();
    rmSync(dataDir, { recursive: true, force: true });
    Object.assign(process.env, saved);
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    if (saved.REGISTRY_DATABASE_URL === undefined) delete process.env.REGISTRY_DATABASE_URL;
  }
  expect(out.join('')).toContain('No version has been published yet.');
  expect(out.join('')).toContain('No recorded operation uses Person.fullName.');
});
