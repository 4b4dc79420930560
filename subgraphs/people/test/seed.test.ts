import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { expectedRows, isSeeded, seed } from '../src/seed';
import { people, type PrismaClient } from '../src/server';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;

beforeAll(async () => {
  target = await createTestDatabaseTarget('people-seed');
  subgraph = await startTestSubgraph(people, target);
}, SLOW);

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
}, SLOW);

const counts = async () => {
  const prisma = subgraph.database.prisma;
  return {
    people: await prisma.person.count(),
    familyLinks: await prisma.familyLink.count(),
    tracingRequests: await prisma.tracingRequest.count(),
    detentionRecords: await prisma.detentionRecord.count(),
    visits: await prisma.detentionVisit.count(),
    accessSteps: await prisma.detentionAccessStep.count(),
    events: await prisma.detentionEvent.count(),
    notifications: await prisma.detentionNotification.count(),
  };
};

test(
  'seeding 200 people fills every table to the demo volumes, and seeding again changes nothing',
  async () => {
    const driver = subgraph.database.driver;
    const prisma = subgraph.database.prisma;
    expect(await isSeeded(driver)).toBe(false);
    const progress: number[] = [];
    await seed(driver, { people: 200, onProgress: (rows) => progress.push(rows) });
    expect(await isSeeded(driver)).toBe(true);
    // 10 detention records; access granted to records 0, 2, 5 and 7, two visits each.
    // Transfers for records 1 and 6, the release of record 6; notifications to the Central Tracing
    // Agency for all but records 3 and 7, cards for records 0, 1, 3, 4, 7 and 9.
    const expected = { people: 200, familyLinks: 100, tracingRequests: 20, detentionRecords: 10, visits: 8, accessSteps: 14, events: 3, notifications: 14 };
    expect(await counts()).toEqual(expected);
    // 338 rows before the access history, plus a request for 8 of the 10 records and an answer for 6,
    // 3 events and 14 notifications, reported batch by batch; the seed command sizes its progress
    // bar by expectedRows.
    expect(progress.reduce((sum, rows) => sum + rows, 0)).toBe(369);
    expect(expectedRows(200)).toBe(369);

    const before = await subgraph.database.prisma.person.findUnique({ where: { id: syntheticId('person', 1) } });
    await seed(driver, { people: 200 });
    expect(await counts()).toEqual(expected);
    expect(await subgraph.database.prisma.person.findUnique({ where: { id: syntheticId('person', 1) } })).toEqual(before);

    const statuses = await subgraph.database.prisma.person.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(['CIVILIAN', 'DECEASED', 'DETAINED', 'DISPLACED', 'MISSING']);
    const tracing = await subgraph.database.prisma.tracingRequest.groupBy({ by: ['status'], _count: true });
    expect(tracing).toHaveLength(5);
    // Casework as it really runs: the released detainee is a civilian again, the consent follows
    // the case (given for every reunion, a refusal only on a closed case), and some closed cases
    // are past their review date.
    const released = await prisma.detentionRecord.findUniqueOrThrow({
      where: { id: syntheticId('detention-record', 6) },
      include: { person: true, events: true },
    });
    expect(released).toMatchObject({ custodyStatus: 'RELEASED', person: { status: 'CIVILIAN' } });
    expect(released.events.map((e) => e.kind)).toEqual(['TRANSFER', 'RELEASE']);
    const consent = await prisma.tracingRequest.groupBy({ by: ['status', 'consent'], _count: true });
    expect(consent.filter((row) => row.status === 'REUNITED').map((row) => row.consent)).toEqual(['GIVEN']);
    expect(consent.filter((row) => row.consent === 'REFUSED').map((row) => row.status)).toEqual(['CLOSED']);
    expect(await prisma.tracingRequest.count({ where: { status: { in: ['REUNITED', 'CLOSED'] }, reviewOn: { lt: new Date('2026-11-01') } } })).toBeGreaterThan(
      0,
    );
    // Raw SQL: Prisma's PGlite adapter sends enum-array filters as a malformed array literal.
    const [vulnerable] = await driver.query<{ children: number; elderly: number }>(
      `SELECT count(*) FILTER (WHERE "vulnerabilities" && ARRAY['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD']::"people"."Vulnerability"[])::int AS "children",
            count(*) FILTER (WHERE 'ELDERLY' = ANY("vulnerabilities"))::int AS "elderly"
     FROM "people"."Person"`,
    );
    expect(vulnerable.children).toBeGreaterThan(0);
    expect(vulnerable.elderly).toBeGreaterThan(0);
    // Names vary as in a real register: nearly every person has their own full name, yet the
    // common family names recur.
    const [variety] = await driver.query<{ names: number; commonest: number }>(
      `SELECT count(DISTINCT ("givenName", "patronymic", "familyName"))::int AS "names",
            (SELECT max(n)::int FROM (SELECT count(*) AS n FROM "people"."Person" GROUP BY "familyName") f) AS "commonest"
     FROM "people"."Person"`,
    );
    expect(variety.names).toBeGreaterThan(180);
    expect(variety.commonest).toBeGreaterThanOrEqual(4);
  },
  SLOW,
);

