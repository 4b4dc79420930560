import { openDatabase, type Database } from '../database';
import type { SubgraphEnvironment } from '../environment';
import type { RunningService } from '../http';
import { createLogger } from '../logger';
import { migrate } from '../migrate';
import type { PeerUrls } from '../peers';
import { serveSubgraph, type BaseSubgraphContext, type SubgraphDefinition } from '../server';
import { allScopes, generateInternalKeyPair, signInternalToken, type InternalKeyPair, type Principal } from '../access';
import type { TestDatabaseTarget } from './databases';

/**
 * The gateway's signing keys as tests use them: one pair per test process. Subgraphs started by
 * the test helpers trust its public key, and `postGraphQL` signs requests to them as the gateway
 * would, so a test can call a subgraph directly.
 */
let testKeys: Promise<InternalKeyPair> | undefined;
export function testInternalKeys(): Promise<InternalKeyPair> {
  testKeys ??= generateInternalKeyPair();
  return testKeys;
}

/** A principal holding every scope under the ICRC's mandate: what subgraph tests act as by default. */
export const fullAccessPrincipal: Principal = { subject: 'test-full-access', kind: 'app', partnerId: null, scopes: [...allScopes] };

/** Subgraph endpoints started by the test helpers in this process: `postGraphQL` signs requests to these. */
const testSubgraphUrls = new Set<string>();
export function registerTestSubgraph(url: string): void {
  testSubgraphUrls.add(url);
}

/** An internal token for `principal`, signed with the test keys (what the gateway would send). */
export async function testInternalToken(principal: Principal = fullAccessPrincipal, operationName: string | null = null): Promise<string> {
  return signInternalToken((await testInternalKeys()).privateKey, { principal, operationName });
}

export interface TestSubgraph<Client> {
  service: RunningService;
  database: Database<Client>;
  /** SQL statements sent through Prisma or `readRows` since start (or since the last `resetStatements`). */
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
  const service = await serveSubgraph(definition, env, database, logger, peers, (await testInternalKeys()).publicKey);
  registerTestSubgraph(service.url);
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

/**
 * POSTs a GraphQL operation to `url` and returns the parsed body. A request to a test subgraph
 * carries an internal token for `options.as` (default: full access), or none when `as` is null.
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  options: { as?: Principal | null } = {},
): Promise<{
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
  status: number;
}> {
  const as = options.as === undefined ? fullAccessPrincipal : options.as;
  const signed = testSubgraphUrls.has(url) && as !== null && !headers.authorization ? { authorization: `Bearer ${await testInternalToken(as)}` } : {};
  const response = await fetch(url, {
    method: 'POST',
    // The GraphQL over HTTP media type, as current clients ask for it: request errors keep their 4xx.
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9', ...signed, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: []; extensions?: Record<string, unknown> };
  return { ...body, status: response.status };
}
