import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { assistance, type PrismaClient } from '../src/server';

const id = (prefix: string, n: number) => `00000000-0000-4000-8${prefix}-${String(n).padStart(12, '0')}`;
const org = { rrc: id('001', 1), icrc: id('001', 2), brc: id('001', 3) };
const place = { belgorod: id('002', 1), kursk: id('002', 2), crossing: id('002', 3) };
const programme = { food: id('003', 1), shelter: id('003', 2), oldFood: id('003', 3) };
const distribution = { feb: id('004', 1), mar: id('004', 2), apr: id('004', 3) };
const person = (n: number) => id('005', n);
const tracing = { found: id('006', 1), none: id('006', 2) };
const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;
let url: string;

async function fixture(prisma: PrismaClient) {
  await prisma.assistanceProgramme.createMany({
    data: [
      {
        id: programme.food,
        name: 'Food parcels, Belgorod',
        partnerId: org.rrc,
        sector: 'FOOD_SECURITY',
        startDate: date('2024-01-15'),
        endDate: date('2024-12-31'),
        targetAreaIds: [place.belgorod, place.kursk],
      },
      { id: programme.shelter, name: 'Winter support', partnerId: org.icrc, sector: 'SHELTER', startDate: date('2024-06-01'), targetAreaIds: [place.belgorod] },
      {
        id: programme.oldFood,
        name: 'Food parcels, 2023',
        partnerId: org.rrc,
        sector: 'FOOD_SECURITY',
        startDate: date('2023-03-01'),
        endDate: date('2023-12-31'),
        targetAreaIds: [],
      },
    ],
  });
  await prisma.distribution.createMany({
    data: [
      { id: distribution.feb, programmeId: programme.food, locationId: place.belgorod, date: date('2024-02-01'), partnerId: org.rrc, recordedById: org.rrc },
      { id: distribution.mar, programmeId: programme.food, locationId: place.belgorod, date: date('2024-03-01'), partnerId: org.rrc, recordedById: org.rrc },
      { id: distribution.apr, programmeId: programme.food, locationId: place.kursk, date: date('2024-04-01'), partnerId: org.rrc, recordedById: org.rrc },
    ],
  });
  await prisma.distributionItem.createMany({
    data: [
      { id: id('007', 1), distributionId: distribution.feb, item: 'food parcel', modality: 'IN_KIND', quantity: 120, unit: 'PARCEL' },
      { id: id('007', 2), distributionId: distribution.feb, item: 'cash grant', modality: 'CASH', quantity: 250000, unit: 'CURRENCY', currency: 'RUB' },
    ],
  });
  // Person 1 has three records (two on one day, to exercise the id tie-break); persons 2..60 one each.
  const records = [
    { n: 1, day: '2024-02-01', distributionId: distribution.feb },
    { n: 2, day: '2024-03-01', distributionId: distribution.mar },
    { n: 3, day: '2024-03-01', distributionId: null },
  ].map((r) => ({
    id: id('008', r.n),
    beneficiaryId: person(1),
    householdSize: 4,
    distributionId: r.distributionId,
    item: 'food parcel',
    modality: 'IN_KIND' as const,
    quantity: 1,
    unit: 'PARCEL' as const,
    date: date(r.day),
    locationId: place.belgorod,
    partnerId: org.rrc,
    recordedById: org.rrc,
    sharedWithIds: [org.icrc],
  }));
  for (let n = 2; n <= 60; n += 1) {
    records.push({
      id: id('008', 100 + n),
      beneficiaryId: person(n),
      householdSize: 1,
      distributionId: distribution.apr,
      item: 'food parcel',
      modality: 'IN_KIND',
      quantity: 1,
      unit: 'PARCEL',
      date: date('2024-04-01'),
      locationId: place.kursk,
      partnerId: org.rrc,
      recordedById: org.rrc,
      sharedWithIds: [],
    });
  }
  await prisma.assistanceRecord.createMany({ data: records });
  await prisma.reunificationSupport.createMany({
    data: [
      {
        id: id('009', 1),
        tracingRequestId: tracing.found,
        personId: person(7),
        kind: 'BORDER_CROSSING',
        borderCrossingId: place.crossing,
        date: date('2024-05-01'),
        outcome: 'COMPLETED',
        partnerId: org.brc,
        recordedById: org.brc,
        sharedWithIds: [org.icrc],
      },
      {
        id: id('009', 2),
        tracingRequestId: tracing.found,
        personId: person(7),
        kind: 'DOCUMENTS',
        date: date('2024-04-01'),
        outcome: 'COMPLETED',
        partnerId: org.brc,
        recordedById: org.brc,
        sharedWithIds: [],
      },
    ],
  });
}