test(
  'the seeded people answer through GraphQL with Cyrillic names and their Latin forms',
  async () => {
    const result = await postGraphQL<{ person: Record<string, unknown>; tracingRequest: Record<string, unknown>; detentionRecord: Record<string, unknown> }>(
      subgraph.service.url,
      `query($person: ID!, $tracing: ID!, $detention: ID!) {
      person(id: $person) { fullName names { script scheme language value } nationality status recordedBy { id }
        familyLinks { edges { node { relationship relative { id fullName } } } } }
      tracingRequest(id: $tracing) { reference status enquirer { id } soughtPerson { id fullName patronymic status } enquirerRelationship }
      detentionRecord(id: $detention) { registrationNumber accessStatus accessHistory { status occurredOn } person { id status } placeOfDetention { id } visits { edges { node { visitedBy { id } } } } }
    }`,
      { person: syntheticId('person', 0), tracing: syntheticId('tracing-request', 0), detention: syntheticId('detention-record', 0) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.person).toEqual({
      fullName: 'Александр Иванов',
      names: [
        { script: 'Cyrl', scheme: 'original', language: 'ru', value: 'Александр Иванов' },
        { script: 'Latn', scheme: 'ru-bgn-pcgn', language: 'ru', value: 'Aleksandr Ivanov' },
      ],
      nationality: 'RU',
      status: 'DISPLACED',
      recordedBy: { id: syntheticId('organization', 'ICRC-MOSCOW') },
      familyLinks: { edges: [{ node: { relationship: 'CHILD', relative: { id: syntheticId('person', 1), fullName: 'Олександр Кравченко' } } }] },
    });
    expect(result.data!.tracingRequest).toEqual({
      reference: 'TR-2024-000001',
      status: 'OPEN',
      enquirer: { id: syntheticId('person', 0) },
      soughtPerson: { id: syntheticId('person', 1), fullName: 'Олександр Кравченко', patronymic: 'Іванович', status: 'MISSING' },
      enquirerRelationship: 'PARENT',
    });
    expect(result.data!.detentionRecord).toEqual({
      registrationNumber: 'ICRC-RU-0000001',
      accessStatus: 'GRANTED',
      accessHistory: [
        { status: 'GRANTED', occurredOn: '2022-03-31' },
        { status: 'REQUESTED', occurredOn: '2022-03-11' },
      ],
      person: { id: syntheticId('person', 3), status: 'DETAINED' },
      placeOfDetention: { id: syntheticId('location', 'DETENTION-1') },
      visits: {
        edges: [
          { node: { visitedBy: { id: syntheticId('organization', 'ICRC-MOSCOW') } } },
          { node: { visitedBy: { id: syntheticId('organization', 'ICRC-MOSCOW') } } },
        ],
      },
    });

    const belarusian = await postGraphQL<{ person: { names: Array<{ scheme: string; value: string }> } }>(
      subgraph.service.url,
      `query($id: ID!) { person(id: $id) { names { scheme value } } }`,
      { id: syntheticId('person', 2) },
    );
    expect(belarusian.data!.person.names).toEqual([
      { scheme: 'original', value: 'Аляксандр Уладзіміравіч Багдановіч' },
      { scheme: 'be-passport', value: 'Aliaksandr Uladzimiravich Bahdanovich' },
    ]);

    const place = syntheticId('location', 'RU-MOW-0001');
    const here = await postGraphQL<{ _entities: Array<{ peopleLastSeenHere: { edges: Array<{ node: { lastSeenAt: { id: string } } }> } }> }>(
      subgraph.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Location { peopleLastSeenHere(first: 5) { edges { node { lastSeenAt { id } } } } } } }`,
      { r: [{ __typename: 'Location', id: place }] },
    );
    expect(here.data!._entities[0].peopleLastSeenHere.edges).toHaveLength(5);
    expect(here.data!._entities[0].peopleLastSeenHere.edges.every((e) => e.node.lastSeenAt.id === place)).toBe(true);
  },
  SLOW,
);
