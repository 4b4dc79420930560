import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dumpEmbedded, ensurePostgresDatabase, initEmbeddedWith, loadEmbeddedFrom, openDatabase } from '../database';

/**
 * Test support: a fresh database per test file — an embedded PGlite cluster by default, or a new
 * PostgreSQL database on the server in `TEST_POSTGRES_URL` (dropped by `dispose`).
 *
 * A new PGlite cluster costs seconds (it runs initdb) and a migrated, seeded graph costs more, so
 * a test run makes each starting point once, as a template, and every test file gets a copy: an
 * in-memory PGlite loaded from the template's dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 * The run is the folder in `TEST_TEMPLATES_DIR` that the Jest global setup makes (`startTestRun`),
 * so that its workers share the templates; without it every database is made from nothing.
 */
export interface TestDatabaseTarget {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL URL of the fresh database; undefined for PGlite. */
  url: string | undefined;
  /** PGlite data folder; shared by all subgraphs of one test file. */
  dataDir: string;
  dispose(): Promise<void>;
}

/** What a template holds: `fill` adds it, once per run, to a copy of `from` (else to an empty database). */
export interface TestDatabaseTemplate {
  /** Names the content: two templates of one run with the same name must hold the same. */
  name: string;
  from?: TestDatabaseTemplate;
  fill(target: TestDatabaseTarget): Promise<void>;
}

/** Fills `target`, an empty database, with `template` and the templates it starts from. */
async function fillFromEmpty(template: TestDatabaseTemplate, target: TestDatabaseTarget): Promise<void> {
  if (template.from) await fillFromEmpty(template.from, target);
  await template.fill(target);
}

const runVariable = 'TEST_TEMPLATES_DIR';

/** Starts a test run: the folder of its templates, inherited by the workers through the environment. */
export function startTestRun(): void {
  if (process.env[runVariable]) return;
  process.env[runVariable] = mkdtempSync(join(tmpdir(), 'movement-test-run-'));
}

/**
 * Ends the run started by `startTestRun`: drops its PostgreSQL databases (its templates, and any
 * a crashed test file left behind; other runs' databases on the same server keep theirs) and
 * removes its folder.
 */
