import { generateInternalKeyPair, postGraphQL, signInternalToken, syntheticId, testInternalToken } from '@movement/runtime';
import { startTestGraph, type TestGraph } from './harness';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 60, label: 'access' });
  // Field rules are this file's subject: the detainee is shared with the partners it asks as, so
  // ownership (test/test/access-people.test.ts) does not hide the whole record.
  const partners = ['RRC', 'BRC'].map((key) => syntheticId('organization', key));
  await graph.graph.subgraphs.people.database.driver.query(`UPDATE "people"."Person" SET "sharedWithIds" = $2::uuid[] WHERE "id" = $1`, [detainee, partners]);
});

afterAll(async () => {
  await graph?.stop();
});

/** Person 3 is detained in the seed (1 in 20, from 3): it has a detention record. */
const detainee = syntheticId('person', 3);
const personQuery = `query PersonFile($id: ID!) { person(id: $id) { fullName status vulnerabilities detentionRecords { edges { node { id registrationNumber } } } } }`;

describe('authentication at the gateway', () => {
  test('no credentials: HTTP 401 UNAUTHENTICATED and nothing else', async () => {
    const result = await graph.query(personQuery, { id: detainee }, graph.as('anonymous'));
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeUndefined();
  });

  test('an unknown key or a forged or expired token is refused, and the error never echoes it', async () => {
    const forgedKey = `mgk_0123456789abcdef_${'A'.repeat(43)}`;
    const expired = await graph.token({ sub: 'someone', scopes: ['people:read'], expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const attempts: Array<Record<string, string>> = [{ 'x-api-key': forgedKey }, { authorization: `Bearer ${expired}` }, { authorization: 'Bearer not.a.token' }];
    for (const headers of attempts) {
      const result = await graph.query(personQuery, { id: detainee }, headers);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const secret = Object.values(headers)[0]!.replace('Bearer ', '');
      expect(JSON.stringify(result)).not.toContain(secret);
    }
  });
});

describe('fields a principal may not read', () => {
  test('come back null with FORBIDDEN at their path while the rest answers', async () => {
    const result = await graph.query<{ person: Record<string, unknown> }>(personQuery, { id: detainee }, graph.as('icrc'));
    expect(result.errors).toBeUndefined();
    expect(result.data?.person.detentionRecords).toEqual({ edges: [{ node: expect.objectContaining({ registrationNumber: expect.any(String) }) }] });

    const redacted = await graph.query<{ person: Record<string, unknown> }>(personQuery, { id: detainee }, graph.as('russianRedCross'));
    expect(redacted.data?.person.fullName).toEqual(expect.any(String));
    expect(redacted.data?.person.vulnerabilities).toBeNull();
    expect(redacted.data?.person.detentionRecords).toBeNull();
    const byPath = Object.fromEntries((redacted.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]));
    expect(byPath).toEqual({ 'person.vulnerabilities': 'FORBIDDEN', 'person.detentionRecords': 'FORBIDDEN' });
  });

  test('a forbidden root field is null; the other root fields still answer', async () => {
    const result = await graph.query<{ detentionRecords: unknown; organizations: { edges: unknown[] } }>(
      `{ detentionRecords(first: 2) { edges { node { id } } } organizations(first: 2) { edges { node { name } } } }`,
      {},
      graph.as('belarusRedCross'),
    );
    expect(result.data?.detentionRecords).toBeNull();
    expect(result.data?.organizations.edges).toHaveLength(2);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['detentionRecords'], 'FORBIDDEN']]);
  });

  test('fragments and aliases do not hide a field from the rules', async () => {
    const result = await graph.query<{ p: { name: string; v: unknown } }>(
      `query { p: person(id: "${detainee}") { ...File } } fragment File on Person { name: fullName v: vulnerabilities }`,
      {},
      graph.as('belarusRedCross'),
    );
    expect(result.data?.p).toEqual({ name: expect.any(String), v: null });
    expect(result.errors?.map((error) => error.path)).toEqual([['p', 'v']]);
  });

  test('a write without the write scope is refused', async () => {
    const result = await graph.query(
      `mutation { recordVisit(input: { detentionRecordId: "${syntheticId('detention-record', 0)}", visitedOn: "2026-01-10", visitedById: "${syntheticId('organization', 'BRC')}", privateInterview: true, recordedById: "${syntheticId('organization', 'BRC')}" }) { id } }`,
      {},
      graph.as('belarusRedCross'),
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('no way around the gateway', () => {
  const subgraphUrl = () => graph.graph.subgraphs.people.service.url;

  test('a subgraph answers 401 without the gateway’s token — `_entities` and `_service` too', async () => {
    for (const query of ['{ _service { sdl } }', `{ _entities(representations: [{ __typename: "Person", id: "${detainee}" }]) { ... on Person { fullName } } }`, '{ people(first: 1) { edges { node { id } } } }']) {
      const result = await postGraphQL(subgraphUrl(), query, {}, {}, { as: null });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  test('a token signed with another key is refused', async () => {
    const stranger = await generateInternalKeyPair();
    const forged = await signInternalToken(stranger.privateKey, { principal: { subject: 'x', kind: 'app', partnerId: null, scopes: ['detention:read'] }, operationName: null });
    const result = await postGraphQL(subgraphUrl(), '{ _service { sdl } }', {}, { authorization: `Bearer ${forged}` });
    expect(result.status).toBe(401);
  });

  test('the subgraph enforces the same rules itself', async () => {
    const token = await testInternalToken({ subject: 'key:brc', kind: 'partner', partnerId: syntheticId('organization', 'BRC'), scopes: ['people:read'] });
    const result = await postGraphQL<{ person: Record<string, unknown> }>(subgraphUrl(), personQuery, { id: detainee }, { authorization: `Bearer ${token}` });
    expect(result.data?.person.fullName).toEqual(expect.any(String));
    expect(result.data?.person.detentionRecords).toBeNull();
    expect(result.errors?.find((error) => error.path?.join('.') === 'person.detentionRecords')?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('audit trail', () => {
  test('every read of a sensitive field is recorded with who, partner, record, field and operation; admins query it', async () => {
    const read = await graph.query(personQuery, { id: detainee }, graph.as('icrc'));
    expect(read.errors).toBeUndefined();
    const trail = await graph.admin<{ auditEntries: { edges: Array<{ node: Record<string, unknown> }> } }>(
      `query($person: ID!, $partner: ID!) { auditEntries(personId: $person, partnerId: $partner, first: 50) { edges { node { subject principalKind partnerId operationName recordType recordId field personIds } } } }`,
      { person: detainee, partner: syntheticId('organization', 'ICRC-MOSCOW') },
    );
    expect(trail.errors).toBeUndefined();
    const entries = trail.data!.auditEntries.edges.map((edge) => edge.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ principalKind: 'PARTNER', operationName: 'PersonFile', recordType: 'Person', recordId: detainee, field: 'detentionRecords', personIds: [detainee] }),
        expect.objectContaining({ recordType: 'DetentionRecord', field: 'registrationNumber', personIds: [detainee] }),
      ]),
    );
    expect(entries.every((entry) => String(entry.subject).startsWith('key:'))).toBe(true);
  });

  test('the trail cannot be altered, not even in the database', async () => {
    const driver = graph.graph.subgraphs.people.database.driver;
    await expect(driver.query(`UPDATE "access"."audit_entry" SET "field" = 'nothing'`)).rejects.toThrow(/append-only/);
    await expect(driver.query(`DELETE FROM "access"."audit_entry"`)).rejects.toThrow(/append-only/);
  });

  test('only admins with audit:read may query it', async () => {
    const result = await graph.admin(`{ auditEntries { edges { cursor } } }`, {}, graph.as('icrc'));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('API keys', () => {
  test('an admin issues a key, it works at once, and stops working when revoked — without a restart', async () => {
    const issued = await graph.admin<{ issueApiKey: { key: { id: string; scopes: string[] }; secret: string } }>(
      `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key { id scopes } secret } }`,
      { input: { partnerId: syntheticId('organization', 'BRC-GOMEL'), name: 'Gomel branch tracing app', scopes: ['people:read'] } },
    );
    expect(issued.errors).toBeUndefined();
    const { key, secret } = issued.data!.issueApiKey;
    const listed = await graph.admin<{ apiKeys: Array<{ id: string }> }>(`{ apiKeys { id } }`);
    expect(listed.data?.apiKeys.map((k) => k.id)).toContain(key.id);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const before = await graph.query(`{ people(first: 1) { edges { node { id } } } }`, {}, { 'x-api-key': secret });
    expect(before.status).toBe(200);
    await graph.admin(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id });
    const after = await graph.query(`{ people(first: 1) { edges { node { id } } } }`, {}, { 'x-api-key': secret });
    expect(after.status).toBe(401);
  });

  test('bad key requests name the field at fault', async () => {
    const result = await graph.admin(`mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret } }`, {
      input: { partnerId: syntheticId('organization', 'BRC'), name: 'x', scopes: ['people:read', 'everything:all'] },
    });
    expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.scopes' }));
    const admin = await graph.admin(`mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret } }`, {
      input: { partnerId: syntheticId('organization', 'BRC'), name: 'x', scopes: ['keys:admin'] },
    });
    expect(admin.errors?.[0]?.extensions?.field).toBe('input.scopes');
  });
});
