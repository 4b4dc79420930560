import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { people, type PrismaClient } from '../src/server';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const OLENA = id(1);
const MARIIA = id(2);
const IVAN = id(3);
const ANNA = id(4);
const PLACE = id(0xa1);
const OTHER_PLACE = id(0xa2);
const DETENTION_PLACE = id(0xa3);
const ORG = id(0xb1);
const PARTNER = id(0xb2);
const TRACING = id(0xc1);
const OLDER_TRACING = id(0xc2);
const DETENTION = id(0xd1);
const FILLERS = 60;

const name = (cyrillic: string, latin: string, language: string, scheme: string) => [
  { script: 'Cyrl', scheme: 'original', language, value: cyrillic },
  { script: 'Latn', scheme, language, value: latin },
];
const owned = { recordedById: ORG, sharedWithIds: [] as string[] };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  target = await createTestDatabaseTarget('people');
  subgraph = await startTestSubgraph(people, target);
  const prisma = subgraph.database.prisma;
  const person = { purpose: 'restoring family links', legalBasis: 'VITAL_INTEREST' as const, ...owned };
  await prisma.person.createMany({
    data: [
      {
        id: OLENA,
        givenName: 'Олена',
        familyName: 'Шевченко',
        names: name('Олена Шевченко', 'Olena Shevchenko', 'uk', 'uk-2010'),
        sex: 'FEMALE',
        birthDate: day('1980-05-01'),
        birthYear: 1980,
        nationality: 'UA',
        status: 'DISPLACED',
        lastSeenAtId: PLACE,
        lastSeenOn: day('2024-03-01'),
        ...person,
        sharedWithIds: [PARTNER],
      },
      {
        id: MARIIA,
        givenName: 'Марія',
        familyName: 'Шевченко',
        names: name('Марія Шевченко', 'Mariia Shevchenko', 'uk', 'uk-2010'),
        sex: 'FEMALE',
        birthDate: day('2015-06-01'),
        birthYear: 2015,
        status: 'MISSING',
        vulnerabilities: ['UNACCOMPANIED_CHILD'],
        lastSeenAtId: PLACE,
        lastSeenOn: day('2024-02-01'),
        ...person,
      },
      {
        id: IVAN,
        givenName: 'Іван',
        familyName: 'Бойко',
        patronymic: 'Іванович',
        names: name('Іван Іванович Бойко', 'Ivan Ivanovych Boiko', 'uk', 'uk-2010'),
        sex: 'MALE',
        birthYear: 1950,
        status: 'MISSING',
        vulnerabilities: ['ELDERLY'],
        lastSeenAtId: PLACE,
        lastSeenOn: day('2024-02-01'),
        ...person,
      },
      {
        id: ANNA,
        givenName: 'Анна',
        familyName: 'Иванова',
        names: name('Анна Иванова', 'Anna Ivanova', 'ru', 'ru-bgn-pcgn'),
        sex: 'FEMALE',
        status: 'DETAINED',
        lastSeenAtId: OTHER_PLACE,
        lastSeenOn: day('2023-01-01'),
        ...person,
        legalBasis: 'LEGAL_OBLIGATION',
      },
      ...Array.from({ length: FILLERS }, (_, n) => ({
        id: id(0x1000 + n),
        givenName: 'Яна',
        familyName: `Ткачук ${String(n).padStart(2, '0')}`,
        names: [],
        sex: 'FEMALE' as const,
        status: 'CIVILIAN' as const,
        ...person,
      })),
    ],
  });
  await prisma.familyLink.createMany({
    data: [
      { id: id(0xf1), personId: OLENA, relativeId: MARIIA, relationship: 'CHILD', ...owned },
      { id: id(0xf2), personId: MARIIA, relativeId: OLENA, relationship: 'PARENT', ...owned },
      ...Array.from({ length: FILLERS }, (_, n) => ({
        id: id(0x2000 + n),
        personId: id(0x1000 + n),
        relativeId: id(0x1000 + ((n + 1) % FILLERS)),
        relationship: 'SIBLING' as const,
        ...owned,
      })),
    ],
  });
  await prisma.tracingRequest.createMany({
    data: [
      {
        id: TRACING,
        reference: 'TR-2024-000001',
        enquirerId: OLENA,
        soughtPersonId: MARIIA,
        enquirerRelationship: 'PARENT',
        circumstances: 'Separated during the evacuation.',
        lastSeenAtId: PLACE,
        lastSeenOn: day('2024-02-01'),
        status: 'SEARCHING',
        openedOn: day('2024-05-01'),
        ...owned,
      },
      {
        id: OLDER_TRACING,
        reference: 'TR-2024-000002',
        enquirerId: OLENA,
        soughtPersonId: IVAN,
        enquirerRelationship: 'OTHER_RELATIVE',
        circumstances: 'No news since February.',
        status: 'CLOSED',
        closedReason: 'The enquirer withdrew the request.',
        openedOn: day('2024-04-01'),
        ...owned,
      },
      ...Array.from({ length: FILLERS }, (_, n) => ({
        id: id(0x3000 + n),
        reference: `TR-2024-1${String(n).padStart(5, '0')}`,
        enquirerId: OLENA,
        soughtPersonId: id(0x1000 + n),
        enquirerRelationship: 'OTHER_RELATIVE' as const,
        circumstances: '-',
        status: 'OPEN' as const,
        openedOn: day('2023-01-01'),
        ...owned,
      })),
    ],
  });
  await prisma.detentionRecord.create({
    data: {
      id: DETENTION,
      personId: ANNA,
      placeOfDetentionId: DETENTION_PLACE,
      captureDate: day('2023-01-10'),
      registrationNumber: 'ICRC-RU-0000001',
      accessStatus: 'GRANTED',
      ...owned,
    },
  });
  await prisma.detentionVisit.createMany({
    data: [
      { id: id(0xe1), detentionRecordId: DETENTION, visitedOn: day('2023-03-01'), visitedById: ORG, privateInterview: true, ...owned },
      { id: id(0xe2), detentionRecordId: DETENTION, visitedOn: day('2023-06-01'), visitedById: ORG, privateInterview: false, ...owned },
    ],
  });
}, SLOW);

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
}, SLOW);

