import { type Principal } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { postGraphQL } from '@movement/runtime/testing';
import { startTestGraph, type TestGraph } from './harness';
import { everyPersonField, identityViewProblems } from './identity-view';

/**
 * Partner access to assistance through the gateway: a partner sees an assistance record or a
 * reunification support only when its partner recorded it or it is shared with it, the ICRC
 * (mandate) sees all, programmes, distributions and reports are not filtered, and nobody records
 * as another partner.
 */

let graph: TestGraph;

// 200 people (the size of the shared graph, whose template every run makes) → records from every programme's partner, so BRC, RRC and the ICRC each have
// records of their own, records shared with them and records hidden from them.
beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'accessassist' });
});

afterAll(async () => {
  await graph?.stop();
});

const org = (key: string) => syntheticId('organization', key);
const person = (i: number) => syntheticId('person', i);
const BRC = org('BRC');
const RRC = org('RRC');
const ICRC = org('ICRC-MOSCOW');
type Caller = 'belarusRedCross' | 'russianRedCross' | 'icrc';
const callers: Caller[] = ['belarusRedCross', 'russianRedCross', 'icrc'];
const partnerOf: Record<Caller, string> = { belarusRedCross: BRC, russianRedCross: RRC, icrc: ICRC };

interface Row {
  id: string;
  parentId: string;
  recordedById: string;
  sharedWithIds: string[];
}

const db = () => graph.graph.subgraphs.assistance.database.driver;

/** Drivers differ in how they return uuid arrays; normalise to string[]. */
const ids = (value: string[] | string): string[] => (Array.isArray(value) ? value : String(value).replace(/[{}]/g, '').split(',').filter(Boolean));

/** Rows of `table` straight from the database, with `parentColumn` as parentId, in `order`. */
async function rows(
  table: 'AssistanceRecord' | 'ReunificationSupport',
  parentColumn: string,
  order: string,
  where = 'TRUE',
  params: unknown[] = [],
): Promise<Row[]> {
  const found = await db().query<{ id: string; parentId: string; recordedById: string; sharedWithIds: string[] | string }>(
    `SELECT "id"::text AS id, "${parentColumn}"::text AS "parentId", "recordedById"::text AS "recordedById", "sharedWithIds"::text[] AS "sharedWithIds"
     FROM "assistance"."${table}" WHERE ${where} ORDER BY ${order}`,
    params,
  );
  return found.map((row) => ({ ...row, sharedWithIds: ids(row.sharedWithIds) }));
}

/** The rule, written out independently of the subgraph: recorded by or shared with the partner, or the mandate. */
const visibleTo = (caller: Caller) => (row: Row) =>
  caller === 'icrc' || row.recordedById === partnerOf[caller] || row.sharedWithIds.includes(partnerOf[caller]);
const own = (caller: Caller) => (row: Row) => row.recordedById === partnerOf[caller];
const sharedOnly = (caller: Caller) => (row: Row) => row.recordedById !== partnerOf[caller] && row.sharedWithIds.includes(partnerOf[caller]);
const hidden = (caller: Caller) => (row: Row) => !visibleTo(caller)(row);

const RECORD_ASSISTANCE = `mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { id recordedBy { id } } }`;

const assistanceInput = (beneficiary: string, recordedBy: string, overrides: Record<string, unknown> = {}) => ({
  beneficiaryId: beneficiary,
  householdSize: 2,
  item: 'blanket',
  modality: 'IN_KIND',
  quantity: 2,
  unit: 'PIECE',
  date: '2024-12-10',
  locationId: syntheticId('location', 'RU-ROS-01-0001'),
  partnerId: recordedBy,
  recordedById: recordedBy,
  ...overrides,
});

/** A seeded person the people subgraph shows to `partnerId`'s principals (recorded by or shared with it). */
async function personVisibleTo(partnerId: string): Promise<string> {
  const [found] = await graph.graph.subgraphs.people.database.driver.query<{ id: string }>(
    `SELECT "id"::text AS id FROM "people"."Person" WHERE "recordedById" = $1::uuid OR "sharedWithIds" @> ARRAY[$1::uuid] ORDER BY "id" LIMIT 1`,
    [partnerId],
  );
  expect(found).toBeDefined();
  return found.id;
}

