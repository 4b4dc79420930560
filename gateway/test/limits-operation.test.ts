import { readFileSync } from 'node:fs';
import type http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  parse,
  validate,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';
import { listen } from '@movement/runtime';
import { apiSchemaPath } from '@movement/schema';
import {
  countTokens,
  introspectionGuard,
  measureOperation,
  operationLimitRules,
  operationLimitsPlugin,
  type LimitsConfig,
  type LimitsPrincipal,
  type PrincipalContext,
} from '../src/limits';

const apiSdl = readFileSync(apiSchemaPath, 'utf8');
const schema = buildSchema(apiSdl);
const limits = { maxDepth: 12, maxAliases: 30, maxCost: 5000, maxTokens: 2000 };

function measure(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const [operation] = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return measureOperation(schema, operation, (name) => fragments.find((fragment) => fragment.name.value === name), variables);
}

function check(query: string, variables?: Record<string, unknown>, config = limits) {
  const document = parse(query);
  // Standard rules first, as Apollo runs them: the limit rules assume a valid document.
  expect(validate(schema, document)).toEqual([]);
  return validate(schema, document, operationLimitRules(config, variables));
}

/** `{ location(id) { ancestors { ancestors { … name } } } }` nested `levels` fields deep. */
function nestedLocations(levels: number): string {
  let selection = 'name';
  for (let level = 1; level < levels - 1; level += 1) selection = `ancestors { ${selection} }`;
  return `{ location(id: "1") { ${selection} } }`;
}

const readmeQuery = `{
  people(first: 5, status: DISPLACED) {
    edges { node {
      fullName
      names { script scheme value }
      lastSeenAt { name pcode ancestors { name } }
      messagesSent(first: 3) { edges { node { reference status addressee { fullName } } } }
      assistanceReceived(first: 3) { edges { node { item quantity unit date location { name } } } }
    } }
  }
}`;

describe('measuring an operation', () => {
  test('depth counts field nesting; fragments add no level and introspection is not counted', () => {
    expect(measure(nestedLocations(12)).depth).toBe(12);
    expect(measure('{ location(id: "1") { ...L } } fragment L on Location { ancestors { ... on Location { name } } }').depth).toBe(3);
    expect(measure(getIntrospectionQuery()).depth).toBe(0);
  });

  test('every field costs 1 and a page multiplies its selection by first', () => {
    // people: 1 + 5 × (edges 1 + node 1 + fullName 1); __typename is free.
    expect(measure('{ __typename people(first: 5) { edges { node { fullName } } } }').cost).toBe(16);
    // Without first the default page of 20 counts; above 100 the server's maximum does.
    expect(measure('{ people { edges { node { fullName } } } }').cost).toBe(61);
    expect(measure('{ people(first: 1000) { edges { node { fullName } } } }').cost).toBe(301);
    // A variable page size is read from the request's variables.
    const withVariable = 'query($n: Int) { people(first: $n) { edges { node { fullName } } } }';
    expect(measure(withVariable, { n: 2 }).cost).toBe(7);
    expect(measure(withVariable, {}).cost).toBe(61);
    // The README's example: 1 + 5 × (2 + fullName 1 + names 4 + lastSeenAt 5 + messages 1 + 3 × 6 + assistance 1 + 3 × 8).
    expect(measure(readmeQuery).cost).toBe(281);
  });

  test('aliases are counted through fragments, each use of a fragment again', () => {
    const query = '{ a: person(id: "1") { ...P } b: person(id: "2") { ...P } } fragment P on Person { n: fullName __typename t: __typename }';
    expect(measure(query).aliases).toBe(4);
  });

  test('lexical tokens are counted without comments, and the count stops one past the maximum', () => {
    expect(countTokens('{ person(id: "1") { fullName } } # a comment')).toBe(11);
    expect(countTokens('{ a b c d e f }', 3)).toBe(4);
  });
});