export async function finishTestRun(): Promise<void> {
  const dir = process.env[runVariable];
  if (!dir) return;
  delete process.env[runVariable];
  const server = process.env.TEST_POSTGRES_URL;
  if (server) {
    await withServer(server, async (client) => {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [databasePrefix(dir)]);
      for (const { datname } of rows) await dropWhenIdle(client, datname);
    });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A fresh test database: a copy of `template` when given (filled once per run), else an empty one. */
export async function createTestDatabaseTarget(label: string, template?: TestDatabaseTemplate): Promise<TestDatabaseTarget> {
  const server = process.env.TEST_POSTGRES_URL;
  const run = process.env[runVariable];
  if (!run) {
    const target = server ? await newPostgresDatabase(server, label) : embeddedTarget(`memory://${label}-${suffix()}`, async () => undefined);
    try {
      if (template) await fillFromEmpty(template, target);
    } catch (error) {
      await target.dispose();
      throw error;
    }
    return target;
  }
  if (server) {
    if (!template) return newPostgresDatabase(server, label);
    return newPostgresDatabase(server, label, await postgresTemplate(server, run, template));
  }
  const dataDir = `memory://${safe(label)}-${suffix()}`;
  loadEmbeddedFrom(dataDir, await templateContents(run, template ?? emptyCluster));
  return embeddedTarget(dataDir, async () => undefined);
}

/** Makes the run's `template` now, if no process has yet: what a global setup does before workers start. */
export async function makeTestDatabaseTemplate(template: TestDatabaseTemplate): Promise<void> {
  const run = process.env[runVariable];
  const server = process.env.TEST_POSTGRES_URL;
  if (!run) return;
  if (server) await postgresTemplate(server, run, template);
  else await embeddedTemplate(run, template);
}

/**
 * Makes `folder` (which must not exist yet) an embedded data folder holding an empty cluster, or
 * `template` when given, for a test of code that opens a folder itself, as the commands do: a
 * copy of the run's template costs a fraction of initdb (and of migrating and seeding). Outside a
 * run, an empty cluster is left to the code's first open as usual, and a template is filled here.
 */
export async function prepareTestDataFolder(folder: string, template?: TestDatabaseTemplate): Promise<void> {
  const run = process.env[runVariable];
  if (!run) {
    if (!template) return;
    const held = await openPlainDatabase(folder);
    try {
      await fillFromEmpty(
        template,
        embeddedTarget(folder, async () => undefined),
      );
    } finally {
      await held.close();
    }
    return;
  }
  if (existsSync(folder)) throw new Error(`${folder} exists already; it cannot be prepared`);
  const dump = await embeddedTemplate(run, template ?? emptyCluster);
  // The dump is a tarball of the data folder: unpacked as it is, it is what PGlite would write
  // there when loading it, without starting an instance (seconds of CPU) only to close it.
  mkdirSync(folder, { recursive: true });
  await execFileAsync('tar', ['-xf', dump, '-C', folder]);
}

const execFileAsync = promisify(execFile);
const suffix = () => randomBytes(4).toString('hex');
const safe = (label: string) => label.replace(/[^a-z0-9]/gi, '_').toLowerCase();

function embeddedTarget(dataDir: string, dispose: () => Promise<void>): TestDatabaseTarget {
  return { kind: 'pglite', url: undefined, dataDir, dispose };
}

/** An embedded database with no Prisma client, for SQL alone. */
export const openPlainDatabase = (dataDir: string) => openDatabase({ dataDir, createClient: () => ({ $disconnect: async () => undefined }) });

// The file itself, not a copy in memory: a template is tens of megabytes, read once more by PGlite
// when it starts. A template's file never changes once made (see embeddedTemplate).
const templateContents = async (run: string, template: TestDatabaseTemplate) => openAsBlob(await embeddedTemplate(run, template));

/**
 * What every embedded test database starts from: initdb's cluster, made smaller for a test's few
 * hundred rows. Every test file loads a copy and starts Postgres on it, and both cost by size:
 * - WAL segments of 1 MB instead of 16 MB, with none kept for reuse beyond the two Postgres
 *   needs (a segment holds the last checkpoint, which is all a copy needs: each template is
 *   dumped after one): initdb's segment was more than half of every copy;
 * - the shared buffers go from initdb's 128 MB to 16 MB, which Postgres would clear at every start;
 * - `template0` and `template1` go (nothing here creates a database inside PGlite).
 * A copy of the seeded graph is then less than half its former size.
 */
const smallClusterInitdb = ['--wal-segsize=1', '-c', 'min_wal_size=2MB', '-c', 'wal_recycle=off', '-c', 'shared_buffers=16MB'];
const emptyCluster: TestDatabaseTemplate = {
  name: 'empty',
  fill: async (target) => {
    const cluster = await openPlainDatabase(target.dataDir);
    try {
      await cluster.driver.query(`UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`, []);
      for (const name of ['template0', 'template1']) await cluster.driver.query(`DROP DATABASE ${name}`, []);
    } finally {
      await cluster.close();
    }
  },
};

// Templates this process made or found, so concurrent callers in one file share one build.
const made = new Map<string, Promise<string>>();

/**
 * The dump of the run's template, filled by the first process that needs it. Two workers may
 * fill the same template at once; each writes its own file and the first to link it in place
 * wins, so that the file a reader opened is never replaced underneath it.
 */
function embeddedTemplate(run: string, template: TestDatabaseTemplate): Promise<string> {
  const file = join(run, `${template.name}.tar`);
  let dump = made.get(file);
  if (!dump) {
    dump = (async () => {
      if (existsSync(file)) return file;
      const dataDir = `memory://template-${safe(template.name)}-${suffix()}`;
      // Built from the run's empty cluster at least, which is where initdb's seconds go.
      if (template !== emptyCluster) loadEmbeddedFrom(dataDir, await templateContents(run, template.from ?? emptyCluster));
      else initEmbeddedWith(dataDir, smallClusterInitdb);
      // Held open while `fill` opens and closes its own connections, and until it is dumped.
      const held = await openPlainDatabase(dataDir);
      try {
        await template.fill(embeddedTarget(dataDir, async () => undefined));
        // The copies start at this checkpoint, with no WAL before it to keep.
        await held.driver.query('CHECKPOINT', []);
        const building = join(run, `.${template.name}-${suffix()}.tar`);
        writeFileSync(building, Buffer.from(await (await dumpEmbedded(dataDir)).arrayBuffer()));
        try {
          linkSync(building, file);
        } catch (error) {
          // Another worker made it meanwhile, with the same contents.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        } finally {
          rmSync(building, { force: true });
        }
      } finally {
        await held.close();
      }
      return file;
    })();
    made.set(file, dump);
    dump.catch(() => made.delete(file));
  }
  return dump;
}

/** A run's databases on a server are named after the run, so runs sharing the server keep apart. */
const databasePrefix = (run: string | undefined) => (run ? `test_${createHash('sha256').update(run).digest('hex').slice(0, 8)}_` : 'test_');

/** The run's template database on the server, filled by the first process that needs it. */
function postgresTemplate(server: string, run: string, template: TestDatabaseTemplate): Promise<string> {
  const name = `${databasePrefix(run)}template_${safe(template.name)}`;
  let database = made.get(name);
  if (!database) {
    database = (async () => {
      if (await withServer(server, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount !== 0)) return name;
      const building = await newPostgresDatabase(
        server,
        `template_build_${safe(template.name)}`,
        template.from && (await postgresTemplate(server, run, template.from)),
      );
      try {
        await template.fill(building);
        const buildName = new URL(building.url!).pathname.slice(1);
        await withServer(server, async (client) => {
          // A database being copied or renamed must have no sessions.
          await idle(client, buildName);
          await client
            .query(`ALTER DATABASE ${pg.escapeIdentifier(buildName)} RENAME TO ${pg.escapeIdentifier(name)}`)
            .catch(async (error: { code?: string }) => {
              if (error.code !== '42P04') throw error; // another worker made it meanwhile
              await building.dispose();
            });
        });
      } catch (error) {
        await building.dispose();
        throw error;
      }
      return name;
    })();
    made.set(name, database);
    database.catch(() => made.delete(name));
  }
  return database;
}

async function newPostgresDatabase(server: string, label: string, template?: string): Promise<TestDatabaseTarget> {
  const url = new URL(server);
  // PostgreSQL cuts names at 63 bytes: a long label is shortened rather than the name silently.
  url.pathname = `/${databasePrefix(process.env[runVariable])}${safe(label).slice(0, 32)}_${suffix()}`;
  const target = url.toString();
  const name = url.pathname.slice(1);
  if (template) {
    await withServer(server, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`));
  } else {
    await ensurePostgresDatabase(target);
  }
  return { kind: 'postgres', url: target, dataDir: '', dispose: () => withServer(server, (client) => dropWhenIdle(client, name)) };
}

/** Runs `work` on a connection to the server's `postgres` database. */
async function withServer<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Waits until `name` has no sessions. pg's Pool.end() resolves before its sockets have closed; a
 * forced drop would then kill those sessions and their clients would raise an unhandled error.
 */
async function idle(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { rows } = await client.query<{ sessions: number }>('SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0]?.sessions === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function dropWhenIdle(client: pg.Client, name: string): Promise<void> {
  await idle(client, name);
  await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
}
