import { join } from 'node:path';
import pino from 'pino';
import { badUserInput, serveSubgraph, type BaseSubgraphContext, type Database, type RunningService, type SqlDriver, type SubgraphDefinition } from '../src';
import { testInternalKeys, testInternalToken } from '../src/testing';

type Client = { $disconnect(): Promise<void> };

/** The contexts the service made: Apollo Server hands resolvers a copy, the direct path the context itself. */
const made = new WeakSet<object>();

const definition: SubgraphDefinition<Client, BaseSubgraphContext> = {
  name: 'locations',
  schemaPath: join(__dirname, 'fixtures', 'direct.graphql'),
  migrationsDir: join(__dirname, 'fixtures', 'no-migrations'),
  resolvers: {
    Query: {
      echo: (_root: unknown, { text }: { text: string }) => text,
      broken: () => {
        throw new Error('ENOENT: no such file /srv/movement/subgraphs/locations/dist/secret.js');
      },
      refused: () => {
        throw badUserInput('input.reason', 'must be one of the listed reasons.');
      },
      audited: (_root: unknown, _args: unknown, context: BaseSubgraphContext) => {
        context.audit.record({ recordType: 'Place', recordId: 'p-1', field: 'audited', personIds: ['person-1'] });
        return 'read';
      },
      required: () => {
        throw new Error('gone');
      },
      direct: (_root: unknown, _args: unknown, context: object) => made.has(context),
    },
    Place: {
      // As a loader answers: a failed lookup fails its own entity, not the batch.
      __resolveReference: async ({ id }: { id: string }) => {
        if (id === 'broken') throw new Error('lookup failed');
        return { id, name: `place ${id}` };
      },
      direct: (_place: unknown, _args: unknown, context: object) => made.has(context),
    },
  },
  createClient: () => ({ $disconnect: async () => undefined }),
  createContext: (base) => {
    made.add(base);
    return base;
  },
};

// The service reads no data: a stand-in database is enough.
const database: Database<Client> = {
  prisma: definition.createClient(undefined as never),
  driver: { kind: 'postgres', query: async () => [] } as unknown as SqlDriver,
  statements: 0,
  close: async () => undefined,
};

let service: RunningService;

beforeAll(async () => {
  service = await serveSubgraph(
    definition,
    { host: '127.0.0.1', port: 0, shutdownGraceMs: 1000 },
    database,
    pino({ level: 'silent' }),
    {},
    (await testInternalKeys()).publicKey,
  );
});

afterAll(async () => {
  await service?.stop();
});

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

async function post(body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testInternalToken()}`, 'x-request-id': 'req-direct', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/**
 * The request sent twice: the first time Apollo Server answers it (its query text is new), the
 * second time the direct path may. Both answers, the `direct` fields of the first read as the second's.
 */
async function twice(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<[Answer, Answer]> {
  const first = await post({ query, variables }, headers);
  const second = await post({ query, variables }, headers);
  return [{ ...first, text: first.text.replaceAll('"direct":false', '"direct":true') }, second];
}

const accepts: Array<Record<string, string>> = [{}, { accept: 'application/graphql-response+json, application/json;q=0.9' }, { accept: '*/*' }];

test.each(accepts)('a request Apollo Server has answered once is answered directly, with the same status, content type and body (%p)', async (headers) => {
  const query = 'query Echo($text: String!) { echo(text: $text) direct }';
  // A new query text per accept header, so that each header's first request is Apollo Server's.
  const [first, second] = await twice(`${query} # ${JSON.stringify(headers)}`, { text: 'Ясмина' }, headers);
  expect(second).toEqual(first);
  expect(JSON.parse(second.text)).toEqual({ data: { echo: 'Ясмина', direct: true } });
});

test('field errors are masked and formatted as Apollo Server answers them', async () => {
  const [first, second] = await twice('{ broken refused echo(text: "kept") direct }');
  expect(second).toEqual(first);
  const body = JSON.parse(second.text) as { errors: Array<{ message: string; extensions: { code: string } }>; data: Record<string, unknown> };
  expect(body.data).toEqual({ broken: null, refused: null, echo: 'kept', direct: true });
  expect(body.errors.map((error) => error.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR', 'BAD_USER_INPUT']);
  expect(body.errors[0].message).toBe('Internal server error (request id req-direct)');
});

test('sensitive reads are reported in the audit extension', async () => {
  const [first, second] = await twice('{ audited direct }');
  expect(second).toEqual(first);
  expect(JSON.parse(second.text)).toEqual({
    data: { audited: 'read', direct: true },
    extensions: { movementAudit: [{ recordType: 'Place', recordId: 'p-1', field: 'audited', personIds: ['person-1'] }] },
  });
});

test("an entity batch is answered in the gateway's order, copies and their errors included", async () => {
  const representations = ['a', 'b', 'a', 'broken', 'b', 'broken'].map((id) => ({ __typename: 'Place', id }));
  const [first, second] = await twice('query Places($r: [_Any!]!) { _entities(representations: $r) { ... on Place { id name direct } } }', {
    r: representations,
  });
  expect(second).toEqual(first);
  const body = JSON.parse(second.text) as { data: { _entities: Array<{ id: string } | null> }; errors: Array<{ path: unknown[] }> };
  expect(body.data._entities.map((entity) => entity?.id ?? null)).toEqual(['a', 'b', 'a', null, 'b', null]);
  expect(body.errors.map((error) => error.path)).toEqual([
    ['_entities', 3],
    ['_entities', 5],
  ]);
});

test('an answer without data keeps the status Apollo Server gives it', async () => {
  const [first, second] = await twice('{ required direct }', {}, { accept: 'application/graphql-response+json' });
  expect(second).toEqual(first);
  expect(JSON.parse(second.text)).toMatchObject({ data: null, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
});

test('variables that do not coerce, or hold a NUL character, are refused with 400 after the operation was answered directly', async () => {
  const query = 'query Echo($text: String!) { echo(text: $text) direct } # refusals';
  const accept = { accept: 'application/graphql-response+json' };
  const [, direct] = await twice(query, { text: 'ok' }, accept);
  expect(JSON.parse(direct.text)).toEqual({ data: { echo: 'ok', direct: true } });
  for (const variables of [{ text: 12 }, { text: 'a\u0000b' }, {}]) {
    const [first, second] = await twice(query, variables, accept);
    expect(second).toEqual(first);
    expect(second.status).toBe(400);
  }
});