beforeAll(async () => {
  target = await createTestDatabaseTarget('assistance');
  subgraph = await startTestSubgraph(assistance, target);
  url = subgraph.service.url;
  await fixture(subgraph.database.prisma);
}, SLOW);

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
}, SLOW);

test('a programme answers with its partner, areas and distributions with their items, newest first', async () => {
  const result = await postGraphQL<{
    programme: {
      name: string;
      sector: string;
      startDate: string;
      endDate: string | null;
      partner: { id: string };
      targetAreas: Array<{ id: string }>;
      distributions: {
        edges: Array<{
          node: { id: string; date: string; location: { id: string }; items: Array<{ item: string; quantity: number; unit: string; currency: string | null }> };
        }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
  }>(
    url,
    `query($id: ID!) { programme(id: $id) { name sector startDate endDate partner { id } targetAreas { id }
       distributions(first: 2) { edges { node { id date location { id } items { item quantity unit currency } } } pageInfo { hasNextPage endCursor } } } }`,
    { id: programme.food },
  );
  expect(result.errors).toBeUndefined();
  const found = result.data!.programme;
  expect(found).toMatchObject({
    name: 'Food parcels, Belgorod',
    sector: 'FOOD_SECURITY',
    startDate: '2024-01-15',
    endDate: '2024-12-31',
    partner: { id: org.rrc },
  });
  expect(found.targetAreas).toEqual([{ id: place.belgorod }, { id: place.kursk }]);
  expect(found.distributions.edges.map((e) => e.node.date)).toEqual(['2024-04-01', '2024-03-01']);
  expect(found.distributions.pageInfo.hasNextPage).toBe(true);

  const next = await postGraphQL<{
    programme: { distributions: { edges: Array<{ node: { id: string; items: unknown[] } }>; pageInfo: { hasNextPage: boolean } } };
  }>(
    url,
    `query($id: ID!, $after: String) { programme(id: $id) { distributions(first: 2, after: $after) { edges { node { id items { item modality quantity unit currency } } } pageInfo { hasNextPage } } } }`,
    { id: programme.food, after: found.distributions.pageInfo.endCursor },
  );
  expect(next.errors).toBeUndefined();
  expect(next.data!.programme.distributions.edges).toEqual([
    {
      node: {
        id: distribution.feb,
        items: [
          { item: 'cash grant', modality: 'CASH', quantity: 250000, unit: 'CURRENCY', currency: 'RUB' },
          { item: 'food parcel', modality: 'IN_KIND', quantity: 120, unit: 'PARCEL', currency: null },
        ],
      },
    },
  ]);
  expect(next.data!.programme.distributions.pageInfo.hasNextPage).toBe(false);
});

test('programmes are listed newest start first, filtered by sector, page by page', async () => {
  const all = await postGraphQL<{ programmes: { edges: Array<{ node: { id: string } }> } }>(url, `{ programmes { edges { node { id } } } }`);
  expect(all.data!.programmes.edges.map((e) => e.node.id)).toEqual([programme.shelter, programme.food, programme.oldFood]);

  const food = await postGraphQL<{ programmes: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
    url,
    `{ programmes(sector: FOOD_SECURITY, first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(food.data!.programmes.edges.map((e) => e.node.id)).toEqual([programme.food]);
  expect(food.data!.programmes.pageInfo.hasNextPage).toBe(true);
  const rest = await postGraphQL<{ programmes: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } }>(
    url,
    `query($after: String) { programmes(sector: FOOD_SECURITY, first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
    { after: food.data!.programmes.pageInfo.endCursor },
  );
  expect(rest.data!.programmes.edges.map((e) => e.node.id)).toEqual([programme.oldFood]);
  expect(rest.data!.programmes.pageInfo.hasNextPage).toBe(false);
});

test('a person entity lists the assistance received, most recent first, page by page', async () => {
  const query = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Person { id assistanceReceived(first: 2, after: $after) {
      edges { node { id date householdSize item unit beneficiary { id } distribution { id programme { id } } recordedBy { id } sharedWith { id } } }
      pageInfo { hasNextPage hasPreviousPage endCursor } } } } }`;
  type Page = {
    _entities: Array<{
      id: string;
      assistanceReceived: {
        edges: Array<{ node: { id: string; date: string; distribution: { id: string; programme: { id: string } } | null; sharedWith: Array<{ id: string }> } }>;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
      };
    }>;
  };
  const first = await postGraphQL<Page>(url, query, { r: [{ __typename: 'Person', id: person(1), identityOnly: false }] });
  expect(first.errors).toBeUndefined();
  const received = first.data!._entities[0].assistanceReceived;
  // Two records on 2024-03-01: the larger id comes first.
  expect(received.edges.map((e) => e.node.id)).toEqual([id('008', 3), id('008', 2)]);
  expect(received.edges[0].node).toMatchObject({
    date: '2024-03-01',
    householdSize: 4,
    item: 'food parcel',
    unit: 'PARCEL',
    beneficiary: { id: person(1) },
    distribution: null,
    recordedBy: { id: org.rrc },
    sharedWith: [{ id: org.icrc }],
  });
  expect(received.edges[1].node.distribution).toEqual({ id: distribution.mar, programme: { id: programme.food } });
  expect(received.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

  const second = await postGraphQL<Page>(url, query, { r: [{ __typename: 'Person', id: person(1), identityOnly: false }], after: received.pageInfo.endCursor });
  expect(second.errors).toBeUndefined();
  const rest = second.data!._entities[0].assistanceReceived;
  expect(rest.edges.map((e) => e.node.id)).toEqual([id('008', 1)]);
  expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
});

test('a person with no assistance gets an empty page', async () => {
  const result = await postGraphQL<{
    _entities: Array<{ assistanceReceived: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>;
  }>(
    url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { assistanceReceived { edges { cursor } pageInfo { hasNextPage endCursor } } } } }`,
    { r: [{ __typename: 'Person', id: person(999), identityOnly: false }] },
  );
  expect(result.data!._entities[0].assistanceReceived).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
});

test("the assistance of a person seen only through a record, or without the people subgraph's verdict, is withheld with FORBIDDEN", async () => {
  const result = await postGraphQL<{ _entities: Array<{ id: string; assistanceReceived: unknown } | null> }>(
    url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id assistanceReceived { edges { cursor } } } } }`,
    {
      r: [
        { __typename: 'Person', id: person(1), identityOnly: true },
        { __typename: 'Person', id: person(1) },
      ],
    },
  );
  expect(result.data!._entities).toEqual([
    { id: person(1), assistanceReceived: null },
    { id: person(1), assistanceReceived: null },
  ]);
  expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions?.code, error.extensions?.coordinate])).toEqual([
    ['_entities.0.assistanceReceived', 'FORBIDDEN', 'Person.assistanceReceived'],
    ['_entities.1.assistanceReceived', 'FORBIDDEN', 'Person.assistanceReceived'],
  ]);
});

test('a location entity lists the distributions held there, most recent first', async () => {
  const result = await postGraphQL<{
    _entities: Array<{ id: string; distributions: { edges: Array<{ node: { id: string; date: string; partner: { id: string } } }> } }>;
  }>(url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Location { id distributions { edges { node { id date partner { id } } } } } } }`, {
    r: [
      { __typename: 'Location', id: place.belgorod },
      { __typename: 'Location', id: place.kursk },
      { __typename: 'Location', id: place.crossing },
    ],
  });
  expect(result.errors).toBeUndefined();
  const [belgorod, kursk, crossing] = result.data!._entities;
  expect(belgorod.distributions.edges.map((e) => e.node.id)).toEqual([distribution.mar, distribution.feb]);
  expect(belgorod.distributions.edges[0].node).toMatchObject({ date: '2024-03-01', partner: { id: org.rrc } });
  expect(kursk.distributions.edges.map((e) => e.node.id)).toEqual([distribution.apr]);
  expect(crossing.distributions.edges).toEqual([]);
});

