import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type SqlDriver } from './database';
import type { Logger } from './logger';

/** A migration folder in Prisma's layout: `prisma/migrations/<timestamp>_<name>/migration.sql`. */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
      // Prisma records the SHA-256 of the file, so `prisma migrate deploy` agrees with this runner.
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The table Prisma Migrate keeps, in the subgraph's own schema (as with `?schema=<name>`). */
function migrationsTable(schema: string): string {
  return `${quote(schema)}."_prisma_migrations"`;
}

function createMigrationsTable(schema: string): string {
  return `
    CREATE SCHEMA IF NOT EXISTS ${quote(schema)};
    CREATE TABLE IF NOT EXISTS ${migrationsTable(schema)} (
      "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum"              VARCHAR(64) NOT NULL,
      "finished_at"           TIMESTAMPTZ,
      "migration_name"        VARCHAR(255) NOT NULL,
      "logs"                  TEXT,
      "rolled_back_at"        TIMESTAMPTZ,
      "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
    );`;
}

/** Lists migrations not applied yet, refusing when an applied one was edited or had failed. */
export function pendingMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const byName = new Map(applied.filter((row) => !row.rolled_back_at).map((row) => [row.migration_name, row]));
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const row = byName.get(file.name);
    if (!row) {
      pending.push(file);
    } else if (!row.finished_at) {
      throw new MigrationError(`Migration ${file.name} started but did not finish; resolve it before starting.`);
    } else if (row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
          `${file.checksum.slice(0, 12)}… on disk). Add a new migration instead of changing an applied one.`,
      );
    }
  }
  return pending;
}

/**
 * Applies the pending migrations of one subgraph, each in its own transaction together with its
 * `_prisma_migrations` row, so a failed migration leaves neither tables nor a record behind.
 */
export async function migrate(driver: SqlDriver, options: { schema: string; migrationsDir: string; logger?: Logger }): Promise<{ applied: string[] }> {
  const files = readMigrations(options.migrationsDir);
  const table = migrationsTable(options.schema);
  const applied: string[] = [];
  for (;;) {
    const next = await driver.transaction(async (tx) => {
      if (driver.kind === 'postgres') {
        // Several processes may start at once against one database; one migrates, the others wait.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`migrate:${options.schema}`]);
      }
      await tx.exec(createMigrationsTable(options.schema));
      const rows = await tx.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM ${table} ORDER BY started_at`);
      const [file] = pendingMigrations(files, rows);
      if (!file) return undefined;
      try {
        await tx.exec(file.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
      await tx.query(
        `INSERT INTO ${table} (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      return file.name;
    });
    if (!next) return { applied };
    options.logger?.info({ migration: next, schema: options.schema }, 'migration applied');
    applied.push(next);
  }
}

/** True when every migration on disk is recorded as applied (used by `/ready`). */
export async function migrationsApplied(driver: SqlDriver, schema: string, migrationsDir: string): Promise<boolean> {
  const files = readMigrations(migrationsDir);
  const rows = await driver.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM ${migrationsTable(schema)}`);
  try {
    return pendingMigrations(files, rows).length === 0;
  } catch {
    return false;
  }
}

/**
 * Opens a small plain-SQL store (no Prisma client) in its own Postgres schema and applies its
 * migrations: what the schema registry and the gateway's access store run on.
 */
export async function openSqlStore(options: {
  databaseUrl?: string;
  dataDir: string;
  schema: string;
  migrationsDir: string;
  logger?: Logger;
}): Promise<{ driver: SqlDriver; close(): Promise<void> }> {
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    poolSize: 4,
    logger: options.logger,
    // Plain SQL only; openDatabase wants a client factory, so give it an inert one.
    createClient: () => ({ $disconnect: async () => undefined }),
  });
  try {
    await migrate(database.driver, { schema: options.schema, migrationsDir: options.migrationsDir, logger: options.logger });
  } catch (error) {
    await database.close();
    throw error;
  }
  return { driver: database.driver, close: () => database.close() };
}
