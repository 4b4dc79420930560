import { existsSync, mkdirSync } from 'node:fs';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parse as parseArray } from 'postgres-array';
import type { Logger } from './logger';
import { sqlSpan, tracedAdapter } from './telemetry/spans';
import type { PoolStats } from './telemetry/metrics';

/**
 * The raw SQL seam under Prisma: migrations and seeding run multi-statement scripts and bulk
 * loads that Prisma's query API does not express. Same SQL dialect on both engines.
 */
export interface SqlDriver {
  readonly kind: 'pglite' | 'postgres';
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * A query whose rows come back with a model's column types as Prisma gives them: dates and
   * timestamps as Date (a `date` at midnight UTC), JSON parsed, arrays (of enums too) as arrays.
   * What the hot read paths use instead of Prisma's query builder (see `readRows`).
   */
  read<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` on one connection inside BEGIN … COMMIT, rolling back on any error. */
  transaction<T>(work: (tx: Pick<SqlDriver, 'exec' | 'query'>) => Promise<T>): Promise<T>;
  /** The connection pool's state, for metrics; PGlite has none. */
  pool?(): PoolStats;
  close(): Promise<void>;
}

export interface Database<Client> {
  prisma: Client;
  driver: SqlDriver;
  /** SQL statements sent for requests: Prisma's (when the client logs `query` events) and `readRows`'. */
  statements: number;
  close(): Promise<void>;
}

type QueryEvents = { $on?: (event: 'query', listener: () => void) => void };

/** The driver under each client `openDatabase` made, for `readRows`. */
const readers = new WeakMap<object, <T>(sql: string, params: unknown[]) => Promise<T[]>>();

/**
 * Runs a read on the driver under `client` (a Prisma client from `openDatabase`), typed as
 * Prisma types the model's columns; counted with Prisma's statements. For the hot batch reads
 * (entities by id, pages of children): for them Prisma's query building and result mapping cost
 * more CPU than the database spends answering, and the statement is simple SQL anyway.
 */
export function readRows<T>(client: object, sql: string, params: unknown[] = []): Promise<T[]> {
  const read = readers.get(client);
  if (!read) throw new Error('readRows needs a client opened by openDatabase');
  return read<T>(sql, params);
}

/** Wraps an opened client and driver into a Database that counts Prisma's statements and its raw reads. */
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
  readers.set(prisma, <T>(sql: string, params: unknown[]) => {
    db.statements += 1;
    return driver.read<T>(sql, params);
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
  /** Where a lost idle connection is reported. */
  logger?: Logger;
}

// PGlite's contrib entry points ship CommonJS builds but declare only ESM types, so TypeScript
// refuses a static import from a CommonJS module; require() loads the CommonJS build.
const contrib = (name: string): Extension =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  (require(`@electric-sql/pglite/contrib/${name}`) as Record<string, Extension>)[name];

/** Extensions the name search relies on, present on PostgreSQL servers as well. */
const embeddedExtensions = () => ({ pg_trgm: contrib('pg_trgm'), fuzzystrmatch: contrib('fuzzystrmatch'), unaccent: contrib('unaccent') });

// One embedded instance per data folder and process: subgraphs that share a process and a
// folder share the instance (each in its own Postgres schema), since every instance costs
// seconds to start and hundreds of megabytes. PGlite serialises queries and transactions.
const embedded = new Map<string, { instance: Promise<PGlite>; users: number }>();

/** What a `memory://` instance starts from instead of a default empty cluster (see `loadEmbeddedFrom`, `initEmbeddedWith`). */
type StartingPoint = { loadDataDir: Blob } | { initDbStartParams: string[] };
const startingPoints = new Map<string, StartingPoint>();

const taken = (dataDir: string) => embedded.has(dataDir) || startingPoints.has(dataDir) || (!dataDir.startsWith('memory://') && existsSync(dataDir));

/**
 * Starts the embedded instance of `dataDir` (`memory://`, or a folder that does not exist yet),
 * when this process first opens it, from `contents` (a `dumpEmbedded` tarball) rather than from
 * initdb: tests copy a migrated and seeded template in a fraction of the time making it again takes.
 */
export function loadEmbeddedFrom(dataDir: string, contents: Blob): void {
  if (taken(dataDir)) throw new Error(`${dataDir} exists already; it cannot be loaded`);
  startingPoints.set(dataDir, { loadDataDir: contents });
}

/**
 * Makes the cluster of `dataDir` (as for `loadEmbeddedFrom`), when this process first opens it,
 * with `initdbArguments` added to initdb's: for clusters made to other measures than the default.
 */
export function initEmbeddedWith(dataDir: string, initdbArguments: string[]): void {
  if (taken(dataDir)) throw new Error(`${dataDir} exists already; it cannot be made again`);
  startingPoints.set(dataDir, { initDbStartParams: initdbArguments });
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
    const startingPoint = startingPoints.get(dataDir);
    startingPoints.delete(dataDir);
    const instance = PGlite.create(dataDir, { extensions: embeddedExtensions(), ...startingPoint });
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
  const instance = await entry.instance;
  // Already closed when the instance was lost underneath its users: nothing left to release.
  if (!instance.closed) await instance.close();
}

/**
 * Arrays of enums come back from both engines as their text form (`{A,B}`): their type ids are
 * the database's own, looked up once per driver (after migrations, which create them).
 */
const enumArrayTypesSql = `SELECT a.oid::int AS "oid" FROM pg_type a JOIN pg_type e ON e.oid = a.typelem WHERE e.typtype = 'e'`;

type Parsers = Record<number, (value: string) => unknown>;

const enumArrayParsers = (rows: Array<{ oid: number }>): Parsers => Object.fromEntries(rows.map(({ oid }) => [oid, (value: string) => parseArray(value)]));

/** `load`'s result, loaded on first use and kept; a failed load (say the database was briefly down) is retried. */
function loadOnce<R>(load: () => Promise<R>): () => Promise<R> {
  let loaded: Promise<R> | undefined;
  return () => {
    if (!loaded) {
      loaded = load();
      loaded.catch(() => {
        loaded = undefined;
      });
    }
    return loaded;
  };
}

// node-postgres reads `date` and `timestamp` (no zone) in the process's local time zone; Prisma
// reads both as UTC, and so must every other path to the same columns.
//
// Every row of the hot reads carries dates, so the usual forms are read digit by digit (no string
// built for Date to parse again); any other (a year before 100 or after 9999, BC, infinity, an
// offset in seconds) goes through the general parsers.
const digits = (value: string, from: number, to: number): number => {
  let number = 0;
  for (let at = from; at < to; at += 1) {
    const digit = value.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return NaN;
    number = number * 10 + digit;
  }
  return number;
};

/** Milliseconds since the epoch of `YYYY-MM-DD HH:MM:SS[.f…]` read as UTC, its length, or NaN for another form. */
function utcMilliseconds(value: string, withTime: boolean): { at: number; end: number } {
  const year = digits(value, 0, 4);
  if (!(year >= 100) || value[4] !== '-' || value[7] !== '-') return { at: NaN, end: 0 };
  const [month, day] = [digits(value, 5, 7), digits(value, 8, 10)];
  if (!withTime) return { at: Date.UTC(year, month - 1, day), end: 10 };
  if (value[10] !== ' ' || value[13] !== ':' || value[16] !== ':') return { at: NaN, end: 0 };
  let end = 19;
  let milliseconds = 0;
  if (value[19] === '.') {
    end = 20;
    while (end < value.length && value.charCodeAt(end) >= 48 && value.charCodeAt(end) <= 57) end += 1;
    // Date keeps milliseconds: further digits are dropped, as Date's own parser drops them.
    milliseconds = digits(`${value.slice(20, Math.min(end, 23))}00`, 0, 3);
  }
  return { at: Date.UTC(year, month - 1, day, digits(value, 11, 13), digits(value, 14, 16), digits(value, 17, 19), milliseconds), end };
}

const utcDate = (value: string) => {
  const { at, end } = utcMilliseconds(value, false);
  return Number.isNaN(at) || end !== value.length ? new Date(`${value}T00:00:00.000Z`) : new Date(at);
};
const utcTimestamp = (value: string) => {
  const { at, end } = utcMilliseconds(value, true);
  return Number.isNaN(at) || end !== value.length ? new Date(`${value.replace(' ', 'T')}Z`) : new Date(at);
};
/** pg's own reading of a `timestamptz`, for the forms `timestamptz` below leaves to it. */
const generalTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (value: string) => unknown;
/** A `timestamptz` as the server writes it, its offset `±HH` or `±HH:MM` after the time. */
const timestamptz = (value: string): unknown => {
  const { at, end } = utcMilliseconds(value, true);
  const sign = value[end] === '+' ? 1 : value[end] === '-' ? -1 : 0;
  const rest = value.length - end;
  if (Number.isNaN(at) || sign === 0 || (rest !== 3 && !(rest === 6 && value[end + 3] === ':'))) return generalTimestamptz(value);
  const offset = digits(value, end + 1, end + 3) * 60 + (rest === 6 ? digits(value, end + 4, end + 6) : 0);
  return Number.isNaN(offset) ? generalTimestamptz(value) : new Date(at - sign * offset * 60_000);
};
const postgresParsers: Parsers = {
  1082: utcDate,
  1114: utcTimestamp,
  1184: timestamptz,
  1182: (value) => parseArray(value, utcDate),
  1115: (value) => parseArray(value, utcTimestamp),
};

function pgliteDriver(db: PGlite, release: () => Promise<void>): SqlDriver {
  // PGlite already reads dates and timestamps as UTC.
  const parsers = loadOnce(async () => enumArrayParsers((await db.query<{ oid: number }>(enumArrayTypesSql)).rows));
  return {
    kind: 'pglite',
    exec: (sql) =>
      sqlSpan('pglite', sql, false, async () => {
        await db.exec(sql);
      }),
    query: <T>(sql: string, params?: unknown[]) => sqlSpan('pglite', sql, true, async () => (await db.query<T>(sql, params)).rows),
    read: <T>(sql: string, params?: unknown[]) => sqlSpan('pglite', sql, true, async () => (await db.query<T>(sql, params, { parsers: await parsers() })).rows),
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          exec: (sql) =>
            sqlSpan('pglite', sql, false, async () => {
              await tx.exec(sql);
            }),
          query: <T>(sql: string, params?: unknown[]) => sqlSpan('pglite', sql, true, async () => (await tx.query<T>(sql, params)).rows),
        }),
      ),
    close: release,
  };
}

