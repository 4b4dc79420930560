import { join } from 'node:path';
import { assertNoSchemaDrift, createTestDatabaseTarget, expectedSchema, migrate, openDatabase, type Database, type TestDatabaseTarget } from '@movement/runtime';
import { messages, type PrismaClient } from '../src/server';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

let target: TestDatabaseTarget;
let database: Database<PrismaClient>;

beforeAll(async () => {
  target = await createTestDatabaseTarget('messages-drift');
  database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: messages.createClient });
  await migrate(database.driver, { schema: messages.name, migrationsDir: messages.migrationsDir });
}, SLOW);

afterAll(async () => {
  await database?.close();
  await target?.dispose();
}, SLOW);

test('the migrated database matches schema.prisma', async () => {
  const prismaSchema = join(__dirname, '..', 'prisma', 'schema.prisma');
  // Guards against a vacuous pass: an empty schema.prisma against an empty database agrees too.
  expect(expectedSchema(prismaSchema).tables.length).toBeGreaterThan(0);
  await expect(assertNoSchemaDrift(prismaSchema, database.driver, messages.name)).resolves.toBeUndefined();
}, SLOW);
