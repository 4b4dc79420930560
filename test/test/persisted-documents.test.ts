import { createHash } from 'node:crypto';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { syntheticId } from '@movement/runtime/demo';
import { trustedDocumentManifest } from '@movement/schema';
import { demoTokens } from '@movement/launcher';
import { startTestGraph, type TestGraph } from './harness';

let graph: TestGraph;
const metricsToken = 'persisted-documents-metrics-token';

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'persisted', metrics: { token: metricsToken } });
});

afterAll(async () => {
  await graph?.stop();
});

const ICRC = syntheticId('organization', 'ICRC-MOSCOW');

/** Values for the variables the internal apps' operations require: a person, an area, a partner. */
const requiredVariables: Record<string, unknown> = {
  id: syntheticId('person', 0),
  areaId: syntheticId('location', 'RU'),
  partnerIds: [ICRC],
};

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const manifest = Object.entries(trustedDocumentManifest).map(([documentId, text]) => {
  const operation = parse(text).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const required = (operation.variableDefinitions ?? [])
    .filter((variable) => variable.type.kind === Kind.NON_NULL_TYPE && !variable.defaultValue)
    .map((variable) => variable.variable.name.value);
  return { documentId, text, name: operation.name!.value, variables: Object.fromEntries(required.map((name) => [name, requiredVariables[name]])) };
});

type Answer = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };

const post = async (body: Record<string, unknown>, headers: Record<string, string>): Promise<Answer & { status: number }> => {
  const response = await fetch(graph.graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });
  return { ...((await response.json()) as Answer), status: response.status };
};

const bearer = async (claims: Parameters<TestGraph['token']>[0]) => ({ authorization: `Bearer ${await graph.token(claims)}` });

/** How many documents the gateway has parsed (its document cache did not hold them), from /metrics. */
async function documentsParsed(): Promise<number> {
  const response = await fetch(new URL('/metrics', graph.connection.url), { headers: { authorization: `Bearer ${metricsToken}` } });
  const line = (await response.text()).split('\n').find((row) => row.startsWith('movement_documents_parsed_total{'));
  return Number(line?.split(' ')[1]);
}

// First in this file: no request has run a manifest document yet, so only the loaded schema can have cached them.
test('manifest documents are not parsed on request, from their first request on; other documents are', async () => {
  const before = await documentsParsed();
  expect(Number.isInteger(before)).toBe(true);
  for (const { documentId, text, name, variables } of manifest) {
    const byId = await post({ documentId, variables }, graph.as('app'));
    const byHash = await post({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(text) } } }, graph.as('app'));
    const asText = await post({ query: text, variables }, graph.as('app'));
    expect([name, byId.errors, byHash.errors, asText.errors]).toEqual([name, undefined, undefined, undefined]);
  }
  expect(await documentsParsed()).toBe(before);
  // The counter does move: a document outside the manifest is parsed once, then served from the cache.
  const other = `query NotInManifest { people(first: 1) { edges { node { id } } } }`;
  expect((await post({ query: other }, graph.as('icrc'))).errors).toBeUndefined();
  expect((await post({ query: other }, graph.as('icrc'))).errors).toBeUndefined();
  expect(await documentsParsed()).toBe(before + 1);
});

test('the manifest holds an operation for each workflow of the internal apps', () => {
  expect(manifest.map((entry) => entry.name).sort()).toEqual(expect.arrayContaining(['AreaReport', 'MessageDashboard', 'PersonOverview', 'TracingCaseload']));
  for (const entry of manifest) expect(entry.documentId).toBe(`sha256:${hashOf(entry.text)}`);
});

test("every operation of the manifest runs by documentId with the demo app's token, without an error", async () => {
  expect(manifest.length).toBeGreaterThanOrEqual(4);
  for (const { documentId, name, variables } of manifest) {
    expect([name, Object.values(variables).every((value) => value !== undefined)]).toEqual([name, true]);
    const answer = await post({ documentId, variables }, graph.as('app'));
    expect([name, answer.status, answer.errors]).toEqual([name, 200, undefined]);
    // Not an empty answer: each operation finds what the app works on.
    expect([name, Object.values(answer.data ?? {}).some((value) => value !== null)]).toEqual([name, true]);
  }
});

test('the demo app holds exactly the scopes its operations need: without any one of them an operation fails', async () => {
  const scopes = [...demoTokens.app.scopes];
  for (const dropped of scopes) {
    const fewer = await bearer({ sub: 'family-links-app', scopes: scopes.filter((scope) => scope !== dropped), partnerId: ICRC });
    const failed: string[] = [];
    for (const { documentId, name, variables } of manifest) {
      const answer = await post({ documentId, variables }, fewer);
      if (answer.errors?.some((error) => error.extensions?.code === 'FORBIDDEN')) failed.push(name);
    }
    expect([dropped, failed.length > 0]).toEqual([dropped, true]);
  }
});