function postgresDriver(pool: pg.Pool): SqlDriver {
  const types = loadOnce(async (): Promise<pg.CustomTypesConfig> => {
    const parsers: Parsers = { ...postgresParsers, ...enumArrayParsers((await pool.query<{ oid: number }>(enumArrayTypesSql)).rows) };
    return {
      getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
    };
  });
  return {
    kind: 'postgres',
    exec: (sql) =>
      sqlSpan('postgres', sql, false, async () => {
        await pool.query(sql);
      }),
    query: <T>(sql: string, params?: unknown[]) => sqlSpan('postgres', sql, true, async () => (await pool.query(sql, params)).rows as T[]),
    read: <T>(sql: string, params?: unknown[]) =>
      sqlSpan('postgres', sql, true, async () => (await pool.query({ text: sql, values: params, types: await types() })).rows as T[]),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          exec: (sql) =>
            sqlSpan('postgres', sql, false, async () => {
              await client.query(sql);
            }),
          query: <T>(sql: string, params?: unknown[]) => sqlSpan('postgres', sql, true, async () => (await client.query(sql, params)).rows as T[]),
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
    pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

/**
 * Refreshes the planner's statistics of every table in `schema`. A bulk load (the seed, an
 * import) must end with it: until a table is analysed the planner guesses its size and the
 * spread of its values, and may read a whole table where an index would do.
 */
export async function analyseSchema(driver: Pick<SqlDriver, 'query' | 'exec'>, schema: string): Promise<void> {
  const tables = await driver.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS "name" FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
    [schema],
  );
  if (tables.length > 0) await driver.exec(`ANALYZE ${tables.map((table) => table.name).join(', ')}`);
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
        // Created meanwhile by a sibling process: PostgreSQL says so with 42P04, or, when both
        // CREATE DATABASE statements run at once (two replicas starting together), with a
        // unique violation (23505) on the catalogue's index of database names.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
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
    // A server restart or failover ends the idle connections too; the pool drops them and opens
    // new ones when asked. Without a listener that error would be unhandled and end the process.
    pool.on('error', (error) => options.logger?.warn({ err: error }, 'an idle database connection was lost; the pool replaces it'));
    return database(options.createClient(tracedAdapter(new PrismaPg(pool), 'postgres')), postgresDriver(pool));
  }
  const db = await openEmbedded(options.dataDir);
  return database(
    options.createClient(tracedAdapter(new PrismaPGlite(db), 'pglite')),
    pgliteDriver(db, () => releaseEmbedded(options.dataDir)),
  );
}
