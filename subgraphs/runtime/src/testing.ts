import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensurePostgresDatabase, openDatabase, type Database } from './database';
import type { SubgraphEnvironment } from './environment';
import type { RunningService } from './http';
import { createLogger } from './logger';
import { migrate } from './migrate';
import type { PeerUrls } from './peers';
import { actualSchema, expectedSchema, schemaDrift } from './schema-drift';
import { serveSubgraph, type BaseSubgraphContext, type SubgraphDefinition } from './server';

/**
 * Test support: a fresh database per test file — a throwaway in-memory PGlite by default, or a
 * new PostgreSQL database on the server in `TEST_POSTGRES_URL` (dropped by `dispose`).
 */
export interface TestDatabaseTarget {
  kind: 'pglite' | 'postgres';
  /** PostgreSQL URL of the fresh database; undefined for PGlite. */
  url: string | undefined;
  /** PGlite data folder (`memory://…`); shared by all subgraphs of one test file. */
  dataDir: string;
  dispose(): Promise<void>;
}

export async function createTestDatabaseTarget(label: string): Promise<TestDatabaseTarget> {
  const server = process.env.TEST_POSTGRES_URL;
  const suffix = randomBytes(4).toString('hex');
  if (!server) {
    return { kind: 'pglite', url: undefined, dataDir: `memory://${label}-${suffix}`, dispose: async () => undefined };
  }
  const url = new URL(server);
  url.pathname = `/test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${suffix}`;
  const target = url.toString();
  await ensurePostgresDatabase(target);
  return {
    kind: 'postgres',
    url: target,
    dataDir: '',
    dispose: async () => {
      const admin = new URL(target);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        const name = url.pathname.slice(1);
        // pg's Pool.end() resolves before its sockets have closed; a forced drop would then kill
        // those sessions and their clients would raise an unhandled error. Wait for them to go.
        for (let attempt = 0; attempt < 50; attempt += 1) {
          const { rows } = await client.query<{ sessions: number }>('SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0]?.sessions === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestSubgraph<Client> {
  service: RunningService;
  database: Database<Client>;
  /** SQL statements issued by Prisma since start (or since the last `resetStatements`). */
  statements(): number;
  resetStatements(): void;
  stop(): Promise<void>;
}

/** Opens and migrates a subgraph's database on `target`, and serves it on a free port. */
export async function startTestSubgraph<Client, Context extends BaseSubgraphContext>(
  definition: SubgraphDefinition<Client, Context>,
  target: TestDatabaseTarget,
  peers: PeerUrls = {},
): Promise<TestSubgraph<Client>> {
  const database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: definition.createClient });
  const logger = createLogger(definition.name, process.env.LOG_LEVEL ?? 'silent');
  await migrate(database.driver, { schema: definition.name, migrationsDir: definition.migrationsDir, logger });
  const env: Pick<SubgraphEnvironment, 'host' | 'port' | 'shutdownGraceMs'> = { host: '127.0.0.1', port: 0, shutdownGraceMs: 1000 };
  const service = await serveSubgraph(definition, env, database, logger, peers);
  return {
    service,
    database,
    statements: () => database.statements,
    resetStatements: () => {
      database.statements = 0;
    },
    stop: async () => {
      await service.stop();
      await database.close();
    },
  };
}

/** POSTs a GraphQL operation to `url` and returns the parsed body. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>; status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: [] };
  return { ...body, status: response.status };
}

/**
 * Migrates a fresh test database for `definition` and compares it with its `schema.prisma`:
 * the differences (none when they agree) and how many tables schema.prisma declares, so a test
 * can rule out an empty schema agreeing with an empty database.
 */
export async function migratedSchemaDrift<Client, Context extends BaseSubgraphContext>(
  definition: SubgraphDefinition<Client, Context>,
  prismaSchemaPath: string,
): Promise<{ tables: number; drift: string[] }> {
  const target = await createTestDatabaseTarget(`${definition.name}-drift`);
  try {
    const database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: definition.createClient });
    try {
      await migrate(database.driver, { schema: definition.name, migrationsDir: definition.migrationsDir });
      const expected = expectedSchema(prismaSchemaPath);
      return { tables: expected.tables.length, drift: schemaDrift(expected, await actualSchema(database.driver, definition.name)) };
    } finally {
      await database.close();
    }
  } finally {
    await target.dispose();
  }
}
