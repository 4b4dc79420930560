import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLogger,
  migrate,
  openDatabase,
  serveSubgraph,
  type BaseSubgraphContext,
  type Database,
  type RunningService,
  type SubgraphDefinition,
} from '../src';
import { createTestDatabaseTarget, testInternalKeys, type TestDatabaseTarget } from '../src/testing';

type Client = { $disconnect(): Promise<void> };
const migrationsDir = mkdtempSync(join(tmpdir(), 'movement-ready-'));
const migrationFile = join(migrationsDir, '20260101000000_places', 'migration.sql');
const logger = createLogger('test', 'silent');

const definition: SubgraphDefinition<Client, BaseSubgraphContext> = {
  name: 'locations',
  schemaPath: join(__dirname, 'fixtures', 'in-flight.graphql'),
  migrationsDir,
  resolvers: { Query: { inFlight: () => 'now' } },
  createClient: () => ({ $disconnect: async () => undefined }),
  createContext: (base) => base,
};

let target: TestDatabaseTarget;
let database: Database<Client>;
let service: RunningService;
let databaseClosed = false;

const ready = async () => {
  const response = await fetch(service.url.replace('/graphql', '/ready'));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  mkdirSync(join(migrationsDir, '20260101000000_places'));
  writeFileSync(migrationFile, 'CREATE TABLE "locations"."Place" (id uuid PRIMARY KEY);\n');
  target = await createTestDatabaseTarget('ready');
  database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: definition.createClient });
  // Served before migrating, as a database someone else migrates might be.
  service = await serveSubgraph(definition, { host: '127.0.0.1', port: 0, shutdownGraceMs: 1000 }, database, logger, {}, (await testInternalKeys()).publicKey);
});

afterAll(async () => {
  await service?.stop();
  if (!databaseClosed) await database?.close();
  await target?.dispose();
  rmSync(migrationsDir, { recursive: true, force: true });
});

test('/ready answers 503 while a migration is pending, then 200 once applied', async () => {
  expect(await ready()).toEqual({ status: 503, body: { status: 'migrations pending or edited', database: 'reachable' } });
  await migrate(database.driver, { schema: 'locations', migrationsDir, logger });
  expect(await ready()).toEqual({ status: 200, body: { status: 'ready', database: 'reachable' } });
});

test('/ready answers 503 when an applied migration was edited', async () => {
  writeFileSync(migrationFile, 'CREATE TABLE "locations"."Place" (id uuid PRIMARY KEY, name text);\n');
  expect((await ready()).status).toBe(503);
  writeFileSync(migrationFile, 'CREATE TABLE "locations"."Place" (id uuid PRIMARY KEY);\n');
  expect((await ready()).status).toBe(200);
});

test('/ready answers 503 when the database is down, without repeating the driver’s message', async () => {
  await database.close();
  databaseClosed = true;
  expect(await ready()).toEqual({ status: 503, body: { status: 'unavailable', database: 'unreachable' } });
  // Alive all the same: /health is about the process.
  expect((await fetch(service.url.replace('/graphql', '/health'))).status).toBe(200);
});
