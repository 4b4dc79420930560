import { join } from 'node:path';
import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import {
  badUserInput,
  openDatabase,
  isDatabaseBusy,
  isDatabaseUnavailable,
  postgresCode,
  serveSubgraph,
  type BaseSubgraphContext,
  type Database,
  type RunningService,
  type SubgraphDefinition,
} from '../src';
import { createTestDatabaseTarget, postGraphQL, registerTestSubgraph, testInternalKeys, type TestDatabaseTarget } from '../src/testing';

type Client = { $disconnect(): Promise<void> };
let target: TestDatabaseTarget;
let database: Database<Client>;
let service: RunningService;
const logged: Array<Record<string, unknown>> = [];

const failing: SubgraphDefinition<Client, BaseSubgraphContext> = {
  name: 'locations',
  schemaPath: join(__dirname, 'fixtures', 'failing.graphql'),
  migrationsDir: join(__dirname, 'fixtures', 'no-migrations'),
  resolvers: {
    Query: {
      broken: () => {
        throw new Error('ENOENT: no such file /srv/movement/subgraphs/locations/dist/secret.js at line 12');
      },
      refused: () => {
        throw badUserInput('input.reason', 'must be one of the listed reasons.');
      },
      busy: () => {
        throw Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' });
      },
      cast: async (_root: unknown, { id }: { id: string }) => {
        const [row] = await database.driver.query<{ id: string }>('SELECT $1::uuid::text AS id', [id]);
        return row?.id ?? null;
      },
    },
  },
  createClient: () => ({ $disconnect: async () => undefined }),
  createContext: (base) => base,
};

beforeAll(async () => {
  target = await createTestDatabaseTarget('error-masking');
  database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: failing.createClient });
  // The subgraph's log, captured to check the original error is kept for whoever investigates.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  service = await serveSubgraph(
    failing,
    { host: '127.0.0.1', port: 0, shutdownGraceMs: 1000 },
    database,
    pino({ level: 'info' }, sink),
    {},
    (await testInternalKeys()).publicKey,
  );
  registerTestSubgraph(service.url);
});

afterAll(async () => {
  await service?.stop();
  await database?.close();
  await target?.dispose();
});

test('an unexpected error reaches the caller as "Internal server error" with the request id, and its original is logged', async () => {
  const body = await postGraphQL(service.url, '{ broken }', {}, { 'x-request-id': 'req-masking-1' });
  expect(body.errors).toEqual([
    {
      message: 'Internal server error (request id req-masking-1)',
      path: ['broken'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masking-1' },
    },
  ]);
  expect(JSON.stringify(body)).not.toMatch(/ENOENT|\/srv\/|secret\.js|stacktrace/);
  const entry = logged.find((line) => line.msg === 'unexpected error');
  expect(entry).toMatchObject({ requestId: 'req-masking-1', err: { message: expect.stringContaining('ENOENT') } });
});

test('a coded error keeps its message, code and field', async () => {
  const result = await postGraphQL(service.url, '{ refused }');
  expect(result.errors).toEqual([
    expect.objectContaining({ message: 'input.reason: must be one of the listed reasons.', extensions: { code: 'BAD_USER_INPUT', field: 'input.reason' } }),
  ]);
});

test('a value the database cannot read (22P02) is bad input naming the variable that held it', async () => {
  const result = await postGraphQL(service.url, 'query ($id: String!) { cast(id: $id) }', { id: 'not-a-uuid' });
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  expect(result.errors![0].message).toContain('"not-a-uuid"');
  expect(JSON.stringify(result.errors)).not.toMatch(/invalid input syntax/);
  const ok = await postGraphQL<{ cast: string }>(service.url, 'query ($id: String!) { cast(id: $id) }', { id: '00000000-0000-4000-8000-000000000001' });
  expect(ok).toMatchObject({ data: { cast: '00000000-0000-4000-8000-000000000001' } });
  expect(ok.errors).toBeUndefined();
});

test('a database too busy to take the change is DATABASE_BUSY, which a client may retry', async () => {
  const body = await postGraphQL(service.url, '{ busy }', {}, { 'x-request-id': 'req-busy-1' });
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0].extensions).toEqual({ code: 'DATABASE_BUSY', requestId: 'req-busy-1' });
  expect(body.errors![0].message).not.toMatch(/Transaction API/);
  expect(logged.find((line) => line.msg === 'database busy; the change was rolled back')).toMatchObject({ requestId: 'req-busy-1' });
  expect(isDatabaseBusy({ code: 'P2034' })).toBe(true);
  expect(isDatabaseBusy({ code: 'P2010', meta: { code: '40P01' } })).toBe(true);
  expect(isDatabaseBusy({ code: 'P2002' })).toBe(false);
});

test('the SQLSTATE is found wherever Prisma or the driver put it', () => {
  expect(postgresCode({ code: '22P02' })).toBe('22P02');
  expect(postgresCode({ code: 'P2010', meta: { code: '22P02' } })).toBe('22P02');
  expect(postgresCode({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '22P02', kind: 'postgres' } } } })).toBe('22P02');
  expect(postgresCode(new GraphQLError('x', { originalError: Object.assign(new Error('y'), { cause: { code: '23505' } }) }).originalError)).toBe('23505');
  expect(postgresCode(new Error('plain'))).toBeUndefined();
});

test('a database out of reach is recognised in every form the drivers and Prisma give it, and nothing else is', () => {
  const unavailable = [
    { code: '57P01', severity: 'FATAL' },
    { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '57P03', kind: 'postgres' } } } },
    { code: 'P1001', meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } } },
    { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } },
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    { code: '08006' },
    new Error('Connection terminated unexpectedly'),
    new Error('PGlite is closed'),
  ];
  for (const error of unavailable) expect([error, isDatabaseUnavailable(error)]).toEqual([error, true]);
  for (const error of [{ code: '23505' }, { code: 'P2002' }, new Error('Cannot read properties of undefined'), { code: '40P01' }]) {
    expect([error, isDatabaseUnavailable(error)]).toEqual([error, false]);
  }
});
