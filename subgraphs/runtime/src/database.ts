import { existsSync, mkdirSync } from 'node:fs';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/**
 * The raw SQL seam under Prisma: migrations and seeding run multi-statement scripts and bulk
 * loads that Prisma's query API does not express. Same SQL dialect on both engines.
 */
export interface SqlDriver {
  readonly kind: 'pglite' | 'postgres';
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` on one connection inside BEGIN … COMMIT, rolling back on any error. */
  transaction<T>(work: (tx: Pick<SqlDriver, 'exec' | 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Database<Client> {
  prisma: Client;
  driver: SqlDriver;
  /** SQL statements Prisma has sent, when the client was created with the `query` event log. */
  statements: number;
  close(): Promise<void>;
}

type QueryEvents = { $on?: (event: 'query', listener: () => void) => void };

/** Wraps an opened client and driver into a Database that counts Prisma's statements. */
function database<Client>(prisma: Client & { $disconnect(): Promise<void> }, driver: SqlDriver): Database<Client> {
  const db: Database<Client> = {
    prisma,
    driver,
    statements: 0,
    close: async () => {
      await prisma.$disconnect();
      await driver.close();
    },
  };
  (prisma as QueryEvents).$on?.('query', () => {
    db.statements += 1;
  });
  return db;
}

export interface DatabaseOptions<Client> {
  /** PostgreSQL URL; when absent the embedded PGlite under `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
  createClient: (adapter: SqlDriverAdapterFactory) => Client & { $disconnect(): Promise<void> };
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

// PGlite's contrib entry points ship CommonJS builds but declare only ESM types, so TypeScript
// refuses a static import from a CommonJS module; require() loads the CommonJS build.
const contrib = (name: string): Extension =>
  (require(`@electric-sql/pglite/contrib/${name}`) as Record<string, Extension>)[name] as Extension;

/** Extensions the name search relies on, present on PostgreSQL servers as well. */
const embeddedExtensions = () => ({ pg_trgm: contrib('pg_trgm'), fuzzystrmatch: contrib('fuzzystrmatch'), unaccent: contrib('unaccent') });

// One embedded instance per data folder and process: subgraphs that share a process and a
// folder share the instance (each in its own Postgres schema), since every instance costs
// seconds to start and hundreds of megabytes. PGlite serialises queries and transactions.
const embedded = new Map<string, { instance: Promise<PGlite>; users: number }>();

// Contents to start `memory://` instances from instead of an empty cluster (see loadEmbeddedFrom).
const startingPoints = new Map<string, Blob>();

/**
 * Starts the embedded instance of `dataDir` (`memory://`, or a folder that does not exist yet),
 * when this process first opens it, from `contents` (a `dumpEmbedded` tarball) rather than from
 * initdb: tests copy a migrated and seeded template in a fraction of the time making it again takes.
 */
export function loadEmbeddedFrom(dataDir: string, contents: Blob): void {
  if (embedded.has(dataDir) || (!dataDir.startsWith('memory://') && existsSync(dataDir))) throw new Error(`${dataDir} exists already; it cannot be loaded`);
  startingPoints.set(dataDir, contents);
}

/** The data of the open embedded instance of `dataDir`, as a tarball `loadEmbeddedFrom` takes. */
export async function dumpEmbedded(dataDir: string): Promise<Blob> {
  const entry = embedded.get(dataDir);
  if (!entry) throw new Error(`${dataDir} is not open`);
  return (await entry.instance).dumpDataDir('none');
}

/** The PGlite instance for `dataDir` (`memory://` for a throwaway one), opened once per process. */
export function openEmbedded(dataDir: string): Promise<PGlite> {
  let entry = embedded.get(dataDir);
  if (!entry) {
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    const loadDataDir = startingPoints.get(dataDir);
    startingPoints.delete(dataDir);
    const instance = PGlite.create(dataDir, { extensions: embeddedExtensions(), loadDataDir });
    entry = { instance, users: 0 };
    embedded.set(dataDir, entry);
  }
  entry.users += 1;
  return entry.instance;
}

async function releaseEmbedded(dataDir: string): Promise<void> {
  const entry = embedded.get(dataDir);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  embedded.delete(dataDir);
  await (await entry.instance).close();
}

function pgliteDriver(db: PGlite, release: () => Promise<void>): SqlDriver {
  return {
    kind: 'pglite',
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
        }),
      ),
    close: release,
  };
}

function postgresDriver(pool: pg.Pool): SqlDriver {
  return {
    kind: 'postgres',
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Creates the database named in `url` when it does not exist yet (one database per subgraph). */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a sibling process
      });
    }
  } finally {
    await client.end();
  }
}

/** Opens the subgraph's database: PostgreSQL when a URL is given, otherwise embedded PGlite. */
export async function openDatabase<Client>(options: DatabaseOptions<Client>): Promise<Database<Client>> {
  if (options.databaseUrl) {
    await ensurePostgresDatabase(options.databaseUrl);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    return database(options.createClient(new PrismaPg(pool)), postgresDriver(pool));
  }
  const db = await openEmbedded(options.dataDir);
  return database(options.createClient(new PrismaPGlite(db)), pgliteDriver(db, () => releaseEmbedded(options.dataDir)));
}
