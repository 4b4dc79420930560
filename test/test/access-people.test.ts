import { type Principal } from '@movement/runtime';
import { detentionPlaces, syntheticId } from '@movement/runtime/demo';
import { postGraphQL } from '@movement/runtime/testing';
import { startTestGraph, type TestGraph } from './harness';
import { everyPersonField, identityViewProblems, withheldPersonFields } from './identity-view';

/**
 * Who sees which records of the people subgraph, through the gateway as the demo principals:
 * the Belarus and Russian Red Cross see what they recorded or what was shared with them, the ICRC
 * (mandate) sees everything, the family-links app acts for ICRC-MOSCOW without the mandate. What
 * each sees is compared with the database rows; children's identifying fields follow the
 * sensitive scope and are audited; writes in another partner's name are refused.
 */

let graph: TestGraph;

const org = (key: string) => syntheticId('organization', key);
const ICRC = org('ICRC-MOSCOW');
const RRC = org('RRC');
const BRC = org('BRC');
const RRC_KURSK = org('RRC-KURSK');

type Caller = 'icrc' | 'russianRedCross' | 'belarusRedCross' | 'app';
/** The partner each demo caller acts for, and whether it holds the mandate. */
const callers: Record<Caller, { partnerId: string; mandate: boolean }> = {
  icrc: { partnerId: ICRC, mandate: true },
  russianRedCross: { partnerId: RRC, mandate: false },
  belarusRedCross: { partnerId: BRC, mandate: false },
  app: { partnerId: ICRC, mandate: false },
};

interface Owned {
  id: string;
  recordedById: string;
  sharedWithIds: string[];
}

const sql = <T>(text: string, params: unknown[] = []) => graph.graph.subgraphs.people.database.driver.query<T>(text, params);
const visibleTo = (caller: Caller, row: Owned) =>
  callers[caller].mandate || row.recordedById === callers[caller].partnerId || row.sharedWithIds.includes(callers[caller].partnerId);
const visibleIds = async (caller: Caller, table: string, where = 'TRUE') => {
  const rows = await sql<Owned>(`SELECT "id", "recordedById", "sharedWithIds" FROM "people"."${table}" WHERE ${where}`);
  return new Set(rows.filter((row) => visibleTo(caller, row)).map((row) => row.id));
};
const share = (table: string, id: string, recordedById: string, sharedWithIds: string[]) =>
  sql(`UPDATE "people"."${table}" SET "recordedById" = $2, "sharedWithIds" = $3::uuid[] WHERE "id" = $1`, [id, recordedById, sharedWithIds]);

/** A partner acting directly on the people subgraph, with the detention scopes no demo partner has. */
const partnerPrincipal = (partnerId: string | null, scopes: string[] = []): Principal => ({
  subject: `test:${partnerId ?? 'none'}`,
  kind: partnerId ? 'partner' : 'app',
  partnerId,
  scopes: ['people:read', 'people:write', 'detention:read', 'detention:write', ...scopes],
});
const direct = <T>(query: string, variables: Record<string, unknown>, as: Principal) =>
  postGraphQL<T>(graph.graph.subgraphs.people.service.url, query, variables, {}, { as });