const RECORD = `query($id: ID!) { assistanceRecord(id: $id) { id recordedBy { id } sharedWith { id } } }`;

describe('assistance records by id', () => {
  // The seed shares no record with BRC: the ICRC records one for it, recorded by another partner.
  beforeAll(async () => {
    for (const [recordedBy, sharedWith] of [
      [org('ICRC-MINSK'), BRC],
      [org('RRC-KURSK'), RRC],
    ]) {
      const created = await graph.query(
        RECORD_ASSISTANCE,
        { input: assistanceInput(person(11), recordedBy, { sharedWithIds: [sharedWith] }) },
        graph.as('icrc'),
      );
      expect(created.errors).toBeUndefined();
    }
  });

  test.each(['belarusRedCross', 'russianRedCross'] as const)('as %s: hidden ones are null without an error, own and shared ones answer', async (caller) => {
    const all = await rows('AssistanceRecord', 'beneficiaryId', '"id"');
    const off = all.find(hidden(caller));
    const mine = all.find(own(caller));
    const shared = all.find(sharedOnly(caller));
    // The seed must give each partner all three kinds, or the test proves nothing.
    expect([off, mine, shared].every(Boolean)).toBe(true);

    const offRead = await graph.query<{ assistanceRecord: unknown }>(RECORD, { id: off!.id }, graph.as(caller));
    expect(offRead.errors).toBeUndefined();
    expect(offRead.data!.assistanceRecord).toBeNull();
    for (const row of [mine!, shared!]) {
      const read = await graph.query<{ assistanceRecord: { id: string; recordedBy: { id: string } } }>(RECORD, { id: row.id }, graph.as(caller));
      expect(read.errors).toBeUndefined();
      expect(read.data!.assistanceRecord).toMatchObject({ id: row.id, recordedBy: { id: row.recordedById } });
    }
    // The mandate sees the record hidden from the partner.
    const mandate = await graph.query<{ assistanceRecord: { id: string } | null }>(RECORD, { id: off!.id }, graph.as('icrc'));
    expect(mandate.data!.assistanceRecord).toMatchObject({ id: off!.id });
  });

  test('many records in one request answer exactly the visible ones for each principal', async () => {
    const all = await rows('AssistanceRecord', 'beneficiaryId', '"id"');
    // Spread over the whole table (the limit on aliases allows 30), so every recording partner appears.
    const sample = all.filter((_row, i) => i % Math.ceil(all.length / 25) === 0);
    const query = `query { ${sample.map((row, i) => `r${i}: assistanceRecord(id: "${row.id}") { id }`).join(' ')} }`;
    for (const caller of callers) {
      const result = await graph.query<Record<string, { id: string } | null>>(query, {}, graph.as(caller));
      expect(result.errors).toBeUndefined();
      const answered = sample.filter((_row, i) => result.data![`r${i}`] !== null).map((row) => row.id);
      expect(answered).toEqual(sample.filter(visibleTo(caller)).map((row) => row.id));
    }
    // Not every record is visible to every partner: the filter is real.
    expect(sample.filter(visibleTo('belarusRedCross')).length).toBeLessThan(sample.length);
  });

  test('a principal without assistance:read gets FORBIDDEN, not the record', async () => {
    const [row] = await rows('AssistanceRecord', 'beneficiaryId', '"id"');
    const withoutAssistance = { authorization: `Bearer ${await graph.token({ sub: 'tracing-app', scopes: ['people:read', 'messages:read'] })}` };
    const result = await graph.query<{ assistanceRecord: unknown }>(RECORD, { id: row.id }, withoutAssistance);
    expect(result.data?.assistanceRecord ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

type Page = { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('Person.assistanceReceived', () => {
  test.each(callers)('as %s: pages hold only visible records, stay full and end where the visible ones end', async (caller) => {
    // One person given assistance by several partners, some records shared with the caller.
    const beneficiary = person(caller === 'icrc' ? 101 : caller === 'russianRedCross' ? 102 : 103);
    const recorders: Array<[string, string[]]> = [
      [org('RRC-KURSK'), []],
      [BRC, [RRC]],
      [RRC, []],
      [org('ICRC-MINSK'), [BRC]],
      [org('BRC-GOMEL'), []],
      [ICRC, [RRC, BRC]],
      [org('RRC-BELGOROD'), []],
    ];
    for (const [index, [recordedBy, sharedWithIds]] of recorders.entries()) {
      const created = await graph.query(
        RECORD_ASSISTANCE,
        { input: assistanceInput(beneficiary, recordedBy, { sharedWithIds, date: `2024-12-${10 + index}` }) },
        graph.as('icrc'),
      );
      expect(created.errors).toBeUndefined();
    }
    const expected = (await rows('AssistanceRecord', 'beneficiaryId', '"date" DESC, "id" DESC', '"beneficiaryId" = $1::uuid', [beneficiary]))
      .filter(visibleTo(caller))
      .map((row) => row.id);
    expect(expected.length).toBeGreaterThanOrEqual(caller === 'icrc' ? recorders.length : 3);

    // Through `_entities` on the assistance subgraph, signed as the gateway signs the caller, with
    // the people subgraph's verdict that the caller may see the person: only the list's filter decides.
    const principal: Principal = {
      subject: `key:${caller}`,
      kind: 'partner',
      partnerId: partnerOf[caller],
      scopes: caller === 'icrc' ? ['assistance:read', 'mandate:all-records'] : ['assistance:read'],
    };
    const listed: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const result: { data?: { _entities: Array<{ assistanceReceived: Page }> }; errors?: unknown } = await postGraphQL<{
        _entities: Array<{ assistanceReceived: Page }>;
      }>(
        graph.graph.subgraphs.assistance.service.url,
        `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Person { assistanceReceived(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`,
        { r: [{ __typename: 'Person', id: beneficiary, identityOnly: false }], after },
        {},
        { as: principal },
      );
      expect(result.errors).toBeUndefined();
      const page: Page = result.data!._entities[0].assistanceReceived;
      listed.push(...page.edges.map((edge) => edge.node.id));
      // Every page but the last is full: hidden records are filtered in SQL, not after the fetch.
      if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(2);
      else break;
      after = page.pageInfo.endCursor;
    }
    expect(listed).toEqual(expected);
  });

  test('through the gateway, a person the caller may see lists only the records it may see', async () => {
    // A person the people subgraph shows to the RRC, so only the assistance rule decides which of
    // their records come back.
    const beneficiary = await personVisibleTo(RRC);
    for (const [recordedBy, sharedWithIds] of [
      [org('BRC-GOMEL'), []],
      [BRC, [RRC]],
      [RRC, []],
    ] as Array<[string, string[]]>) {
      const created = await graph.query(RECORD_ASSISTANCE, { input: assistanceInput(beneficiary, recordedBy, { sharedWithIds }) }, graph.as('icrc'));
      expect(created.errors).toBeUndefined();
    }
    const inDatabase = await rows('AssistanceRecord', 'beneficiaryId', '"date" DESC, "id" DESC', '"beneficiaryId" = $1::uuid', [beneficiary]);
    const query = `query($id: ID!) { person(id: $id) { assistanceReceived(first: 100) { edges { node { id } } pageInfo { hasNextPage } } } }`;
    const asRrc = await graph.query<{ person: { assistanceReceived: Page } }>(query, { id: beneficiary }, graph.as('russianRedCross'));
    expect(asRrc.errors).toBeUndefined();
    expect(asRrc.data!.person.assistanceReceived.edges.map((edge) => edge.node.id)).toEqual(
      inDatabase.filter(visibleTo('russianRedCross')).map((row) => row.id),
    );
    expect(inDatabase.filter(hidden('russianRedCross')).length).toBeGreaterThan(0);
    const asIcrc = await graph.query<{ person: { assistanceReceived: Page } }>(query, { id: beneficiary }, graph.as('icrc'));
    expect(asIcrc.data!.person.assistanceReceived.edges.map((edge) => edge.node.id)).toEqual(inDatabase.map((row) => row.id));
  });
});

test('a beneficiary or supported person not visible on their own is shown in the identity-only view, their assistance withheld', async () => {
  const [record] = await rows('AssistanceRecord', 'beneficiaryId', '"id"', '"recordedById" = $1::uuid', [RRC]);
  const [support] = await rows('ReunificationSupport', 'personId', '"id"');
  const [request] = await db().query<{ tracingRequestId: string }>(
    `SELECT "tracingRequestId"::text AS "tracingRequestId" FROM "assistance"."ReunificationSupport" WHERE "id" = $1::uuid`,
    [support.id],
  );
  // The support is shared with the RRC, its tracing request too; both people are the Belarus Red Cross's alone.
  await db().query(`UPDATE "assistance"."ReunificationSupport" SET "sharedWithIds" = array_append("sharedWithIds", $2::uuid) WHERE "id" = $1::uuid`, [
    support.id,
    RRC,
  ]);
  const people = graph.graph.subgraphs.people.database.driver;
  await people.query(`UPDATE "people"."TracingRequest" SET "sharedWithIds" = array_append("sharedWithIds", $2::uuid) WHERE "id" = $1::uuid`, [
    request.tracingRequestId,
    RRC,
  ]);
  await people.query(`UPDATE "people"."Person" SET "recordedById" = $2::uuid, "sharedWithIds" = '{}' WHERE "id" = ANY($1::uuid[])`, [
    [record.parentId, support.parentId],
    BRC,
  ]);

  const asRrc = await graph.query(
    `query($r: ID!, $t: ID!) { assistanceRecord(id: $r) { beneficiary ${everyPersonField} } tracingRequest(id: $t) { reunificationSupport(first: 100) { edges { node { id person ${everyPersonField} } } } } }`,
    { r: record.id, t: request.tracingRequestId },
    graph.as('russianRedCross'),
  );
  expect(identityViewProblems(asRrc, ['assistanceRecord', 'beneficiary'], { id: record.parentId })).toEqual([]);
  const edges = (asRrc.data as { tracingRequest: { reunificationSupport: { edges: Array<{ node: { id: string } }> } } }).tracingRequest.reunificationSupport
    .edges;
  const index = edges.findIndex((edge) => edge.node.id === support.id);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(identityViewProblems(asRrc, ['tracingRequest', 'reunificationSupport', 'edges', index, 'node', 'person'], { id: support.parentId })).toEqual([]);
});

describe('reunification support and _entities', () => {
  // The seed shares every support between BRC and ICRC-MINSK and none with the RRC: the ICRC
  // records one by RRC-KURSK (hidden from both) and one by the RRC on the first tracing request.
  beforeAll(async () => {
    const [first] = await rows('ReunificationSupport', 'tracingRequestId', '"tracingRequestId", "date", "id"');
    const [support] = await db().query<{ personId: string }>(
      `SELECT "personId"::text AS "personId" FROM "assistance"."ReunificationSupport" WHERE "id" = $1::uuid`,
      [first.id],
    );
    for (const recordedBy of [org('RRC-KURSK'), RRC]) {
      const created = await graph.query(
        `mutation($input: RecordReunificationSupportInput!) { recordReunificationSupport(input: $input) { id } }`,
        {
          input: {
            tracingRequestId: first.parentId,
            personId: support.personId,
            kind: 'TRAVEL',
            date: '2024-06-01',
            outcome: 'COMPLETED',
            partnerId: recordedBy,
            recordedById: recordedBy,
          },
        },
        graph.as('icrc'),
      );
      expect(created.errors).toBeUndefined();
    }
  });

  test.each(callers)('as %s: TracingRequest.reunificationSupport and ReunificationSupport references hold only visible support', async (caller) => {
    const all = await rows('ReunificationSupport', 'tracingRequestId', '"tracingRequestId", "date", "id"');
    const requests = [...new Set(all.map((row) => row.parentId))].slice(0, 8);
    const principal: Principal = {
      subject: `key:${caller}`,
      kind: 'partner',
      partnerId: partnerOf[caller],
      scopes: caller === 'icrc' ? ['assistance:read', 'mandate:all-records'] : ['assistance:read'],
    };
    const sample = all.filter((row) => requests.includes(row.parentId));
    const result = await postGraphQL<{ _entities: Array<{ id?: string; reunificationSupport?: { edges: Array<{ node: { id: string } }> } } | null> }>(
      graph.graph.subgraphs.assistance.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on TracingRequest { reunificationSupport(first: 100) { edges { node { id } } } } ... on ReunificationSupport { id } } }`,
      { r: [...requests.map((id) => ({ __typename: 'TracingRequest', id })), ...sample.map((row) => ({ __typename: 'ReunificationSupport', id: row.id }))] },
      {},
      { as: principal },
    );
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities;
    requests.forEach((requestId, i) => {
      const expected = all
        .filter((row) => row.parentId === requestId)
        .filter(visibleTo(caller))
        .map((row) => row.id);
      expect((entities[i]!.reunificationSupport?.edges ?? []).map((edge) => edge.node.id).sort()).toEqual([...expected].sort());
    });
    sample.forEach((row, i) => {
      const entity = entities[requests.length + i];
      if (visibleTo(caller)(row)) expect(entity).toEqual({ id: row.id });
      else expect(entity).toBeNull();
    });
    // Each partner has support it sees and support it does not: the filter is real.
    if (caller !== 'icrc') expect(sample.some(hidden(caller)) && sample.some(visibleTo(caller))).toBe(true);
  });

  test('AssistanceRecord references answer null when hidden', async () => {
    const all = await rows('AssistanceRecord', 'beneficiaryId', '"id"');
    const sample = all.filter((_row, i) => i % Math.ceil(all.length / 30) === 0);
    const principal: Principal = { subject: 'key:brc', kind: 'partner', partnerId: BRC, scopes: ['assistance:read'] };
    const result = await postGraphQL<{ _entities: Array<{ id: string } | null> }>(
      graph.graph.subgraphs.assistance.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AssistanceRecord { id } } }`,
      { r: sample.map((row) => ({ __typename: 'AssistanceRecord', id: row.id })) },
      {},
      { as: principal },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual(sample.map((row) => (visibleTo('belarusRedCross')(row) ? { id: row.id } : null)));
  });

  test('a principal acting for no partner, without the mandate, sees no record', async () => {
    const sample = (await rows('AssistanceRecord', 'beneficiaryId', '"id"')).slice(0, 5);
    const principal: Principal = { subject: 'app:reader', kind: 'app', partnerId: null, scopes: ['assistance:read'] };
    const result = await postGraphQL<{ _entities: Array<{ id: string } | null> }>(
      graph.graph.subgraphs.assistance.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AssistanceRecord { id } } }`,
      { r: sample.map((row) => ({ __typename: 'AssistanceRecord', id: row.id })) },
      {},
      { as: principal },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual(sample.map(() => null));
  });
});

describe('programmes, distributions and reports', () => {
  test('every partner sees every programme and distribution, whoever runs it', async () => {
    const query = `{ programmes(first: 100) { edges { node { id partner { id } distributions(first: 1) { edges { node { id recordedBy { id } } } } } } } }`;
    const asIcrc = await graph.query<{ programmes: { edges: Array<{ node: { id: string; partner: { id: string } } }> } }>(query, {}, graph.as('icrc'));
    const asBrc = await graph.query<{ programmes: { edges: Array<{ node: { id: string; partner: { id: string } } }> } }>(
      query,
      {},
      graph.as('belarusRedCross'),
    );
    expect(asBrc.errors).toBeUndefined();
    expect(asBrc.data).toEqual(asIcrc.data);
    expect(asBrc.data!.programmes.edges.some((edge) => edge.node.partner.id !== BRC)).toBe(true);
  });

  test('a report counts every partner’s records, not only those the caller may see one by one', async () => {
    const query = `query($area: ID!) { assistanceReport(areaId: $area) { records householdsReached } }`;
    const area = syntheticId('location', 'RU');
    const [counted] = await db().query<{ count: number | string }>(
      `SELECT count(*) AS count FROM "assistance"."AssistanceRecord" WHERE "areaIds" @> ARRAY[$1::uuid]`,
      [area],
    );
    const asBrc = await graph.query<{ assistanceReport: { records: number } }>(query, { area }, graph.as('belarusRedCross'));
    const asIcrc = await graph.query<{ assistanceReport: { records: number } }>(query, { area }, graph.as('icrc'));
    expect(asBrc.errors).toBeUndefined();
    expect(asBrc.data!.assistanceReport.records).toBe(Number(counted.count));
    expect(asBrc.data).toEqual(asIcrc.data);
  });
});

describe('recording as another partner', () => {
  const count = async () => {
    const [row] = await db().query<{ records: number | string; supports: number | string; programmes: number | string; distributions: number | string }>(
      `SELECT (SELECT count(*) FROM "assistance"."AssistanceRecord") AS records, (SELECT count(*) FROM "assistance"."ReunificationSupport") AS supports,
              (SELECT count(*) FROM "assistance"."AssistanceProgramme") AS programmes, (SELECT count(*) FROM "assistance"."Distribution") AS distributions`,
    );
    return Object.values(row).map(Number);
  };

  test.each([
    ['partnerId', { partnerId: RRC, recordedById: BRC }, 'input.partnerId'],
    ['recordedById', { partnerId: BRC, recordedById: RRC }, 'input.recordedById'],
  ])('recordAssistance naming another partner in %s is FORBIDDEN and writes nothing', async (_name, partners, field) => {
    const before = await count();
    const result = await graph.query(
      RECORD_ASSISTANCE,
      { input: assistanceInput(person(7), BRC, { ...partners, idempotencyKey: `as-other-${field}` }) },
      graph.as('belarusRedCross'),
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field });
    expect(await count()).toEqual(before);
  });

  test('every mutation refuses another partner, and accepts the caller’s own', async () => {
    const before = await count();
    const programmeId = syntheticId('assistance-programme', 'none');
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      [
        `mutation($input: CreateAssistanceProgrammeInput!) { createAssistanceProgramme(input: $input) { id } }`,
        { name: 'Not ours', partnerId: BRC, sector: 'SHELTER', startDate: '2024-10-01', targetAreaIds: [syntheticId('location', 'RU-ROS')] },
        'input.partnerId',
      ],
      [
        `mutation($input: RecordDistributionInput!) { recordDistribution(input: $input) { id } }`,
        {
          programmeId,
          locationId: syntheticId('location', 'RU-ROS-01-0001'),
          date: '2024-12-10',
          partnerId: RRC,
          recordedById: BRC,
          items: [{ item: 'blanket', modality: 'IN_KIND', quantity: 3, unit: 'PIECE' }],
        },
        'input.recordedById',
      ],
      [
        `mutation($input: RecordReunificationSupportInput!) { recordReunificationSupport(input: $input) { id } }`,
        {
          tracingRequestId: syntheticId('tracing-request', 1),
          personId: person(3),
          kind: 'ESCORT',
          date: '2024-06-01',
          outcome: 'COMPLETED',
          partnerId: BRC,
          recordedById: BRC,
        },
        'input.partnerId',
      ],
    ];
    for (const [mutation, input, field] of attempts) {
      const result = await graph.query(mutation, { input }, graph.as('russianRedCross'));
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field });
    }
    expect(await count()).toEqual(before);

    const mine = await graph.query<{ recordAssistance: { id: string; recordedBy: { id: string } } }>(
      RECORD_ASSISTANCE,
      { input: assistanceInput(await personVisibleTo(RRC), RRC) },
      graph.as('russianRedCross'),
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.recordAssistance.recordedBy.id).toBe(RRC);
    // The mandate records for another partner (e.g. forms entered centrally).
    const forOther = await graph.query<{ recordAssistance: { recordedBy: { id: string } } }>(
      RECORD_ASSISTANCE,
      { input: assistanceInput(person(9), BRC) },
      graph.as('icrc'),
    );
    expect(forOther.errors).toBeUndefined();
    expect(forOther.data!.recordAssistance.recordedBy.id).toBe(BRC);
  });
});
