import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { generateInternalKeyPair, internalTokenAudience, internalTokenIssuer, signInternalToken } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, postGraphQL, prepareTestDataFolder, testInternalKeys, testInternalToken } from '@movement/runtime/testing';
import { startTestGraph, type TestGraph } from './harness';
import { killLeftovers, runNode } from './process-support';

let graph: TestGraph;

beforeAll(async () => {
  // A seed size other files start from too, so that the run builds its template once.
  graph = await startTestGraph({ seedPeople: 200, label: 'access' });
  // Field rules are this file's subject: the detainee is shared with the partners it asks as, so
  // ownership (test/test/access-people.test.ts) does not hide the whole record.
  const partners = ['RRC', 'BRC'].map((key) => syntheticId('organization', key));
  await graph.graph.subgraphs.people.database.driver.query(`UPDATE "people"."Person" SET "sharedWithIds" = $2::uuid[] WHERE "id" = $1`, [detainee, partners]);
});

afterAll(async () => {
  killLeftovers();
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
    const attempts: Array<Record<string, string>> = [
      { 'x-api-key': forgedKey },
      { authorization: `Bearer ${expired}` },
      { authorization: 'Bearer not.a.token' },
    ];
    for (const headers of attempts) {
      const result = await graph.query(personQuery, { id: detainee }, headers);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const secret = Object.values(headers)[0].replace('Bearer ', '');
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

  test('a removed field that does not occur leaves no `errors` key: not included, skipped, or under a null parent', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['query($id: ID!) { person(id: $id) { fullName vulnerabilities @include(if: false) } }', { id: detainee }],
      ['query($id: ID!, $skip: Boolean!) { person(id: $id) { fullName vulnerabilities @skip(if: $skip) } }', { id: detainee, skip: true }],
      ['query($id: ID!) { person(id: $id) { fullName vulnerabilities } }', { id: syntheticId('person', 'nobody') }],
    ];
    for (const [query, variables] of cases) {
      const result = await graph.query(query, variables, graph.as('belarusRedCross'));
      expect(result.status).toBe(200);
      expect(Object.keys(result)).not.toContain('errors');
    }
  });

  test('a variable GraphQL refuses is a request error whatever the scopes: HTTP 400 and no `data`', async () => {
    const queries = [
      'query Q($id: ID!) { person(id: $id) { id vulnerabilities } }',
      'query Q($id: ID!) { person(id: $id) { id } }',
      // Every field removed: nothing is planned, and the variables are checked all the same.
      'query Q($id: ID!) { detentionRecord(id: $id) { id } }',
    ];
    for (const query of queries) {
      const result = await graph.query(query, { id: null }, graph.as('belarusRedCross'));
      expect([query, result.status]).toEqual([query, 400]);
      expect(Object.keys(result)).not.toContain('data');
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });

  test('errors a partner reads never name the graph’s services; an admin’s do', async () => {
    const query = '{ person(id: "not-an-id") { id } }';
    const partner = await graph.query(query, {}, graph.as('russianRedCross'));
    expect(partner.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(partner.errors?.[0]?.extensions).not.toHaveProperty('serviceName');
    const operator = await graph.query(
      query,
      {},
      { authorization: `Bearer ${await graph.token({ sub: 'operator', kind: 'admin', scopes: ['people:read'] })}` },
    );
    expect(operator.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', serviceName: 'people' });
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
    for (const query of [
      '{ _service { sdl } }',
      `{ _entities(representations: [{ __typename: "Person", id: "${detainee}" }]) { ... on Person { fullName } } }`,
      '{ people(first: 1) { edges { node { id } } } }',
    ]) {
      const result = await postGraphQL(subgraphUrl(), query, {}, {}, { as: null });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  test('a token signed with another key is refused', async () => {
    const stranger = await generateInternalKeyPair();
    const forged = await signInternalToken(stranger.privateKey, {
      principal: { subject: 'x', kind: 'app', partnerId: null, scopes: ['detention:read'] },
      operationName: null,
    });
    const result = await postGraphQL(subgraphUrl(), '{ _service { sdl } }', {}, { authorization: `Bearer ${forged}` });
    expect(result.status).toBe(401);
  });

  test('a token without an expiry, with one far away, or issued long ago is refused; one as the gateway signs it is not', async () => {
    const { privateKey } = await testInternalKeys();
    const now = Math.floor(Date.now() / 1000);
    const token = (lifetime: (jwt: SignJWT) => SignJWT) =>
      lifetime(
        new SignJWT({ kind: 'app', partner: null, scopes: ['people:read'], op: null })
          .setProtectedHeader({ alg: 'EdDSA' })
          .setSubject('app:someone')
          .setIssuer(internalTokenIssuer)
          .setAudience(internalTokenAudience),
      ).sign(privateKey);
    const refused = {
      withoutExpiry: await token((jwt) => jwt.setIssuedAt()),
      withoutIssuedAt: await token((jwt) => jwt.setExpirationTime('60s')),
      expiringInTenYears: await token((jwt) => jwt.setIssuedAt().setExpirationTime('10y')),
      issuedAnHourAgo: await token((jwt) => jwt.setIssuedAt(now - 3600).setExpirationTime(now + 30)),
    };
    for (const [shape, refusedToken] of Object.entries(refused)) {
      const result = await postGraphQL(subgraphUrl(), '{ _service { sdl } }', {}, { authorization: `Bearer ${refusedToken}` });
      expect([shape, result.status, result.errors?.[0]?.extensions?.code]).toEqual([shape, 401, 'UNAUTHENTICATED']);
    }
    const minted = await token((jwt) => jwt.setIssuedAt().setExpirationTime('60s'));
    expect((await postGraphQL(subgraphUrl(), '{ _service { sdl } }', {}, { authorization: `Bearer ${minted}` })).status).toBe(200);
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
        expect.objectContaining({
          principalKind: 'PARTNER',
          operationName: 'PersonFile',
          recordType: 'Person',
          recordId: detainee,
          field: 'detentionRecords',
          personIds: [detainee],
        }),
        expect.objectContaining({ recordType: 'DetentionRecord', field: 'registrationNumber', personIds: [detainee] }),
      ]),
    );
    expect(entries.every((entry) => String(entry.subject).startsWith('key:'))).toBe(true);
  });

  test('the same query sent at once by several requests of two partners answers each partner as itself, and each request is audited on its own', async () => {
    // Identical queries in flight at once may be executed once; never across principals.
    const atOnce = `query AtOnce($id: ID!) { person(id: $id) { fullName detentionRecords { edges { node { id registrationNumber } } } } }`;
    const callers = Array.from({ length: 12 }, (_, index): 'icrc' | 'russianRedCross' => (index % 2 === 0 ? 'icrc' : 'russianRedCross'));
    const answers = await Promise.all(
      callers.map((caller) => graph.query<{ person: { detentionRecords: unknown } }>(atOnce, { id: detainee }, graph.as(caller))),
    );
    for (const [index, answer] of answers.entries()) {
      const forbidden = (answer.errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN').map((error) => error.path?.join('.'));
      if (callers[index] === 'icrc') {
        expect(forbidden).toEqual([]);
        expect(answer.data?.person.detentionRecords).toEqual({ edges: [{ node: { id: expect.any(String), registrationNumber: expect.any(String) } }] });
      } else {
        // The Russian Red Cross lacks detention:read.
        expect(forbidden).toEqual(['person.detentionRecords']);
        expect(answer.data?.person.detentionRecords).toBeNull();
      }
    }
    const trail = await graph.admin<{
      auditEntries: { edges: Array<{ node: { operationName: string; requestId: string; recordType: string; field: string } }> };
    }>(
      `query($person: ID!, $partner: ID!) { auditEntries(personId: $person, partnerId: $partner, first: 500) { edges { node { operationName requestId recordType field } } } }`,
      { person: detainee, partner: syntheticId('organization', 'ICRC-MOSCOW') },
    );
    expect(trail.errors).toBeUndefined();
    const byRequest = new Map<string, string[]>();
    for (const { node } of trail.data!.auditEntries.edges) {
      if (node.operationName === 'AtOnce') byRequest.set(node.requestId, [...(byRequest.get(node.requestId) ?? []), `${node.recordType}.${node.field}`].sort());
    }
    // Every ICRC request recorded the reads of its own answer under its own request id.
    expect(byRequest.size).toBe(callers.filter((caller) => caller === 'icrc').length);
    expect(new Set([...byRequest.values()].map((reads) => JSON.stringify(reads)))).toEqual(
      new Set([JSON.stringify(['DetentionRecord.id', 'DetentionRecord.registrationNumber', 'Person.detentionRecords'])]),
    );
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

  const ISSUE = `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key { id expiresAt } secret } }`;
  type Issued = { issueApiKey: { key: { id: string; expiresAt: string | null }; secret: string } };
  const brc = syntheticId('organization', 'BRC');

  test('no partner key holds an admin scope, and only admins hand out scopes they do not hold', async () => {
    for (const scope of ['keys:admin', 'audit:read', 'schema:introspect']) {
      const refused = await graph.admin(ISSUE, { input: { partnerId: brc, name: 'x', scopes: ['people:read', scope] } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
      expect(refused.errors?.[0]?.message).toContain(`${scope} may not be given to a partner key`);
    }
    // An app trusted with key management passes on what it holds, and nothing more.
    const keyManager = { authorization: `Bearer ${await graph.token({ sub: 'key-desk', kind: 'app', scopes: ['keys:admin', 'people:read'] })}` };
    expect((await graph.admin<Issued>(ISSUE, { input: { partnerId: brc, name: 'tracing desk', scopes: ['people:read'] } }, keyManager)).errors).toBeUndefined();
    const escalation = await graph.admin(ISSUE, { input: { partnerId: brc, name: 'x', scopes: ['people:read', 'mandate:all-records'] } }, keyManager);
    expect(escalation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    expect(escalation.errors?.[0]?.message).toContain('mandate:all-records may not be given by a principal that does not hold them');
  });

  test('a key stored with an admin scope before the rule cannot use it, so it cannot issue itself more', async () => {
    const stored = await graph.graph.gateway.apiKeys.issue({ partnerId: brc, name: 'legacy', scopes: ['people:read', 'keys:admin'], createdBy: 'legacy' });
    const asKey = { 'x-api-key': stored.secret };
    const escalation = await graph.admin(ISSUE, { input: { partnerId: brc, name: 'x', scopes: ['mandate:all-records'] } }, asKey);
    expect(escalation.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(escalation.data?.issueApiKey ?? null).toBeNull();
    // What it may hold still works.
    expect((await graph.query('{ people(first: 1) { edges { node { id } } } }', {}, asKey)).errors).toBeUndefined();
  });

  test('a key may be issued to expire: it shows when, works until then, and is refused after it', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const issued = await graph.admin<Issued>(ISSUE, { input: { partnerId: brc, name: 'field trip', scopes: ['people:read'], expiresAt } });
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueApiKey.key.expiresAt).toBe(expiresAt);
    expect((await graph.query('{ people(first: 1) { edges { node { id } } } }', {}, { 'x-api-key': issued.data!.issueApiKey.secret })).status).toBe(200);
    const listed = await graph.admin<{ apiKeys: Array<{ id: string; expiresAt: string | null }> }>('{ apiKeys { id expiresAt } }');
    expect(listed.data!.apiKeys).toContainEqual({ id: issued.data!.issueApiKey.key.id, expiresAt });

    // Another key reaches its expiry (moved into the past, as time would) before its first use.
    const lapsing = await graph.admin<Issued>(ISSUE, { input: { partnerId: brc, name: 'lapsing', scopes: ['people:read'], expiresAt } });
    await graph.graph.subgraphs.people.database.driver.query(`UPDATE "access"."api_key" SET "expiresAt" = now() - interval '1 second' WHERE "id" = $1`, [
      lapsing.data!.issueApiKey.key.id,
    ]);
    const refused = await graph.query('{ people(first: 1) { edges { node { id } } } }', {}, { 'x-api-key': lapsing.data!.issueApiKey.secret });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    for (const [value, problem] of [
      ['next week', 'ISO 8601'],
      ['2020-01-01', 'in the future'],
    ]) {
      const bad = await graph.admin(ISSUE, { input: { partnerId: brc, name: 'x', scopes: ['people:read'], expiresAt: value } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
      expect(bad.errors?.[0]?.message).toContain(problem);
    }
  });

  test('the admin API has the public limits: aliases, cost and tokens', async () => {
    const aliases = await graph.admin(`{ ${Array.from({ length: 31 }, (_, i) => `s${i}: scopes { name }`).join(' ')} }`);
    expect([aliases.status, aliases.errors?.[0]?.extensions?.code]).toEqual([400, 'TOO_MANY_ALIASES']);
    const page =
      'auditEntries(first: 100) { edges { cursor node { id at subject principalKind partnerId operationName requestId recordType recordId field personIds } } }';
    const costly = await graph.admin(`{ ${['a', 'b', 'c', 'd', 'e'].map((alias) => `${alias}: ${page}`).join(' ')} }`);
    expect([costly.status, costly.errors?.[0]?.extensions?.code]).toEqual([400, 'OPERATION_TOO_COMPLEX']);
    const tokens = await graph.admin(`{ scopes { ${'name '.repeat(2100)} } }`);
    expect([tokens.status, tokens.errors?.[0]?.extensions?.code]).toEqual([400, 'TOO_MANY_TOKENS']);
  });

  test('only admins may introspect the admin API, and others get no spelling hints', async () => {
    for (const caller of ['russianRedCross', 'app'] as const) {
      const refused = await graph.admin('{ __schema { mutationType { name } } }', {}, graph.as(caller));
      expect([caller, refused.status, refused.errors?.[0]?.extensions?.code]).toEqual([caller, 403, 'FORBIDDEN']);
      const typo = await graph.admin('{ scope { name } }', {}, graph.as(caller));
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    }
    const admin = await graph.admin<{ __schema: { mutationType: { name: string } } }>('{ __schema { mutationType { name } } }');
    expect(admin.data?.__schema.mutationType.name).toBe('Mutation');
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

describe('the access CLI', () => {
  const cli = join(__dirname, '..', '..', 'gateway', 'dist', 'keys-cli.js');

  test('refuses admin scopes for a partner key, by the same rule as the admin API', async () => {
    const run = runNode(cli, ['issue-key', '--partner', syntheticId('organization', 'BRC'), '--name', 'x', '--scopes', 'people:read,keys:admin'], {});
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('--scopes: keys:admin may not be given to a partner key');
  });

  test('issues a key that expires and runs trusted documents only, and list-keys shows both', async () => {
    const target = await createTestDatabaseTarget('access-cli');
    const dataDir = mkdtempSync(join(tmpdir(), 'access-cli-'));
    const env: Record<string, string> = target.url ? { ACCESS_DATABASE_URL: target.url } : { DATA_DIR: dataDir };
    try {
      // The commands' embedded access store starts from the run's empty cluster rather than their own initdb.
      if (!target.url) await prepareTestDataFolder(join(dataDir, 'access'));
      const issue = runNode(
        cli,
        [
          'issue-key',
          '--partner',
          syntheticId('organization', 'BRC'),
          '--name',
          'winter distribution',
          '--scopes',
          'people:read',
          '--expires-at',
          '2099-03-31',
          '--trusted-documents-only',
        ],
        env,
      );
      expect(await issue.exited).toBe(0);
      const id = /^Key ([0-9a-f]{16}) /.exec(issue.stdout())?.[1];
      expect(issue.stdout()).toContain('expires 2099-03-31T00:00:00.000Z, trusted documents only');
      const list = runNode(cli, ['list-keys'], env);
      expect(await list.exited).toBe(0);
      expect(list.stdout()).toMatch(new RegExp(`^${id} .*winter distribution.*expires 2099-03-31T00:00:00\\.000Z  trusted documents only`, 'm'));
    } finally {
      await target.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