// Arranged in beforeAll from the seeded rows.
const ids: Record<string, string> = {};

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'access-people' });
  // An adult recorded by BRC and shared with nobody; another recorded by RRC and shared with BRC.
  const adults = await sql<{ id: string }>(`SELECT "id" FROM "people"."Person" WHERE "birthYear" < 1990 AND "lastSeenAtId" IS NOT NULL ORDER BY "id" LIMIT 4`);
  [ids.brcOnly, ids.rrcSharedWithBrc, ids.rrcOnly, ids.enquirer] = adults.map((row) => row.id);
  await share('Person', ids.brcOnly, BRC, []);
  await share('Person', ids.rrcSharedWithBrc, RRC, [BRC]);
  await share('Person', ids.rrcOnly, RRC, []);
  await share('Person', ids.enquirer, RRC, []);
  // A child recorded by RRC with a known date, place and family.
  const [child] = await sql<{ id: string }>(
    `SELECT p."id" FROM "people"."Person" p WHERE p."birthDate" > DATE '2012-01-01' AND p."lastSeenAtId" IS NOT NULL AND p."lastSeenOn" IS NOT NULL
       AND EXISTS (SELECT 1 FROM "people"."FamilyLink" l WHERE l."personId" = p."id") ORDER BY p."id" LIMIT 1`,
  );
  ids.child = child.id;
  await share('Person', ids.child, RRC, []);
  // Family: the person RRC shares with BRC has a sibling hidden from BRC and one BRC recorded.
  for (const [n, relative] of [ids.rrcOnly, ids.brcOnly].entries()) {
    await sql(
      `INSERT INTO "people"."FamilyLink" ("id", "personId", "relativeId", "relationship", "recordedById", "sharedWithIds") VALUES ($1, $2, $3, 'SIBLING', $4, '{}')`,
      [syntheticId('family-link', 900_000 + n), ids.rrcSharedWithBrc, relative, RRC],
    );
  }
  // A tracing request recorded by RRC, shared with BRC, about people BRC cannot see directly.
  const [request] = await sql<{ id: string }>(`SELECT "id" FROM "people"."TracingRequest" WHERE "status" = 'SEARCHING' ORDER BY "id" LIMIT 1`);
  ids.sharedRequest = request.id;
  await sql(
    `UPDATE "people"."TracingRequest" SET "enquirerId" = $2, "soughtPersonId" = $3, "recordedById" = $4, "sharedWithIds" = $5::uuid[] WHERE "id" = $1`,
    [ids.sharedRequest, ids.enquirer, ids.rrcOnly, RRC, [BRC]],
  );
  const [hidden] = await sql<{ id: string }>(`SELECT "id" FROM "people"."TracingRequest" WHERE "status" = 'OPEN' ORDER BY "id" LIMIT 1`);
  ids.hiddenRequest = hidden.id;
  // It seeks the same person as the shared one, so that person has a request BRC may not see.
  await sql(`UPDATE "people"."TracingRequest" SET "soughtPersonId" = $2, "recordedById" = $3, "sharedWithIds" = '{}' WHERE "id" = $1`, [
    ids.hiddenRequest,
    ids.rrcOnly,
    RRC,
  ]);
  // Detention: one record BRC recorded, one recorded by ICRC-MINSK shared with nobody.
  const records = await sql<{ id: string; personId: string }>(
    `SELECT "id", "personId" FROM "people"."DetentionRecord" ORDER BY "captureDate" DESC, "id" DESC LIMIT 2`,
  );
  [ids.brcDetention, ids.hiddenDetention] = records.map((row) => row.id);
  ids.hiddenDetainee = records[1].personId;
  await share('DetentionRecord', ids.brcDetention, BRC, []);
  await share('DetentionRecord', ids.hiddenDetention, org('ICRC-MINSK'), []);
  await share('Person', records[0].personId, org('ICRC-MINSK'), []);
  ids.brcDetainee = records[0].personId;
}, 180_000);

afterAll(async () => {
  await graph?.stop();
});

