import { demoVolumes, syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { expectedRows, isSeeded, reunificationRows, seed } from '../src/seed';
import { assistance, type PrismaClient } from '../src/server';
import { demoProgrammes, programmeId } from '../src/seed-catalogue';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;
const PEOPLE = 200;

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;
const progress: number[] = [];

beforeAll(async () => {
  target = await createTestDatabaseTarget('assistance-seed');
  subgraph = await startTestSubgraph(assistance, target);
  expect(await isSeeded(subgraph.database.driver)).toBe(false);
  await seed(subgraph.database.driver, { people: PEOPLE, onProgress: (rows) => progress.push(rows) });
}, SLOW);

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
}, SLOW);

const count = async (table: string) =>
  Number((await subgraph.database.driver.query<{ n: string | number }>(`SELECT count(*) AS n FROM "assistance"."${table}"`))[0].n);

test(
  'the seed writes the volumes demoVolumes asks for and reports its progress',
  async () => {
    const volumes = demoVolumes(PEOPLE);
    expect(await isSeeded(subgraph.database.driver)).toBe(true);
    expect(await count('AssistanceProgramme')).toBe(demoProgrammes.length);
    expect(await count('Distribution')).toBe(volumes.distributions);
    expect(await count('AssistanceRecord')).toBe(volumes.assistanceRecords);
    expect(await count('ReunificationSupport')).toBe(reunificationRows(volumes.tracingRequests));
    const items = await count('DistributionItem');
    expect(items).toBeGreaterThanOrEqual(volumes.distributions);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    // Item totals are reported per distribution, so the seed command's bar, sized by expectedRows, ends at 100%.
    expect(progress.reduce((sum, rows) => sum + rows, 0)).toBe(
      demoProgrammes.length + volumes.distributions + volumes.assistanceRecords + volumes.distributions + (await count('ReunificationSupport')),
    );
    expect(progress.reduce((sum, rows) => sum + rows, 0)).toBe(expectedRows(PEOPLE));
  },
  SLOW,
);

test(
  'seeded records are consistent: quantities match units, dates fall inside the programme, totals add up',
  async () => {
    const driver = subgraph.database.driver;
    const inconsistent = await driver.query(`SELECT r."id" FROM "assistance"."AssistanceRecord" r
    JOIN "assistance"."Distribution" d ON d."id" = r."distributionId" JOIN "assistance"."AssistanceProgramme" p ON p."id" = d."programmeId"
    WHERE r."date" < p."startDate" OR (p."endDate" IS NOT NULL AND r."date" > p."endDate") OR r."partnerId" <> p."partnerId"
       OR (r."unit" = 'CURRENCY') <> (r."currency" IS NOT NULL) OR r."quantity" <= 0 OR r."householdSize" NOT BETWEEN 1 AND 6`);
    expect(inconsistent).toEqual([]);
    const mismatched = await driver.query(`SELECT i."id" FROM "assistance"."DistributionItem" i
    WHERE i."quantity" <> (SELECT sum(r."quantity") FROM "assistance"."AssistanceRecord" r WHERE r."distributionId" = i."distributionId" AND r."item" = i."item")`);
    expect(mismatched).toEqual([]);
    const parcels = await driver.query<{ unit: string }>(`SELECT DISTINCT "unit" FROM "assistance"."AssistanceRecord" WHERE "item" = 'food parcel'`);
    expect(parcels).toEqual([{ unit: 'PARCEL' }]);
    const currencies = await driver.query<{ currency: string }>(
      `SELECT DISTINCT "currency" FROM "assistance"."AssistanceRecord" WHERE "unit" = 'CURRENCY' ORDER BY 1`,
    );
    expect(currencies).toEqual([{ currency: 'BYN' }, { currency: 'RUB' }]);
  },
  SLOW,
);

test(
  'the seed fills the beneficiary days: one per record and area, chained to the days before and after',
  async () => {
    const driver = subgraph.database.driver;
    const [{ days, expected }] = (await driver.query<{ days: string | number; expected: string | number }>(
      `SELECT (SELECT count(*) FROM "assistance"."AssistanceAreaBeneficiaryDay") AS days,
            (SELECT sum(cardinality("areaIds")) FROM "assistance"."AssistanceRecord") AS expected`,
    )) as [{ days: string | number; expected: string | number }];
    expect(Number(days)).toBe(Number(expected));
    // Each seeded person has one record, so every day is both their first and their last.
    const chained = await driver.query(`SELECT 1 FROM "assistance"."AssistanceAreaBeneficiaryDay" WHERE "previousDate" IS NOT NULL OR "nextDate" IS NOT NULL`);
    expect(chained).toEqual([]);
    const stray = await driver.query(`SELECT d."beneficiaryId" FROM "assistance"."AssistanceAreaBeneficiaryDay" d
    WHERE NOT EXISTS (SELECT 1 FROM "assistance"."AssistanceRecord" r
                      WHERE r."beneficiaryId" = d."beneficiaryId" AND r."date" = d."date" AND r."householdSize" = d."householdSize" AND d."areaId" = ANY(r."areaIds"))`);
    expect(stray).toEqual([]);
    // The reach totals are the days summed per area, day and neighbouring days.
    const unsummed = await driver.query(`SELECT d."areaId", d."date", t."areaId" AS "totalAreaId" FROM
      (SELECT "areaId", "date", coalesce("previousDate", '-infinity') AS "previousDate", coalesce("nextDate", 'infinity') AS "nextDate",
              count(*)::int AS "households", sum("householdSize")::int AS "persons"
       FROM "assistance"."AssistanceAreaBeneficiaryDay" GROUP BY 1, 2, 3, 4) d
    FULL JOIN "assistance"."AssistanceAreaReachTotal" t USING ("areaId", "date", "previousDate", "nextDate")
    WHERE d."households" IS DISTINCT FROM t."households" OR d."persons" IS DISTINCT FROM t."persons"`);
    expect(unsummed).toEqual([]);
    expect(await count('AssistanceAreaReachTotal')).toBeGreaterThan(0);
  },
  SLOW,
);

