import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MigrationError, migrate, openDatabase, pendingMigrations, type Database, type MigrationFile } from '../src';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '../src/testing';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

let target: TestDatabaseTarget;
let database: Database<{ $disconnect(): Promise<void> }>;
const folders: string[] = [];

beforeAll(async () => {
  target = await createTestDatabaseTarget('runtime-migrate');
  // The runner only uses the SQL driver, which is real; no Prisma models are involved.
  database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: () => ({ $disconnect: async () => undefined }) });
}, SLOW);

afterAll(async () => {
  await database?.close();
  await target?.dispose();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, SLOW);

/** A migrations folder in Prisma's layout holding `migrations` (name → SQL). */
function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'movement-migrations-'));
  folders.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const tableExists = async (qualified: string) =>
  (await database.driver.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [qualified]))[0].found !== null;

const recorded = (schema: string) =>
  database.driver.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "${schema}"."_prisma_migrations" ORDER BY migration_name`,
  );

test(
  'applies migrations in name order and records each with the SHA-256 of its file',
  async () => {
    const first =
      'CREATE SCHEMA IF NOT EXISTS "m_order";\nCREATE TABLE "m_order"."Parent" ("id" UUID NOT NULL, CONSTRAINT "Parent_pkey" PRIMARY KEY ("id"));\n';
    // Refers to the first migration's table, so it only succeeds when applied after it.
    const second = 'CREATE TABLE "m_order"."Child" ("id" UUID NOT NULL, "parentId" UUID NOT NULL REFERENCES "m_order"."Parent"("id"));\n';
    const dir = migrationsDir({ '20260102000000_child': second, '20260101000000_parent': first });
    mkdirSync(join(dir, 'not_a_migration')); // a folder without migration.sql is not a migration

    const result = await migrate(database.driver, { schema: 'm_order', migrationsDir: dir });

    expect(result.applied).toEqual(['20260101000000_parent', '20260102000000_child']);
    const rows = await recorded('m_order');
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual([
      ['20260101000000_parent', sha256(first)],
      ['20260102000000_child', sha256(second)],
    ]);
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    expect(await tableExists('"m_order"."Child"')).toBe(true);

    const again = await migrate(database.driver, { schema: 'm_order', migrationsDir: dir });
    expect(again.applied).toEqual([]);
    expect(await recorded('m_order')).toHaveLength(2);
  },
  SLOW,
);

test(
  'a migration edited after it was applied stops the runner, naming the migration',
  async () => {
    const dir = migrationsDir({ '20260101000000_init': 'CREATE SCHEMA IF NOT EXISTS "m_edit";\nCREATE TABLE "m_edit"."T" ("id" UUID);\n' });
    await migrate(database.driver, { schema: 'm_edit', migrationsDir: dir });
    writeFileSync(
      join(dir, '20260101000000_init', 'migration.sql'),
      'CREATE SCHEMA IF NOT EXISTS "m_edit";\nCREATE TABLE "m_edit"."T" ("id" UUID, "x" TEXT);\n',
    );

    const attempt = migrate(database.driver, { schema: 'm_edit', migrationsDir: dir });

    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(migrate(database.driver, { schema: 'm_edit', migrationsDir: dir })).rejects.toThrow(/20260101000000_init was edited after it was applied/);
  },
  SLOW,
);

test(
  'a failing migration leaves neither its tables nor a record, and earlier ones stay applied',
  async () => {
    const dir = migrationsDir({
      '20260101000000_good': 'CREATE SCHEMA IF NOT EXISTS "m_fail";\nCREATE TABLE "m_fail"."Good" ("id" UUID);\n',
      '20260102000000_bad': 'CREATE TABLE "m_fail"."Half" ("id" UUID);\nSELECT no_such_column FROM "m_fail"."Nowhere";\n',
    });

    await expect(migrate(database.driver, { schema: 'm_fail', migrationsDir: dir })).rejects.toThrow(/Migration 20260102000000_bad failed/);

    expect(await tableExists('"m_fail"."Good"')).toBe(true);
    expect(await tableExists('"m_fail"."Half"')).toBe(false);
    expect((await recorded('m_fail')).map((r) => r.migration_name)).toEqual(['20260101000000_good']);
  },
  SLOW,
);

describe('pendingMigrations', () => {
  const file = (name: string, sql = `-- ${name}`): MigrationFile => ({ name, sql, checksum: sha256(sql) });
  const row = (f: MigrationFile, overrides: Partial<{ checksum: string; finished_at: Date | null; rolled_back_at: Date | null }> = {}) => ({
    migration_name: f.name,
    checksum: f.checksum,
    finished_at: new Date('2026-01-01T00:00:00Z'),
    rolled_back_at: null,
    ...overrides,
  });
  const a = file('20260101000000_a');
  const b = file('20260102000000_b');

  test('lists only the files without a finished record, in order', () => {
    expect(pendingMigrations([a, b], [])).toEqual([a, b]);
    expect(pendingMigrations([a, b], [row(a)])).toEqual([b]);
    expect(pendingMigrations([a, b], [row(a), row(b)])).toEqual([]);
  });

  test('a rolled-back record counts as not applied', () => {
    expect(pendingMigrations([a], [row(a, { rolled_back_at: new Date() })])).toEqual([a]);
  });

  test('an unfinished record is refused, naming the migration', () => {
    expect(() => pendingMigrations([a, b], [row(a, { finished_at: null })])).toThrow(/20260101000000_a started but did not finish/);
  });

  test('a checksum that differs from the file is refused, naming the migration', () => {
    expect(() => pendingMigrations([a, b], [row(a), row(b, { checksum: sha256('something else') })])).toThrow(
      /20260102000000_b was edited after it was applied/,
    );
  });
});