type Page = { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Walks a whole list as `caller`, `size` at a time, checking every page but the last is full. */
async function walk(caller: Caller, field: 'people' | 'tracingRequests', size: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: { list: Page }; errors?: unknown[] } = await graph.query<{ list: Page }>(
      `query($after: String) { list: ${field}(first: ${size}, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      graph.as(caller),
    );
    expect(result.errors).toBeUndefined();
    const page: Page = result.data!.list;
    seen.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return seen;
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor;
  }
}

describe('lists show exactly the records a partner recorded or was shared', () => {
  test.each(Object.keys(callers) as Caller[])(
    'people and tracing requests as %s',
    async (caller) => {
      for (const [field, table] of [
        ['people', 'Person'],
        ['tracingRequests', 'TracingRequest'],
      ] as const) {
        const expected = await visibleIds(caller, table);
        const seen = await walk(caller, field, 17);
        expect(new Set(seen).size).toBe(seen.length);
        expect(new Set(seen)).toEqual(expected);
      }
    },
    60_000,
  );

  test('a partner sees the records of its own partner only, not those of its branches', async () => {
    const brc = new Set(await walk('belarusRedCross', 'people', 100));
    const [gomel] = await sql<{ id: string }>(`SELECT "id" FROM "people"."Person" WHERE "recordedById" = $1 AND NOT ($2 = ANY("sharedWithIds")) LIMIT 1`, [
      org('BRC-GOMEL'),
      BRC,
    ]);
    expect(brc.has(gomel.id)).toBe(false);
    expect(brc.has(ids.brcOnly)).toBe(true);
    expect(brc.has(ids.rrcSharedWithBrc)).toBe(true);
    expect(brc.has(ids.rrcOnly)).toBe(false);
  });

  test('people last seen at a place: only visible ones, pages still full', async () => {
    const [place] = await sql<{ lastSeenAtId: string }>(`SELECT "lastSeenAtId" FROM "people"."Person" WHERE "id" = $1`, [ids.brcOnly]);
    for (const caller of ['belarusRedCross', 'icrc'] as const) {
      const expected = await visibleIds(caller, 'Person', `"lastSeenAtId" = '${place.lastSeenAtId}' AND "lastSeenOn" IS NOT NULL`);
      const result = await graph.query<{ location: { peopleLastSeenHere: Page } }>(
        `query($id: ID!) { location(id: $id) { peopleLastSeenHere(first: 100) { edges { node { id } } pageInfo { hasNextPage } } } }`,
        { id: place.lastSeenAtId },
        graph.as(caller),
      );
      expect(result.errors).toBeUndefined();
      expect(new Set(result.data!.location.peopleLastSeenHere.edges.map((edge) => edge.node.id))).toEqual(expected);
      const firstTwo = await graph.query<{ location: { peopleLastSeenHere: Page } }>(
        `query($id: ID!) { location(id: $id) { peopleLastSeenHere(first: 2) { edges { node { id } } pageInfo { hasNextPage } } } }`,
        { id: place.lastSeenAtId },
        graph.as(caller),
      );
      expect(firstTwo.data!.location.peopleLastSeenHere.edges).toHaveLength(Math.min(2, expected.size));
      expect(firstTwo.data!.location.peopleLastSeenHere.pageInfo.hasNextPage).toBe(expected.size > 2);
    }
  });
});

describe('by id, by entity reference and nested', () => {
  test('a hidden person, request or record is null as if absent, with no error', async () => {
    const query = `query($p: ID!, $t: ID!) { person(id: $p) { id } tracingRequest(id: $t) { id } }`;
    const hidden = await graph.query(query, { p: ids.rrcOnly, t: ids.hiddenRequest }, graph.as('belarusRedCross'));
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({ person: null, tracingRequest: null });
    const own = await graph.query(query, { p: ids.brcOnly, t: ids.sharedRequest }, graph.as('belarusRedCross'));
    expect(own.data).toEqual({ person: { id: ids.brcOnly }, tracingRequest: { id: ids.sharedRequest } });
    const mandate = await graph.query(query, { p: ids.rrcOnly, t: ids.hiddenRequest }, graph.as('icrc'));
    expect(mandate.data).toEqual({ person: { id: ids.rrcOnly }, tracingRequest: { id: ids.hiddenRequest } });
    // The app acts for ICRC-MOSCOW without the mandate: RRC's record is hidden from it.
    expect((await graph.query(query, { p: ids.rrcOnly, t: ids.hiddenRequest }, graph.as('app'))).data).toEqual({ person: null, tracingRequest: null });
  });

  test("entity references resolve to null for hidden records; a person named by another subgraph's record is shown, identity only", async () => {
    const brc = partnerPrincipal(BRC);
    const result = await direct<{ _entities: Array<{ id: string; fullName?: string; sex?: string | null } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName sex } ... on TracingRequest { id } ... on DetentionRecord { id } } }`,
      {
        r: [
          { __typename: 'Person', id: ids.rrcOnly },
          { __typename: 'Person', id: ids.brcOnly },
          { __typename: 'TracingRequest', id: ids.hiddenRequest },
          { __typename: 'TracingRequest', id: ids.sharedRequest },
          { __typename: 'DetentionRecord', id: ids.hiddenDetention },
          { __typename: 'DetentionRecord', id: ids.brcDetention },
        ],
      },
      brc,
    );
    // Other subgraphs name people only from records the caller may see: such a person is shown
    // (not null as if the record named nobody), in the identity-only view.
    expect(result.data!._entities).toEqual([
      { id: ids.rrcOnly, fullName: expect.any(String), sex: null },
      { id: ids.brcOnly, fullName: expect.any(String), sex: expect.any(String) },
      null,
      { id: ids.sharedRequest },
      null,
      { id: ids.brcDetention },
    ]);
    expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions?.code, error.extensions?.coordinate])).toEqual([
      ['_entities.0.sex', 'FORBIDDEN', 'Person.sex'],
    ]);
  });

  test('a shared request shows the people it is about in the identity-only view: names and birth year, every other field FORBIDDEN', async () => {
    const query = `query($t: ID!) { tracingRequest(id: $t) { enquirer ${everyPersonField} soughtPerson ${everyPersonField} } }`;
    const rows = await sql<{ id: string; givenName: string; familyName: string; birthYear: number | null }>(
      `SELECT "id", "givenName", "familyName", "birthYear" FROM "people"."Person" WHERE "id" = ANY($1::uuid[])`,
      [[ids.enquirer, ids.rrcOnly]],
    );
    const identity = (id: string) => {
      const row = rows.find((candidate) => candidate.id === id)!;
      return { id, givenName: row.givenName, familyName: row.familyName, fullName: `${row.givenName} ${row.familyName}`, birthYear: row.birthYear };
    };
    const brc = await graph.query(query, { t: ids.sharedRequest }, graph.as('belarusRedCross'));
    expect(identityViewProblems(brc, ['tracingRequest', 'enquirer'], identity(ids.enquirer))).toEqual([]);
    expect(identityViewProblems(brc, ['tracingRequest', 'soughtPerson'], identity(ids.rrcOnly))).toEqual([]);
    // Only the withheld fields are refused, each once.
    expect(brc.errors).toHaveLength(2 * withheldPersonFields.length);
    // On their own they stay hidden.
    const alone = await graph.query(
      `query($e: ID!, $s: ID!) { e: person(id: $e) { id } s: person(id: $s) { id } }`,
      { e: ids.enquirer, s: ids.rrcOnly },
      graph.as('belarusRedCross'),
    );
    expect(alone).toMatchObject({ data: { e: null, s: null } });
    expect(alone.errors).toBeUndefined();
    // The recorder sees them in full: nothing is refused but what its scopes do not cover.
    const rrc = await graph.query<{ tracingRequest: { soughtPerson: Record<string, unknown> } }>(query, { t: ids.sharedRequest }, graph.as('russianRedCross'));
    expect(rrc.errors?.map((error) => error.extensions?.coordinate).sort()).toEqual([
      'Person.detentionRecords',
      'Person.detentionRecords',
      'Person.vulnerabilities',
      'Person.vulnerabilities',
    ]);
    expect(rrc.data!.tracingRequest.soughtPerson).toMatchObject({
      sex: expect.any(String),
      status: expect.any(String),
      recordedBy: { __typename: 'Organization' },
    });
  });

  test('a person visible on their own keeps the full view when reached through a record', async () => {
    await share('Person', ids.enquirer, RRC, [BRC]);
    try {
      const result = await graph.query<{ tracingRequest: { enquirer: Record<string, unknown> } }>(
        `query($t: ID!) { tracingRequest(id: $t) { enquirer { id sex status purpose recordedBy { id } messagesSent { __typename } assistanceReceived { __typename } } } }`,
        { t: ids.sharedRequest },
        graph.as('belarusRedCross'),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.tracingRequest.enquirer).toMatchObject({
        id: ids.enquirer,
        sex: expect.any(String),
        recordedBy: { id: RRC },
        messagesSent: { __typename: 'RedCrossMessageConnection' },
      });
    } finally {
      await share('Person', ids.enquirer, RRC, []);
    }
  });

  test('family links to hidden relatives and hidden tracing requests are left out of a person', async () => {
    const query = `query($p: ID!) { person(id: $p) { familyLinks { edges { node { relative { id } } } } tracingRequests { edges { node { id } } } } }`;
    const links = await sql<{ relativeId: string }>(`SELECT "relativeId" FROM "people"."FamilyLink" WHERE "personId" = $1`, [ids.rrcSharedWithBrc]);
    const visible = await visibleIds('belarusRedCross', 'Person', `"id" IN (${links.map((link) => `'${link.relativeId}'`).join(', ')})`);
    type Links = { person: { familyLinks: { edges: Array<{ node: { relative: { id: string } } }> } } };
    const brc = await graph.query<Links>(query, { p: ids.rrcSharedWithBrc }, graph.as('belarusRedCross'));
    expect(brc.errors).toBeUndefined();
    expect(new Set(brc.data!.person.familyLinks.edges.map((edge) => edge.node.relative.id))).toEqual(visible);
    expect(visible.has(ids.brcOnly)).toBe(true);
    expect(visible.has(ids.rrcOnly)).toBe(false);
    const icrc = await graph.query<Links>(query, { p: ids.rrcSharedWithBrc }, graph.as('icrc'));
    expect(icrc.data!.person.familyLinks.edges.map((edge) => edge.node.relative.id)).toEqual(expect.arrayContaining([ids.rrcOnly, ids.brcOnly]));

    // Hidden links are filtered inside the page, not after it: pages of one hold exactly the
    // visible links, and the last visible one says no page follows.
    const pageQuery = `query($p: ID!, $after: String) { person(id: $p) { familyLinks(first: 1, after: $after) { edges { node { relative { id } } } pageInfo { hasNextPage endCursor } } } }`;
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        data?: {
          person: { familyLinks: { edges: Array<{ node: { relative: { id: string } } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        };
      } = await graph.query(pageQuery, { p: ids.rrcSharedWithBrc, after }, graph.as('belarusRedCross'));
      const { edges, pageInfo } = page.data!.person.familyLinks;
      expect(edges).toHaveLength(1);
      paged.push(...edges.map((edge) => edge.node.relative.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    expect(paged.sort()).toEqual([...visible].sort());

    // The sought person's requests, once BRC may see the person: the shared one only, for BRC.
    const seeking = await sql<Owned>(`SELECT "id", "recordedById", "sharedWithIds" FROM "people"."TracingRequest" WHERE "soughtPersonId" = $1`, [ids.rrcOnly]);
    const requests = `query($t: ID!) { tracingRequest(id: $t) { soughtPerson { tracingRequests { edges { node { id } } } } } }`;
    await share('Person', ids.rrcOnly, RRC, [BRC]);
    try {
      const nested = await graph.query<{ tracingRequest: { soughtPerson: { tracingRequests: { edges: Array<{ node: { id: string } }> } } } }>(
        requests,
        { t: ids.sharedRequest },
        graph.as('belarusRedCross'),
      );
      expect(nested.errors).toBeUndefined();
      const nestedIds = nested.data!.tracingRequest.soughtPerson.tracingRequests.edges.map((edge) => edge.node.id);
      expect(seeking.length).toBeGreaterThan(nestedIds.length);
      expect(nestedIds.sort()).toEqual(
        seeking
          .filter((row) => visibleTo('belarusRedCross', row))
          .map((row) => row.id)
          .sort(),
      );
    } finally {
      await share('Person', ids.rrcOnly, RRC, []);
    }
  });

  test("detention records: lists, by id and a person's records follow ownership", async () => {
    const brc = partnerPrincipal(BRC);
    const expected = await visibleIds('belarusRedCross', 'DetentionRecord');
    const list = await direct<{ detentionRecords: Page }>(
      `{ detentionRecords(first: 100) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      {},
      brc,
    );
    expect(list.errors).toBeUndefined();
    expect(new Set(list.data!.detentionRecords.edges.map((edge) => edge.node.id))).toEqual(expected);
    expect(expected.has(ids.brcDetention)).toBe(true);
    expect(expected.has(ids.hiddenDetention)).toBe(false);

    const byId = await direct<{ a: { person: { id: string } } | null; b: unknown }>(
      `query($a: ID!, $b: ID!) { a: detentionRecord(id: $a) { person { id fullName } } b: detentionRecord(id: $b) { id } }`,
      { a: ids.brcDetention, b: ids.hiddenDetention },
      brc,
    );
    expect(byId.errors).toBeUndefined();
    // The detainee is shown with the record although their person record is ICRC-MINSK's alone.
    expect(byId.data!.a!.person.id).toBe(ids.brcDetainee);
    expect(byId.data!.b).toBeNull();

    // Under the mandate the hidden detainee's records are listed; for BRC (were it visible) none are.
    await share('Person', ids.hiddenDetainee, BRC, []);
    type Records = { person: { detentionRecords: { edges: Array<{ node: { id: string } }> } } };
    const nested = await direct<Records>(`query($p: ID!) { person(id: $p) { detentionRecords { edges { node { id } } } } }`, { p: ids.hiddenDetainee }, brc);
    expect(nested.errors).toBeUndefined();
    expect(nested.data!.person.detentionRecords.edges.map((edge) => edge.node.id)).not.toContain(ids.hiddenDetention);
    const all = await direct<Records>(
      `query($p: ID!) { person(id: $p) { detentionRecords { edges { node { id } } } } }`,
      { p: ids.hiddenDetainee },
      partnerPrincipal(null, ['mandate:all-records']),
    );
    expect(all.data!.person.detentionRecords.edges.map((edge) => edge.node.id)).toContain(ids.hiddenDetention);
  });

  test('a principal acting for no partner and without the mandate sees no records', async () => {
    const nobody = partnerPrincipal(null);
    const result = await direct<{ people: Page; tracingRequests: Page; detentionRecords: Page }>(
      `{ people(first: 5) { edges { node { id } } pageInfo { hasNextPage } } tracingRequests(first: 5) { edges { node { id } } pageInfo { hasNextPage } }
         detentionRecords(first: 5) { edges { node { id } } pageInfo { hasNextPage } } }`,
      {},
      nobody,
    );
    expect(result.errors).toBeUndefined();
    for (const list of Object.values(result.data!)) expect(list).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });
});

describe('search and possible matches propose visible people only', () => {
  test('searchPeople ranks among the people the partner may see, in full pages', async () => {
    // A namesake of BRC's person, registered by RRC: hidden from BRC.
    const [person] = await sql<{ givenName: string; familyName: string }>(`SELECT "givenName", "familyName" FROM "people"."Person" WHERE "id" = $1`, [
      ids.brcOnly,
    ]);
    const name = `${person.givenName} ${person.familyName}`;
    const twin = await graph.query<{ registerPerson: { id: string } }>(
      `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`,
      {
        input: {
          givenName: person.givenName,
          familyName: person.familyName,
          sex: 'UNKNOWN',
          status: 'MISSING',
          purpose: 'restoring family links',
          legalBasis: 'VITAL_INTEREST',
          recordedById: RRC,
        },
      },
      graph.as('russianRedCross'),
    );
    expect(twin.errors).toBeUndefined();
    const query = `query($name: String!) { searchPeople(name: $name, first: 50) { person { id } } }`;
    const everyone = await graph.query<{ searchPeople: Array<{ person: { id: string } }> }>(query, { name }, graph.as('icrc'));
    const brcVisible = await visibleIds('belarusRedCross', 'Person');
    expect(everyone.data!.searchPeople.map((r) => r.person.id)).toEqual(expect.arrayContaining([ids.brcOnly, twin.data!.registerPerson.id]));
    expect(brcVisible.has(twin.data!.registerPerson.id)).toBe(false);
    for (const caller of ['belarusRedCross', 'app'] as const) {
      const visible = await visibleIds(caller, 'Person');
      const found = await graph.query<{ searchPeople: Array<{ person: { id: string } }> }>(query, { name }, graph.as(caller));
      expect(found.errors).toBeUndefined();
      const foundIds = found.data!.searchPeople.map((r) => r.person.id);
      expect(foundIds.every((id) => visible.has(id))).toBe(true);
      // Filtering inside the SQL keeps every visible match the unrestricted search found, in its order.
      const expected = everyone.data!.searchPeople.map((r) => r.person.id).filter((id) => visible.has(id));
      if (caller === 'belarusRedCross') expect(expected.length).toBeGreaterThan(0);
      expect(foundIds.filter((id) => expected.includes(id))).toEqual(expected);
    }
  });

  test('possible matches of a shared request are visible people', async () => {
    const query = `query($t: ID!) { tracingRequest(id: $t) { possibleMatches(first: 50) { person { id } } } }`;
    const all = await graph.query<{ tracingRequest: { possibleMatches: Array<{ person: { id: string } }> } }>(
      query,
      { t: ids.sharedRequest },
      graph.as('icrc'),
    );
    const brc = await graph.query<{ tracingRequest: { possibleMatches: Array<{ person: { id: string } }> } }>(
      query,
      { t: ids.sharedRequest },
      graph.as('belarusRedCross'),
    );
    expect(brc.errors).toBeUndefined();
    const visible = await visibleIds('belarusRedCross', 'Person');
    const brcIds = brc.data!.tracingRequest.possibleMatches.map((m) => m.person.id);
    expect(brcIds.every((id) => visible.has(id))).toBe(true);
    const allIds = all.data!.tracingRequest.possibleMatches.map((m) => m.person.id);
    expect(allIds.some((id) => !visible.has(id))).toBe(true);
    expect(brcIds).toEqual(expect.arrayContaining(allIds.filter((id) => visible.has(id))));
  });
});

describe('children', () => {
  const childQuery = `query ChildFile($id: ID!) { person(id: $id) { id fullName isMinor birthDate lastSeenAt { id } lastSeenOn familyLinks { edges { node { relationship } } } } }`;

  test('without people:read:sensitive the identifying fields of a child are FORBIDDEN, the rest answers', async () => {
    const result = await graph.query<{ person: Record<string, unknown> }>(childQuery, { id: ids.child }, graph.as('russianRedCross'));
    expect(result.data!.person).toEqual({
      id: ids.child,
      fullName: expect.any(String),
      isMinor: true,
      birthDate: null,
      lastSeenAt: null,
      lastSeenOn: null,
      familyLinks: null,
    });
    const byPath = Object.fromEntries((result.errors ?? []).map((error) => [error.path?.join('.'), [error.extensions?.code, error.extensions?.coordinate]]));
    expect(byPath).toEqual({
      'person.birthDate': ['FORBIDDEN', 'Person.birthDate'],
      'person.lastSeenAt': ['FORBIDDEN', 'Person.lastSeenAt'],
      'person.lastSeenOn': ['FORBIDDEN', 'Person.lastSeenOn'],
      'person.familyLinks': ['FORBIDDEN', 'Person.familyLinks'],
    });
    // An adult's same fields answer without the scope.
    const adult = await graph.query<{ person: Record<string, unknown> }>(childQuery, { id: ids.rrcOnly }, graph.as('russianRedCross'));
    expect(adult.errors).toBeUndefined();
    expect(adult.data!.person).toMatchObject({ isMinor: false, lastSeenAt: { id: expect.any(String) } });
  });

  test('with the scope they answer, and each read is in the audit trail', async () => {
    const result = await graph.query<{ person: Record<string, unknown> }>(childQuery, { id: ids.child }, graph.as('icrc'));
    expect(result.errors).toBeUndefined();
    const [row] = await sql<{ birthDate: string }>(`SELECT to_char("birthDate", 'YYYY-MM-DD') AS "birthDate" FROM "people"."Person" WHERE "id" = $1`, [
      ids.child,
    ]);
    expect(result.data!.person).toMatchObject({
      isMinor: true,
      birthDate: row.birthDate,
      lastSeenAt: { id: expect.any(String) },
      lastSeenOn: expect.any(String),
    });
    const trail = await graph.admin<{ auditEntries: { edges: Array<{ node: Record<string, unknown> }> } }>(
      `query($person: ID!, $partner: ID!) { auditEntries(personId: $person, partnerId: $partner, first: 50) { edges { node { operationName recordType recordId field personIds } } } }`,
      { person: ids.child, partner: ICRC },
    );
    expect(trail.errors).toBeUndefined();
    const fields = trail.data!.auditEntries.edges.map((edge) => edge.node).filter((entry) => entry.operationName === 'ChildFile');
    expect(fields.map((entry) => entry.field).sort()).toEqual(['birthDate', 'familyLinks', 'lastSeenAt', 'lastSeenOn']);
    expect(
      fields.every((entry) => entry.recordType === 'Person' && entry.recordId === ids.child && JSON.stringify(entry.personIds) === JSON.stringify([ids.child])),
    ).toBe(true);
  });
});

describe('writes: a partner acts only as itself, and only on records it may see', () => {
  const REGISTER = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id recordedBy { id } } }`;
  const newPerson = (recordedById: string, familyName: string) => ({
    givenName: 'Тест',
    familyName,
    sex: 'FEMALE',
    status: 'CIVILIAN',
    purpose: 'restoring family links',
    legalBasis: 'CONSENT',
    recordedById,
  });
  const countNamed = async (familyName: string) =>
    Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "people"."Person" WHERE "familyName" = $1`, [familyName]))[0].n);

  test("recording in another partner's name is FORBIDDEN naming the field, and nothing is written", async () => {
    const refused = await graph.query(REGISTER, { input: newPerson(BRC, 'Чужая') }, graph.as('russianRedCross'));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.recordedById' });
    expect(await countNamed('Чужая')).toBe(0);

    const own = await graph.query<{ registerPerson: { id: string; recordedBy: { id: string } } }>(
      REGISTER,
      { input: newPerson(RRC, 'Своя') },
      graph.as('russianRedCross'),
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.registerPerson.recordedBy.id).toBe(RRC);
    // Under the mandate the ICRC may record for a National Society's branch.
    const mandate = await graph.query<{ registerPerson: { recordedBy: { id: string } } }>(
      REGISTER,
      { input: newPerson(RRC_KURSK, 'Мандат') },
      graph.as('icrc'),
    );
    expect(mandate.data!.registerPerson.recordedBy.id).toBe(RRC_KURSK);

    const link = await graph.query(
      `mutation($input: LinkFamilyMembersInput!) { linkFamilyMembers(input: $input) { id } }`,
      { input: { personId: own.data!.registerPerson.id, relativeId: ids.rrcOnly, relationship: 'SIBLING', recordedById: ICRC } },
      graph.as('russianRedCross'),
    );
    expect(link.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.recordedById' });
    const confirm = await graph.query(
      `mutation($t: ID!, $p: ID!, $by: ID!) { confirmPossibleMatch(tracingRequestId: $t, personId: $p, recordedById: $by) { id } }`,
      { t: ids.hiddenRequest, p: ids.rrcOnly, by: BRC },
      graph.as('russianRedCross'),
    );
    expect(confirm.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'recordedById' });
  });

  test('changing a record the partner cannot see is NOT_FOUND, as if absent, and changes nothing', async () => {
    // RRC has people:write; the BRC-only person and a request shared with nobody are hidden from it.
    await share('TracingRequest', ids.hiddenRequest, BRC, []);
    const [before] = await sql<{ nationality: string | null }>(`SELECT "nationality" FROM "people"."Person" WHERE "id" = $1`, [ids.brcOnly]);
    const update = await graph.query(
      `mutation($id: ID!) { updatePerson(id: $id, input: { nationality: "FR" }) { id } }`,
      { id: ids.brcOnly },
      graph.as('russianRedCross'),
    );
    expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const change = await graph.query(
      `mutation($id: ID!) { changeTracingStatus(id: $id, status: SEARCHING) { id } }`,
      { id: ids.hiddenRequest },
      graph.as('russianRedCross'),
    );
    expect(change.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const reject = await graph.query(
      `mutation($t: ID!, $p: ID!, $by: ID!) { rejectPossibleMatch(tracingRequestId: $t, personId: $p, recordedById: $by) { id } }`,
      { t: ids.hiddenRequest, p: ids.rrcOnly, by: RRC },
      graph.as('russianRedCross'),
    );
    expect(reject.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'tracingRequestId' });
    const [request] = await sql<{ status: string }>(`SELECT "status"::text AS status FROM "people"."TracingRequest" WHERE "id" = $1`, [ids.hiddenRequest]);
    expect(request.status).toBe('OPEN');
    expect((await sql(`SELECT 1 FROM "people"."TracingMatchRejection" WHERE "tracingRequestId" = $1`, [ids.hiddenRequest])).length).toBe(0);
    const [person] = await sql<{ nationality: string | null }>(`SELECT "nationality" FROM "people"."Person" WHERE "id" = $1`, [ids.brcOnly]);
    expect(person.nationality).toBe(before.nationality);
    expect(before.nationality).not.toBe('FR');

    // Naming a hidden person in a new request is refused like naming a missing one.
    const open = await graph.query(
      `mutation($input: OpenTracingRequestInput!) { openTracingRequest(input: $input) { id } }`,
      { input: { enquirerId: ids.brcOnly, soughtPersonId: ids.rrcOnly, enquirerRelationship: 'SIBLING', circumstances: 'Lost contact.', recordedById: RRC } },
      graph.as('russianRedCross'),
    );
    expect(open.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.enquirerId' });
  });

  test('detention writes: own name only, on visible records only', async () => {
    const brc = partnerPrincipal(BRC);
    const register = await direct(
      `mutation($input: RegisterDetentionInput!) { registerDetention(input: $input) { id } }`,
      {
        input: {
          personId: ids.brcOnly,
          placeOfDetentionId: syntheticId('location', detentionPlaces[0]),
          captureDate: '2025-01-10',
          registrationNumber: 'BRC-TEST-1',
          recordedById: RRC,
        },
      },
      brc,
    );
    expect(register.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.recordedById' });
    expect((await sql(`SELECT 1 FROM "people"."DetentionRecord" WHERE "registrationNumber" = 'BRC-TEST-1'`)).length).toBe(0);

    const ACCESS = `mutation($id: ID!, $partner: ID) { recordAccessRequest(detentionRecordId: $id, status: REQUESTED, partnerId: $partner) { id accessHistory(first: 1) { partner { id } } } }`;
    const hidden = await direct(ACCESS, { id: ids.hiddenDetention }, brc);
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'detentionRecordId' });
    const otherPartner = await direct(ACCESS, { id: ids.brcDetention, partner: ICRC }, brc);
    expect(otherPartner.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'partnerId' });

    // A record shared with BRC but recorded by another: BRC's step is recorded in BRC's name.
    await share('DetentionRecord', ids.hiddenDetention, org('ICRC-MINSK'), [BRC]);
    await sql(`UPDATE "people"."DetentionRecord" SET "accessStatus" = 'NOT_REQUESTED' WHERE "id" = $1`, [ids.hiddenDetention]);
    const shared = await direct<{ recordAccessRequest: { accessHistory: Array<{ partner: { id: string } }> } }>(ACCESS, { id: ids.hiddenDetention }, brc);
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.recordAccessRequest.accessHistory[0].partner.id).toBe(BRC);

    const visit = await direct(
      `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`,
      { input: { detentionRecordId: ids.brcDetention, visitedOn: '2026-01-10', visitedById: ICRC, privateInterview: true, recordedById: ICRC } },
      brc,
    );
    expect(visit.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.recordedById' });
  });
});