describe('operation limit rules', () => {
  test('the README examples pass every limit', () => {
    expect(check(readmeQuery)).toEqual([]);
    expect(check(nestedLocations(12))).toEqual([]);
  });

  test('an operation nested past MAX_DEPTH is refused with OPERATION_TOO_DEEP naming both depths', () => {
    const [error, ...rest] = check(nestedLocations(13));
    expect(rest).toEqual([]);
    expect(error.message).toBe('The operation nests fields 13 deep; the limit is 12.');
    expect(error.extensions).toMatchObject({ code: 'OPERATION_TOO_DEEP', maximum: 12, actual: 13 });
  });

  test('aliases past MAX_ALIASES are refused with TOO_MANY_ALIASES', () => {
    const aliased = (n: number) => `query Many { ${Array.from({ length: n }, (_, i) => `p${i}: person(id: "${i}") { id }`).join(' ')} }`;
    expect(check(aliased(30))).toEqual([]);
    const [error] = check(aliased(31));
    expect(error.message).toBe('Operation Many uses 31 aliases; the limit is 30.');
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', maximum: 30, actual: 31 });
  });

  test('nested pages past MAX_COST are refused with OPERATION_TOO_COMPLEX, depending on the variables', () => {
    const query = `query Pages($n: Int) { people(first: $n) { edges { node {
      messagesSent(first: $n) { edges { node { reference addressee { fullName } } } } } } } }`;
    // 1 + n × (3 + n × 5): 256 with pages of 5, 50 301 with pages of 100.
    expect(check(query, { n: 5 })).toEqual([]);
    const [error] = check(query, { n: 100 });
    expect(error.message).toMatch(/^Operation Pages has an estimated cost of 50301; the limit is 5000\./);
    expect(error.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', maximum: 5000, actual: 50301 });
  });

  test('every broken limit is reported', () => {
    const codes = check(nestedLocations(13), undefined, { ...limits, maxCost: 5 }).map((error) => error.extensions.code);
    expect(codes).toEqual(['OPERATION_TOO_DEEP', 'OPERATION_TOO_COMPLEX']);
  });
});

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

interface Served {
  post(body: unknown, scopes?: string[]): Promise<{ status: number; body: GraphQLBody }>;
  stop(): Promise<void>;
}

/**
 * The API schema on a real Apollo Server over HTTP with the limit plugins. A request's principal
 * comes from an `x-scopes` header here: authentication is not this module's job.
 */
async function serve(config: LimitsConfig['nodeEnv']): Promise<Served> {
  const apollo = new ApolloServer<PrincipalContext>({
    typeDefs: apiSdl,
    introspection: true,
    plugins: [operationLimitsPlugin(limits), introspectionGuard({ nodeEnv: config })],
  });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const scopes = req.header('x-scopes');
        const principal: LimitsPrincipal | null = scopes === undefined ? null : { subject: 'tester', partnerId: null, scopes: scopes.split(' '), kind: 'app' };
        return { principal };
      },
    }),
  );
  const { server, port } = await listen(app, '127.0.0.1', 0);
  return {
    async post(body, scopes) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(scopes ? { 'x-scopes': scopes.join(' ') } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    stop: () => stopServer(apollo, server),
  };
}

async function stopServer(apollo: ApolloServer<PrincipalContext>, server: http.Server): Promise<void> {
  await apollo.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('the limits plugin in Apollo Server', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve('production');
  });
  afterAll(async () => {
    await served.stop();
  });

  test('an operation within the limits runs', async () => {
    const response = await served.post({ query: '{ __typename }' });
    expect(response).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  test('a limit broken answers 400 with its own code, not GRAPHQL_VALIDATION_FAILED', async () => {
    const deep = await served.post({ query: nestedLocations(13) });
    expect(deep.status).toBe(400);
    expect(deep.body.errors).toEqual([
      { message: 'The operation nests fields 13 deep; the limit is 12.', extensions: { code: 'OPERATION_TOO_DEEP', maximum: 12, actual: 13 } },
    ]);

    const query = 'query Pages($n: Int) { people(first: $n) { edges { node { messagesSent(first: $n) { edges { node { reference } } } } } } }';
    const costly = await served.post({ query, variables: { n: 100 } });
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', actual: 30301 });
  });

  test('a document past MAX_TOKENS is refused before parsing with TOO_MANY_TOKENS', async () => {
    // Each `tN: __typename` is 3 tokens (aliases of __typename are free), plus the two braces.
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const response = await served.post({ query: aliases(667) });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { message: 'The document has more than 2000 tokens, the limit; it was not parsed.', extensions: { code: 'TOO_MANY_TOKENS', maximum: 2000 } },
    ]);
    const within = await served.post({ query: aliases(666) });
    expect(within.body.errors).toBeUndefined();
    expect(within.status).toBe(200);
  });

  test('in production, introspection needs credentials (the gateway shows each principal what its scopes may read)', async () => {
    const query = getIntrospectionQuery();
    const refused = await served.post({ query });
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([{ message: 'Introspection needs credentials.', extensions: { code: 'FORBIDDEN' } }]);
    // Hidden in a fragment, `__type` is found all the same.
    const fragment = await served.post({ query: '{ ...T } fragment T on Query { __type(name: "Person") { name } }' });
    expect(fragment.status).toBe(403);

    for (const scopes of [['people:read'], ['schema:introspect']]) {
      const allowed = await served.post({ query }, scopes);
      expect(allowed.status).toBe(200);
      expect((allowed.body.data?.__schema as { queryType: { name: string } }).queryType.name).toBe('Query');
    }
  });

  test('in production, validation errors suggest field names only to a caller with schema:introspect', async () => {
    for (const scopes of [undefined, ['people:read']]) {
      const hidden = await served.post({ query: '{ peopl { totalCount } }' }, scopes);
      expect(hidden.body.errors?.[0].message).toBe('Cannot query field "peopl" on type "Query".');
    }
    const shown = await served.post({ query: '{ peopl { totalCount } }' }, ['schema:introspect']);
    expect(shown.body.errors?.[0].message).toMatch(/Did you mean "people"/);
  });
});

test('outside production, introspection answers anyone', async () => {
  const served = await serve('development');
  try {
    const response = await served.post({ query: '{ __schema { queryType { name } } }' });
    expect(response).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: 'Query' } } } } });
    const suggested = await served.post({ query: '{ peopl { totalCount } }' });
    expect(suggested.body.errors?.[0].message).toMatch(/Did you mean "people"/);
  } finally {
    await served.stop();
  }
});