test('a tracing request entity lists its reunification support in pages, oldest first', async () => {
  type Support = {
    id: string;
    kind: string;
    date: string;
    outcome: string;
    borderCrossing: { id: string } | null;
    person: { id: string };
    tracingRequest: { id: string };
  };
  type Page = { edges: Array<{ node: Support }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const query = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on TracingRequest {
      reunificationSupport(first: $first, after: $after) { edges { node { id kind date outcome borderCrossing { id } person { id } tracingRequest { id } } } pageInfo { hasNextPage endCursor } } } } }`;
  const result = await postGraphQL<{ _entities: Array<{ reunificationSupport: Page }> }>(url, query, {
    r: [
      { __typename: 'TracingRequest', id: tracing.found },
      { __typename: 'TracingRequest', id: tracing.none },
    ],
  });
  expect(result.errors).toBeUndefined();
  const [found, none] = result.data!._entities;
  const supports = found.reunificationSupport.edges.map((e) => e.node);
  expect(supports.map((s) => s.kind)).toEqual(['DOCUMENTS', 'BORDER_CROSSING']);
  expect(supports[1]).toMatchObject({
    date: '2024-05-01',
    outcome: 'COMPLETED',
    borderCrossing: { id: place.crossing },
    person: { id: person(7) },
    tracingRequest: { id: tracing.found },
  });
  expect(supports[0].borderCrossing).toBeNull();
  expect(found.reunificationSupport.pageInfo.hasNextPage).toBe(false);
  expect(none.reunificationSupport).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

  // One at a time: the cursor of the first page leads to the second, and nothing follows it.
  const first = await postGraphQL<{ _entities: Array<{ reunificationSupport: Page }> }>(url, query, {
    r: [{ __typename: 'TracingRequest', id: tracing.found }],
    first: 1,
  });
  const firstPage = first.data!._entities[0].reunificationSupport;
  expect(firstPage.edges.map((e) => e.node.kind)).toEqual(['DOCUMENTS']);
  expect(firstPage.pageInfo.hasNextPage).toBe(true);
  const second = await postGraphQL<{ _entities: Array<{ reunificationSupport: Page }> }>(url, query, {
    r: [{ __typename: 'TracingRequest', id: tracing.found }],
    first: 1,
    after: firstPage.pageInfo.endCursor,
  });
  expect(second.errors).toBeUndefined();
  expect(second.data!._entities[0].reunificationSupport.edges.map((e) => e.node.kind)).toEqual(['BORDER_CROSSING']);
  expect(second.data!._entities[0].reunificationSupport.pageInfo.hasNextPage).toBe(false);

  const tooBig = await postGraphQL(url, query, { r: [{ __typename: 'TracingRequest', id: tracing.found }], first: 101 });
  expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reunificationSupport.first' });
});

test('an id that is not a UUID is refused naming the argument, before it reaches the database', async () => {
  for (const root of ['programme', 'distribution', 'assistanceRecord']) {
    const result = await postGraphQL<Record<string, unknown>>(url, `{ ${root}(id: "x") { id } }`);
    expect([root, result.errors?.[0]?.extensions]).toEqual([root, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' })]);
    expect([root, result.data?.[root] ?? null]).toEqual([root, null]);
  }
});

test('entities of the subgraph resolve by id, and unknown ids as null', async () => {
  const result = await postGraphQL<{
    _entities: Array<{ id: string; item?: string; date?: string } | null>;
    distribution: { id: string } | null;
    assistanceRecord: { id: string } | null;
  }>(
    url,
    `query($r: [_Any!]!, $missing: ID!) { _entities(representations: $r) { ... on AssistanceRecord { id item } ... on Distribution { id date } ... on ReunificationSupport { id date } }
       distribution(id: $missing) { id } assistanceRecord(id: $missing) { id } }`,
    {
      r: [
        { __typename: 'AssistanceRecord', id: id('008', 1) },
        { __typename: 'Distribution', id: distribution.apr },
        { __typename: 'ReunificationSupport', id: id('009', 2) },
      ],
      missing: id('0ff', 1),
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toEqual([
    { id: id('008', 1), item: 'food parcel' },
    { id: distribution.apr, date: '2024-04-01' },
    { id: id('009', 2), date: '2024-04-01' },
  ]);
  expect(result.data!.distribution).toBeNull();
  expect(result.data!.assistanceRecord).toBeNull();
});

test('a page larger than the maximum, or a cursor that is not one, is refused naming the argument', async () => {
  const tooBig = await postGraphQL(url, `{ programmes(first: 101) { edges { cursor } } }`);
  expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  const nested = await postGraphQL(
    url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { assistanceReceived(first: 0) { edges { cursor } } } } }`,
    { r: [{ __typename: 'Person', id: person(1), identityOnly: false }] },
  );
  expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assistanceReceived.first' });
  const badCursor = await postGraphQL(url, `{ programmes(after: "not-a-cursor") { edges { cursor } } }`);
  expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  // A cursor of a list in another order decodes, but its values are not a date and an id.
  const foreign = Buffer.from(JSON.stringify(['Region 1', 'not-an-id'])).toString('base64url');
  const nestedForeign = await postGraphQL(
    url,
    `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on TracingRequest { reunificationSupport(after: $after) { edges { cursor } } } } }`,
    { r: [{ __typename: 'TracingRequest', id: tracing.found }], after: foreign },
  );
  expect(nestedForeign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reunificationSupport.after' });
  const rootForeign = await postGraphQL(url, `query($after: String) { programmes(after: $after) { edges { cursor } } }`, { after: foreign });
  expect(rootForeign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

test('assistance of 50 people costs as many SQL statements as that of 5', async () => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id assistanceReceived(first: 5) {
      edges { node { id distribution { id programme { id } items { item } } } } } } } }`;
  const statementsFor = async (count: number) => {
    const representations = Array.from({ length: count }, (_, n) => ({ __typename: 'Person', id: person(n + 1), identityOnly: false }));
    subgraph.resetStatements();
    const result = await postGraphQL<{ _entities: Array<{ assistanceReceived: { edges: unknown[] } }> }>(url, query, { r: representations });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(count);
    expect(result.data!._entities.every((e) => e.assistanceReceived.edges.length > 0)).toBe(true);
    return subgraph.statements();
  };
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five).toBeGreaterThan(0);
  expect(fifty).toBe(five);
});

test('/ready reports the database reachable and migrated', async () => {
  const response = await fetch(url.replace('/graphql', '/ready'));
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ready' });
});