test(
  'seeded data answers through GraphQL under the ids the other subgraphs use',
  async () => {
    const url = subgraph.service.url;
    const person = await postGraphQL<{ _entities: Array<{ assistanceReceived: { edges: Array<{ node: { id: string; beneficiary: { id: string } } }> } }> }>(
      url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { assistanceReceived { edges { node { id beneficiary { id } } } } } } }`,
      { r: [{ __typename: 'Person', id: syntheticId('person', 7), identityOnly: false }] },
    );
    expect(person.errors).toBeUndefined();
    expect(person.data!._entities[0].assistanceReceived.edges).toEqual([
      { node: { id: syntheticId('assistance-record', 7), beneficiary: { id: syntheticId('person', 7) } } },
    ]);

    const request = await postGraphQL<{
      _entities: Array<{ reunificationSupport: { edges: Array<{ node: { kind: string; person: { id: string }; borderCrossing: { id: string } | null } }> } }>;
    }>(
      url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on TracingRequest { reunificationSupport { edges { node { kind person { id } borderCrossing { id } } } } } } }`,
      { r: [{ __typename: 'TracingRequest', id: syntheticId('tracing-request', 4) }] },
    );
    expect(request.errors).toBeUndefined();
    expect(request.data!._entities[0].reunificationSupport.edges.map((e) => e.node)).toEqual([
      // Request 4 was closed: its journey failed at the closed Novaya Guta crossing.
      { kind: 'TRAVEL', person: { id: syntheticId('person', 9) }, borderCrossing: { id: syntheticId('location', 'CROSSING-1') } },
    ]);

    const programme = await postGraphQL<{
      programme: { partner: { id: string }; distributions: { edges: Array<{ node: { items: Array<{ item: string; unit: string }> } }> } };
    }>(url, `query($id: ID!) { programme(id: $id) { partner { id } distributions(first: 1) { edges { node { items { item unit } } } } } }`, {
      id: programmeId('RRC-BELGOROD-FOOD-2024'),
    });
    expect(programme.errors).toBeUndefined();
    expect(programme.data!.programme.partner).toEqual({ id: syntheticId('organization', 'RRC-BELGOROD') });
    expect(programme.data!.programme.distributions.edges[0].node.items).toEqual([{ item: 'food parcel', unit: 'PARCEL' }]);
  },
  SLOW,
);

test(
  'seeded records carry their place and its enclosing areas, and the area totals agree with them',
  async () => {
    const driver = subgraph.database.driver;
    const belgorodPoint = syntheticId('location', 'DP-BELGOROD-1');
    const [first] = await driver.query<{ areaIds: string[] | string }>(
      `SELECT "areaIds"::text[] AS "areaIds" FROM "assistance"."AssistanceRecord" WHERE "locationId" = $1::uuid LIMIT 1`,
      [belgorodPoint],
    );
    // Point, settlement, district, region, country: innermost first.
    const expected = ['DP-BELGOROD-1', 'RU-BEL-01-0001', 'RU-BEL-01', 'RU-BEL', 'RU'].map((key) => syntheticId('location', key));
    const areaIds = typeof first.areaIds === 'string' ? first.areaIds.replace(/[{}]/g, '').split(',') : first.areaIds;
    expect(areaIds).toEqual(expected);
    const disagreeing = await driver.query(`SELECT a."areaId" FROM (
      SELECT "areaId", "item", sum("quantity") AS q, sum("records") AS n FROM "assistance"."AssistanceAreaTotal" GROUP BY 1, 2) a
    FULL JOIN (SELECT u AS "areaId", r."item", sum(r."quantity") AS q, count(*) AS n FROM "assistance"."AssistanceRecord" r CROSS JOIN unnest(r."areaIds") u GROUP BY 1, 2) r
      ON r."areaId" = a."areaId" AND r."item" = a."item"
    WHERE a.n IS DISTINCT FROM r.n OR abs(a.q - r.q) > 1e-6 OR a.q IS NULL OR r.q IS NULL`);
    expect(disagreeing).toEqual([]);
    const [{ n }] = (await driver.query<{ n: string | number }>(
      `SELECT sum("records") AS n FROM "assistance"."AssistanceAreaTotal" WHERE "areaId" IN ($1::uuid, $2::uuid)`,
      [syntheticId('location', 'RU'), syntheticId('location', 'BY')],
    )) as [{ n: string | number }];
    expect(Number(n)).toBe(PEOPLE);
  },
  SLOW,
);

test(
  'seeding is deterministic: a second database seeded the same way holds the same rows',
  async () => {
    const other = await createTestDatabaseTarget('assistance-seed-again');
    const again = await startTestSubgraph(assistance, other);
    try {
      await seed(again.database.driver, { people: PEOPLE });
      const digest = `SELECT md5(string_agg(t::text, ',' ORDER BY t."id")) AS d FROM (SELECT "id", "beneficiaryId", "householdSize", "distributionId", "item", "quantity", "date", "locationId", "sharedWithIds" FROM "assistance"."AssistanceRecord") t`;
      const [first] = await subgraph.database.driver.query<{ d: string }>(digest);
      const [second] = await again.database.driver.query<{ d: string }>(digest);
      expect(second.d).toBe(first.d);
    } finally {
      await again.stop();
      await other.dispose();
    }
  },
  SLOW,
);