test('an unknown documentId gets PERSISTED_QUERY_NOT_FOUND; GET takes a documentId too', async () => {
  const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}` }, graph.as('icrc'));
  expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  const malformed = await post({ documentId: 'PersonOverview' }, graph.as('icrc'));
  expect(malformed.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  const overview = manifest.find((entry) => entry.name === 'PersonOverview')!;
  const params = new URLSearchParams({ documentId: overview.documentId, variables: JSON.stringify(overview.variables) });
  const response = await fetch(`${graph.graph.url}?${params.toString()}`, { headers: graph.as('icrc') });
  const answer = (await response.json()) as Answer;
  expect([response.status, answer.errors]).toEqual([200, undefined]);
  expect((answer.data?.person as { id: string }).id).toBe(overview.variables.id);
});

test('automatic persisted queries: a manifest hash needs no registration, others register then run by hash', async () => {
  const overview = manifest.find((entry) => entry.name === 'PersonOverview')!;
  const known = await post(
    { variables: overview.variables, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(overview.text) } } },
    graph.as('icrc'),
  );
  expect(known.errors).toBeUndefined();

  const text = `query OwnQuery($id: ID!) { person(id: $id) { id fullName } }`;
  const persistedQuery = { version: 1, sha256Hash: hashOf(text) };
  const first = await post({ variables: { id: syntheticId('person', 2) }, extensions: { persistedQuery } }, graph.as('icrc'));
  expect(first.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  const registered = await post({ query: text, variables: { id: syntheticId('person', 2) }, extensions: { persistedQuery } }, graph.as('icrc'));
  expect(registered.errors).toBeUndefined();
  const byHash = await post({ variables: { id: syntheticId('person', 2) }, extensions: { persistedQuery } }, graph.as('icrc'));
  expect(byHash.errors).toBeUndefined();
  expect(byHash.data).toEqual(registered.data);
  // A client-registered document is not a trusted document: it is not found by documentId.
  const asDocument = await post({ documentId: `sha256:${persistedQuery.sha256Hash}`, variables: { id: syntheticId('person', 2) } }, graph.as('icrc'));
  expect(asDocument.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
});

test('an app token restricted to trusted documents runs the manifest and nothing else', async () => {
  const restricted = await bearer({
    sub: 'family-links-app',
    scopes: ['people:read', 'messages:read', 'assistance:read'],
    partnerId: ICRC,
    trustedDocumentsOnly: true,
  });
  const overview = manifest.find((entry) => entry.name === 'PersonOverview')!;
  const allowed = await post({ documentId: overview.documentId, variables: overview.variables }, restricted);
  expect(allowed.errors).toBeUndefined();
  const ownText = await post({ query: '{ people(first: 1) { edges { node { id } } } }' }, restricted);
  expect([ownText.status, ownText.errors?.[0]?.extensions?.code, ownText.data]).toEqual([400, 'PERSISTED_QUERY_NOT_ALLOWED', undefined]);
  // Registering a document as an automatic persisted query is another way to send one's own text.
  const text = '{ people(first: 2) { edges { node { id } } } }';
  const register = await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(text) } } }, restricted);
  expect(register.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  // Under application/json the refusal is a well-formed GraphQL response: 200.
  const legacy = await post({ query: '{ people(first: 1) { edges { node { id } } } }' }, { ...restricted, accept: 'application/json' });
  expect([legacy.status, legacy.errors?.[0]?.extensions?.code]).toEqual([200, 'PERSISTED_QUERY_NOT_ALLOWED']);
});

test('an API key issued for trusted documents only is held to them', async () => {
  const issued = await graph.admin<{ issueApiKey: { secret: string; key: { trustedDocumentsOnly: boolean } } }>(
    `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret key { trustedDocumentsOnly } } }`,
    {
      input: {
        partnerId: ICRC,
        name: 'ICRC case-management app (trusted documents)',
        scopes: ['people:read', 'messages:read', 'assistance:read'],
        trustedDocumentsOnly: true,
      },
    },
  );
  expect(issued.errors).toBeUndefined();
  expect(issued.data!.issueApiKey.key.trustedDocumentsOnly).toBe(true);
  const key = { 'x-api-key': issued.data!.issueApiKey.secret };
  const overview = manifest.find((entry) => entry.name === 'PersonOverview')!;
  expect((await post({ documentId: overview.documentId, variables: overview.variables }, key)).errors).toBeUndefined();
  // The exact text of a trusted document is that document, whichever way it is sent.
  expect((await post({ query: overview.text, variables: overview.variables }, key)).errors).toBeUndefined();
  const other = await post({ query: '{ organizations(first: 1) { edges { node { id } } } }' }, key);
  expect(other.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  // Keys issued without the flag run any operation, as before.
  expect((await post({ query: '{ organizations(first: 1) { edges { node { id } } } }' }, graph.as('icrc'))).errors).toBeUndefined();
});