type PersonPage = { edges: Array<{ node: { fullName: string } }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string } };

test(
  'people are listed by family then given name, filtered by status, in keyset pages',
  async () => {
    const first = await postGraphQL<{ people: PersonPage }>(
      subgraph.service.url,
      `{ people(status: MISSING, first: 1) { edges { node { fullName } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.people.edges.map((e) => e.node.fullName)).toEqual(['Іван Бойко']);
    expect(first.data!.people.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const next = await postGraphQL<{ people: PersonPage }>(
      subgraph.service.url,
      `query($after: String) { people(status: MISSING, first: 5, after: $after) { edges { node { fullName } } pageInfo { hasNextPage hasPreviousPage } } }`,
      { after: first.data!.people.pageInfo.endCursor },
    );
    expect(next.data!.people.edges.map((e) => e.node.fullName)).toEqual(['Марія Шевченко']);
    expect(next.data!.people.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // Two people share the family name Шевченко: the given name orders them across the page boundary.
    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { people: PersonPage } } = await postGraphQL<{ people: PersonPage }>(
        subgraph.service.url,
        `query($after: String) { people(first: 7, after: $after) { edges { node { fullName } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      all.push(...page.data!.people.edges.map((e) => e.node.fullName));
      after = page.data!.people.pageInfo.hasNextPage ? page.data!.people.pageInfo.endCursor : null;
    } while (after);
    expect(all).toHaveLength(4 + FILLERS);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 2)).toEqual(['Іван Бойко', 'Анна Иванова']);
    expect(all.slice(-2)).toEqual(['Марія Шевченко', 'Олена Шевченко']);
  },
  SLOW,
);

test(
  'a person answers with names, computed fields, family links both ways and ownership',
  async () => {
    const result = await postGraphQL<{ olena: Record<string, unknown>; mariia: Record<string, unknown>; ivan: Record<string, unknown> }>(
      subgraph.service.url,
      `query($olena: ID!, $mariia: ID!, $ivan: ID!) {
      olena: person(id: $olena) { fullName birthDate isMinor names { script scheme language value } lastSeenAt { id } lastSeenOn
        familyLinks { edges { node { relationship person { id } relative { fullName } } } } recordedBy { id } sharedWith { id } legalBasis }
      mariia: person(id: $mariia) { isMinor vulnerabilities familyLinks { edges { node { relationship relative { fullName } } } } tracingRequests { edges { node { reference } } pageInfo { hasNextPage } } }
      ivan: person(id: $ivan) { fullName patronymic isMinor birthDate birthYear }
    }`,
      { olena: OLENA, mariia: MARIIA, ivan: IVAN },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.olena).toEqual({
      fullName: 'Олена Шевченко',
      birthDate: '1980-05-01',
      isMinor: false,
      names: [
        { script: 'Cyrl', scheme: 'original', language: 'uk', value: 'Олена Шевченко' },
        { script: 'Latn', scheme: 'uk-2010', language: 'uk', value: 'Olena Shevchenko' },
      ],
      lastSeenAt: { id: PLACE },
      lastSeenOn: '2024-03-01',
      familyLinks: { edges: [{ node: { relationship: 'CHILD', person: { id: OLENA }, relative: { fullName: 'Марія Шевченко' } } }] },
      recordedBy: { id: ORG },
      sharedWith: [{ id: PARTNER }],
      legalBasis: 'VITAL_INTEREST',
    });
    expect(result.data!.mariia).toEqual({
      isMinor: true,
      vulnerabilities: ['UNACCOMPANIED_CHILD'],
      familyLinks: { edges: [{ node: { relationship: 'PARENT', relative: { fullName: 'Олена Шевченко' } } }] },
      tracingRequests: { edges: [{ node: { reference: 'TR-2024-000001' } }], pageInfo: { hasNextPage: false } },
    });
    expect(result.data!.ivan).toEqual({ fullName: 'Іван Бойко', patronymic: 'Іванович', isMinor: false, birthDate: null, birthYear: 1950 });
  },
  SLOW,
);

test(
  'tracing requests list newest first and show the enquirer and the sought person',
  async () => {
    const result = await postGraphQL<{ tracingRequests: { edges: Array<{ node: Record<string, unknown> }>; pageInfo: { endCursor: string } } }>(
      subgraph.service.url,
      `{ tracingRequests(first: 2) { edges { node { reference status openedOn closedReason enquirerRelationship lastSeenAt { id } lastSeenOn
        enquirer { fullName } soughtPerson { fullName isMinor } } } pageInfo { endCursor } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.tracingRequests.edges.map((e) => e.node)).toEqual([
      {
        reference: 'TR-2024-000001',
        status: 'SEARCHING',
        openedOn: '2024-05-01',
        closedReason: null,
        enquirerRelationship: 'PARENT',
        lastSeenAt: { id: PLACE },
        lastSeenOn: '2024-02-01',
        enquirer: { fullName: 'Олена Шевченко' },
        soughtPerson: { fullName: 'Марія Шевченко', isMinor: true },
      },
      {
        reference: 'TR-2024-000002',
        status: 'CLOSED',
        openedOn: '2024-04-01',
        closedReason: 'The enquirer withdrew the request.',
        enquirerRelationship: 'OTHER_RELATIVE',
        lastSeenAt: null,
        lastSeenOn: null,
        enquirer: { fullName: 'Олена Шевченко' },
        soughtPerson: { fullName: 'Іван Бойко', isMinor: false },
      },
    ]);

    const next = await postGraphQL<{ tracingRequests: { edges: Array<{ node: { openedOn: string } }> } }>(
      subgraph.service.url,
      `query($after: String) { tracingRequests(first: 100, after: $after) { edges { node { openedOn } } } }`,
      { after: result.data!.tracingRequests.pageInfo.endCursor },
    );
    expect(next.data!.tracingRequests.edges).toHaveLength(FILLERS);
    expect(next.data!.tracingRequests.edges.every((e) => e.node.openedOn === '2023-01-01')).toBe(true);

    const closed = await postGraphQL<{ tracingRequests: { edges: Array<{ node: { reference: string } }> } }>(
      subgraph.service.url,
      `{ tracingRequests(status: CLOSED) { edges { node { reference } } } }`,
    );
    expect(closed.data!.tracingRequests.edges.map((e) => e.node.reference)).toEqual(['TR-2024-000002']);
  },
  SLOW,
);

test(
  'a detention record shows the person, the place and the visits most recent first',
  async () => {
    const result = await postGraphQL<{ detentionRecords: { edges: Array<{ node: Record<string, unknown> }> } }>(
      subgraph.service.url,
      `query($place: ID!) { detentionRecords(placeOfDetentionId: $place) { edges { node { registrationNumber captureDate accessStatus
        placeOfDetention { id } person { fullName status detentionRecords { edges { node { id } } } }
        visits { edges { node { visitedOn visitedBy { id } privateInterview } } } } } } }`,
      { place: DETENTION_PLACE },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.detentionRecords.edges.map((e) => e.node)).toEqual([
      {
        registrationNumber: 'ICRC-RU-0000001',
        captureDate: '2023-01-10',
        accessStatus: 'GRANTED',
        placeOfDetention: { id: DETENTION_PLACE },
        person: { fullName: 'Анна Иванова', status: 'DETAINED', detentionRecords: { edges: [{ node: { id: DETENTION } }] } },
        visits: {
          edges: [
            { node: { visitedOn: '2023-06-01', visitedBy: { id: ORG }, privateInterview: false } },
            { node: { visitedOn: '2023-03-01', visitedBy: { id: ORG }, privateInterview: true } },
          ],
        },
      },
    ]);
    const elsewhere = await postGraphQL<{ detentionRecords: { edges: unknown[] } }>(
      subgraph.service.url,
      `query($place: ID!) { detentionRecords(placeOfDetentionId: $place) { edges { cursor } } }`,
      { place: PLACE },
    );
    expect(elsewhere.data!.detentionRecords.edges).toEqual([]);
  },
  SLOW,
);

test(
  'people, tracing requests and detention records resolve as federation entities',
  async () => {
    const result = await postGraphQL<{ _entities: unknown[] }>(
      subgraph.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Person { fullName } ... on TracingRequest { reference } ... on DetentionRecord { registrationNumber } } }`,
      {
        r: [
          { __typename: 'Person', id: MARIIA },
          { __typename: 'TracingRequest', id: TRACING },
          { __typename: 'DetentionRecord', id: DETENTION },
          { __typename: 'Person', id: id(0xfff) },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([{ fullName: 'Марія Шевченко' }, { reference: 'TR-2024-000001' }, { registrationNumber: 'ICRC-RU-0000001' }, null]);
  },
  SLOW,
);

test(
  'places list the people last seen there, most recent first, in one batch for many places',
  async () => {
    type Places = {
      _entities: Array<{
        id: string;
        peopleLastSeenHere: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }>;
    };
    const query = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Location { id
      peopleLastSeenHere(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    subgraph.resetStatements();
    const result = await postGraphQL<Places>(subgraph.service.url, query, {
      r: [
        { __typename: 'Location', id: PLACE },
        { __typename: 'Location', id: OTHER_PLACE },
        { __typename: 'Location', id: DETENTION_PLACE },
      ],
    });
    expect(result.errors).toBeUndefined();
    // One statement reads the page of every place, people and all.
    expect(subgraph.statements()).toBe(1);
    const [place, other, empty] = result.data!._entities;
    expect(place.peopleLastSeenHere.edges.map((e) => e.node.id)).toEqual([OLENA, IVAN]);
    expect(place.peopleLastSeenHere.pageInfo.hasNextPage).toBe(true);
    expect(other.peopleLastSeenHere.edges.map((e) => e.node.id)).toEqual([ANNA]);
    expect(empty.peopleLastSeenHere.edges).toEqual([]);

    const next = await postGraphQL<Places>(subgraph.service.url, query, {
      r: [{ __typename: 'Location', id: PLACE }],
      after: place.peopleLastSeenHere.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(next.data!._entities[0].peopleLastSeenHere.edges.map((e) => e.node.id)).toEqual([MARIIA]);
    expect(next.data!._entities[0].peopleLastSeenHere.pageInfo.hasNextPage).toBe(false);
  },
  SLOW,
);

test(
  'nested lists cost the same statements for 50 people as for 5',
  async () => {
    const query = `query($first: Int) { people(first: $first) { edges { node {
    familyLinks(first: 2) { edges { node { relative { id } } } }
    tracingRequests(first: 2) { edges { node { id } } }
    detentionRecords(first: 2) { edges { node { visits(first: 2) { edges { node { id } } } } } } } } } }`;
    subgraph.resetStatements();
    const five = await postGraphQL<{ people: { edges: unknown[] } }>(subgraph.service.url, query, { first: 5 });
    const fewStatements = subgraph.statements();
    subgraph.resetStatements();
    const fifty = await postGraphQL<{ people: { edges: unknown[] } }>(subgraph.service.url, query, { first: 50 });
    expect(five.data!.people.edges).toHaveLength(5);
    expect(fifty.data!.people.edges).toHaveLength(50);
    expect(fewStatements).toBeGreaterThan(0);
    expect(subgraph.statements()).toBe(fewStatements);
  },
  SLOW,
);

test(
  "a person's family links, tracing requests and detention records, and a record's visits, come in keyset pages",
  async () => {
    const filler = id(0x1000);
    await subgraph.database.prisma.familyLink.createMany({
      data: [
        { id: id(0xf10), personId: filler, relativeId: IVAN, relationship: 'PARENT', ...owned },
        { id: id(0xf11), personId: filler, relativeId: ANNA, relationship: 'OTHER_RELATIVE', ...owned },
      ],
    });
    type Page = { edges: Array<{ node: Record<string, unknown> }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
    const query = `query($person: ID!, $record: ID!, $links: String, $visits: String) {
    person(id: $person) { familyLinks(first: 2, after: $links) { edges { node { relationship } } pageInfo { hasNextPage hasPreviousPage endCursor } } }
    detentionRecord(id: $record) { visits(first: 1, after: $visits) { edges { node { visitedOn } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    type Result = { person: { familyLinks: Page }; detentionRecord: { visits: Page } };
    const first = await postGraphQL<Result>(subgraph.service.url, query, { person: filler, record: DETENTION });
    expect(first.errors).toBeUndefined();
    const { familyLinks } = first.data!.person;
    const { visits } = first.data!.detentionRecord;
    // Links follow the order of the Relationship enum, not the alphabet.
    expect(familyLinks.edges.map((e) => e.node.relationship)).toEqual(['PARENT', 'SIBLING']);
    expect(familyLinks.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(visits.edges.map((e) => e.node.visitedOn)).toEqual(['2023-06-01']);
    expect(visits.pageInfo.hasNextPage).toBe(true);

    const second = await postGraphQL<Result>(subgraph.service.url, query, {
      person: filler,
      record: DETENTION,
      links: familyLinks.pageInfo.endCursor,
      visits: visits.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.person.familyLinks.edges.map((e) => e.node.relationship)).toEqual(['OTHER_RELATIVE']);
    expect(second.data!.person.familyLinks.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(second.data!.detentionRecord.visits.edges.map((e) => e.node.visitedOn)).toEqual(['2023-03-01']);
    expect(second.data!.detentionRecord.visits.pageInfo.hasNextPage).toBe(false);

    await subgraph.database.prisma.tracingRequest.create({
      data: {
        id: id(0x3100),
        reference: 'TR-2022-000001',
        enquirerId: OLENA,
        soughtPersonId: filler,
        enquirerRelationship: 'SIBLING',
        circumstances: '-',
        status: 'OPEN',
        openedOn: day('2022-01-01'),
        ...owned,
      },
    });
    const requestsQuery = `query($id: ID!, $after: String) { person(id: $id) { tracingRequests(first: 1, after: $after) { edges { node { reference } } pageInfo { hasNextPage endCursor } } } }`;
    const newest = await postGraphQL<{ person: { tracingRequests: Page } }>(subgraph.service.url, requestsQuery, { id: filler });
    expect(newest.data!.person.tracingRequests.edges).toEqual([{ node: { reference: 'TR-2024-100000' } }]);
    expect(newest.data!.person.tracingRequests.pageInfo.hasNextPage).toBe(true);
    const older = await postGraphQL<{ person: { tracingRequests: Page } }>(subgraph.service.url, requestsQuery, {
      id: filler,
      after: newest.data!.person.tracingRequests.pageInfo.endCursor,
    });
    expect(older.data!.person.tracingRequests.edges).toEqual([{ node: { reference: 'TR-2022-000001' } }]);
    expect(older.data!.person.tracingRequests.pageInfo.hasNextPage).toBe(false);
  },
  SLOW,
);

test(
  'page sizes out of range are refused naming the argument',
  async () => {
    const tooMany = await postGraphQL(subgraph.service.url, `{ people(first: 101) { edges { cursor } } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const none = await postGraphQL(subgraph.service.url, `{ tracingRequests(first: 0) { edges { cursor } } }`);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const nested = await postGraphQL(
      subgraph.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Location { peopleLastSeenHere(first: 500) { edges { cursor } } } } }`,
      { r: [{ __typename: 'Location', id: PLACE }] },
    );
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'peopleLastSeenHere.first' });
    const links = await postGraphQL(subgraph.service.url, `query($id: ID!) { person(id: $id) { familyLinks(first: 101) { edges { cursor } } } }`, {
      id: OLENA,
    });
    expect(links.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'familyLinks.first' });
    const visits = await postGraphQL(subgraph.service.url, `query($id: ID!) { detentionRecord(id: $id) { visits(after: "x") { edges { cursor } } } }`, {
      id: DETENTION,
    });
    expect(visits.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visits.after' });
    const badCursor = await postGraphQL(subgraph.service.url, `{ people(after: "not-a-cursor") { edges { cursor } } }`);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  },
  SLOW,
);

test(
  'a filtered search fills its page even when the name is shared by hundreds who do not fit',
  async () => {
    const prisma = subgraph.database.prisma;
    // More namesakes of the other sex than any candidate path takes before filtering.
    const men = 300;
    const women = 8;
    const rows = Array.from({ length: men + women }, (_, n) => ({
      id: id(0x5000 + n),
      givenName: 'Саша',
      familyName: 'Бондар',
      names: name('Саша Бондар', 'Sasha Bondar', 'ru', 'ru-bgn-pcgn'),
      sex: n < men ? ('MALE' as const) : ('FEMALE' as const),
      birthYear: n < men ? 1980 : null,
      status: 'DECEASED' as const,
      purpose: 'restoring family links',
      legalBasis: 'VITAL_INTEREST' as const,
      ...owned,
    }));
    await prisma.person.createMany({ data: rows });
    await prisma.$executeRawUnsafe(`
    INSERT INTO "people"."PersonNameForm" ("id", "personId", "script", "scheme", "language", "value", "nameKey", "phoneticKey", "birthYear")
    SELECT md5('form:' || p."id"::text)::uuid, p."id", 'Cyrl', 'original', 'ru', 'Саша Бондар', k.key, "people"."name_phonetic"(k.key), p."birthYear"
    FROM "people"."Person" p CROSS JOIN (SELECT "people"."name_fold"('Саша Бондар') AS key) k
    WHERE p."givenName" = 'Саша' AND p."familyName" = 'Бондар'`);
    await prisma.$executeRawUnsafe(`INSERT INTO "people"."PersonNameKey" ("nameKey") VALUES ("people"."name_fold"('Саша Бондар')) ON CONFLICT DO NOTHING`);
    const search = async (filters: Record<string, unknown>) => {
      const result = await postGraphQL<{ searchPeople: Array<{ score: number; person: { id: string; sex: string; birthYear: number | null } }> }>(
        subgraph.service.url,
        `query($filters: PersonSearchFilters) { searchPeople(name: "Sasha Bondar", filters: $filters, first: 6) { score person { id sex birthYear } } }`,
        { filters },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.searchPeople;
    };
    const found = await search({ sex: 'FEMALE' });
    expect(found).toHaveLength(6);
    expect(found.every((r) => r.person.sex === 'FEMALE' && r.score === 1)).toBe(true);
    // Born 1980 fits; unknown years come after every fitting one, scaled down.
    const byYear = await search({ birthYear: 1981, birthYearTolerance: 1, status: 'DECEASED' });
    expect(byYear.map((r) => r.person.birthYear)).toEqual([1980, 1980, 1980, 1980, 1980, 1980]);
    const unknownFirst = await search({ birthYear: 1960, birthYearTolerance: 0 });
    expect(unknownFirst).toHaveLength(6);
    expect(unknownFirst.every((r) => r.person.birthYear === null && r.person.sex === 'FEMALE' && r.score === 0.85)).toBe(true);
  },
  SLOW,
);
