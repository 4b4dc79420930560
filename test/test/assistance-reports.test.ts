import { syntheticId } from '@movement/runtime';
import { startTestGraph, type TestGraph } from './harness';

const PEOPLE = 200;
let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: PEOPLE, label: 'assistance-reports' });
});

afterAll(async () => {
  await graph?.stop();
});

const person = (i: number) => syntheticId('person', i);
const place = (key: string) => syntheticId('location', key);
const org = (key: string) => syntheticId('organization', key);

interface Total { periodStart: string | null; item: string; unit: string; currency: string | null; partner: { id: string; shortName: string }; quantity: number; records: number }
interface Report { area: { id: string; name: string }; from: string | null; to: string | null; records: number; householdsReached: number; personsReached: number; totals: Total[] }

const REPORT = `query($areaId: ID!, $from: String, $to: String, $partnerId: ID, $item: String, $groupBy: ReportPeriod) {
  assistanceReport(areaId: $areaId, from: $from, to: $to, partnerId: $partnerId, item: $item, groupBy: $groupBy) {
    area { id name } from to records householdsReached personsReached
    totals { periodStart item unit currency partner { id shortName } quantity records }
  } }`;

async function report(variables: Record<string, unknown>): Promise<Report> {
  const result = await graph.query<{ assistanceReport: Report }>(REPORT, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.assistanceReport;
}

const sumRecords = (reports: Report[]) => reports.reduce((sum, r) => sum + r.records, 0);

describe('seeded assistance rolls up the location hierarchy', () => {
  test('the two countries together hold every seeded record; each region is the sum of its districts', async () => {
    const [ru, by] = await Promise.all([report({ areaId: place('RU') }), report({ areaId: place('BY') })]);
    expect(ru.area.name).toBe('Russian Federation');
    expect(ru.records).toBeGreaterThan(0);
    expect(by.records).toBeGreaterThan(0);
    expect(ru.records + by.records).toBe(PEOPLE);

    const [bel, bel01, bel02, dpBelgorod, belgorodCity] = await Promise.all(
      ['RU-BEL', 'RU-BEL-01', 'RU-BEL-02', 'DP-BELGOROD-1', 'RU-BEL-01-0001'].map((key) => report({ areaId: place(key) })),
    );
    expect(bel01.records).toBeGreaterThan(0);
    expect(bel.records).toBe(bel01.records + bel02.records);
    // The only place where assistance is given in Belgorod District is the distribution point in Belgorod.
    expect(belgorodCity.records).toBe(bel01.records);
    expect(dpBelgorod.totals).toEqual(bel01.totals);
    const regions = await Promise.all(['RU-BEL', 'RU-KRS', 'RU-ROS', 'RU-MOW'].map((key) => report({ areaId: place(key) })));
    expect(sumRecords(regions)).toBe(ru.records);
  });

  test('totals per item, unit and partner add up to the records counted, and each seeded person is one household', async () => {
    const ru = await report({ areaId: place('RU') });
    expect(ru.totals.reduce((sum, t) => sum + t.records, 0)).toBe(ru.records);
    // The seed gives each person one record: households equal records, persons are their sizes summed.
    expect(ru.householdsReached).toBe(ru.records);
    expect(ru.personsReached).toBeGreaterThanOrEqual(ru.householdsReached);
    const parcels = ru.totals.filter((t) => t.item === 'food parcel');
    expect(parcels.length).toBeGreaterThan(0);
    expect(parcels.every((t) => t.unit === 'PARCEL' && t.currency === null && t.partner.shortName.length > 0)).toBe(true);
    const cash = ru.totals.filter((t) => t.unit === 'CURRENCY');
    expect(cash.every((t) => t.currency === 'RUB')).toBe(true);
    // Sorted by period, item, unit, currency, partner.
    const keys = ru.totals.map((t) => `${t.item}|${t.unit}`);
    expect(keys).toEqual([...keys].sort());
  });

  test('a partner or item filter and a period narrow the report', async () => {
    const all = await report({ areaId: place('RU') });
    const partnerIds = [...new Set(all.totals.map((t) => t.partner.id))];
    expect(partnerIds.length).toBeGreaterThan(1);
    const byPartner = await Promise.all(partnerIds.map((partnerId) => report({ areaId: place('RU'), partnerId })));
    expect(sumRecords(byPartner)).toBe(all.records);
    for (const [index, partial] of byPartner.entries()) expect(partial.totals.every((t) => t.partner.id === partnerIds[index])).toBe(true);

    const parcels = await report({ areaId: place('RU'), item: 'food parcel' });
    expect(parcels.totals.every((t) => t.item === 'food parcel')).toBe(true);
    expect(parcels.records).toBe(all.totals.filter((t) => t.item === 'food parcel').reduce((sum, t) => sum + t.records, 0));

    const first = await report({ areaId: place('RU'), to: '2024-06-30' });
    const second = await report({ areaId: place('RU'), from: '2024-07-01' });
    expect(first.records).toBeGreaterThan(0);
    expect(first.records + second.records).toBe(all.records);
    expect(first).toMatchObject({ from: null, to: '2024-06-30' });

    const monthly = await report({ areaId: place('RU'), groupBy: 'MONTH' });
    expect(monthly.totals.every((t) => /^\d{4}-\d{2}-01$/.test(t.periodStart ?? ''))).toBe(true);
    expect(monthly.totals.reduce((sum, t) => sum + t.records, 0)).toBe(all.records);
    const quarterly = await report({ areaId: place('RU'), groupBy: 'QUARTER' });
    expect(quarterly.totals.every((t) => ['01', '04', '07', '10'].includes(t.periodStart!.slice(5, 7)))).toBe(true);
  });
});

describe('recorded assistance appears at every level above its place', () => {
  test('records at Taganrog count for the settlement, district, region and country, with people and households reached', async () => {
    const before = await report({ areaId: place('RU') });
    const record = (beneficiary: number, item: Record<string, unknown>, householdSize: number, date: string) =>
      graph.query(
        `mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { id } }`,
        {
          input: {
            beneficiaryId: person(beneficiary), householdSize, date, locationId: place('RU-ROS-01-0001'),
            partnerId: org('RRC'), recordedById: org('RRC'), ...item,
          },
        },
      );
    const parcel = { item: 'food parcel', modality: 'IN_KIND', unit: 'PARCEL', quantity: 2 };
    const cash = { item: 'cash grant', modality: 'CASH', unit: 'CURRENCY', quantity: 5000, currency: 'RUB' };
    const results = await Promise.all([
      record(11, parcel, 3, '2024-01-10'),
      record(11, cash, 5, '2024-02-10'), // the same household, seen larger a month later
      record(12, parcel, 1, '2024-02-11'),
      record(13, cash, 2, '2025-01-05'),
    ]);
    for (const result of results) expect(result.errors).toBeUndefined();

    for (const key of ['RU-ROS-01-0001', 'RU-ROS-01', 'RU-ROS']) {
      const area = await report({ areaId: place(key), groupBy: 'YEAR' });
      expect(area).toMatchObject({ records: 4, householdsReached: 3, personsReached: 5 + 1 + 2 });
      expect(area.totals.map(({ partner: _p, ...t }) => t)).toEqual([
        { periodStart: '2024-01-01', item: 'cash grant', unit: 'CURRENCY', currency: 'RUB', quantity: 5000, records: 1 },
        { periodStart: '2024-01-01', item: 'food parcel', unit: 'PARCEL', currency: null, quantity: 4, records: 2 },
        { periodStart: '2025-01-01', item: 'cash grant', unit: 'CURRENCY', currency: 'RUB', quantity: 5000, records: 1 },
      ]);
    }
    const after = await report({ areaId: place('RU') });
    expect(after.records).toBe(before.records + 4);
    const q1 = await report({ areaId: place('RU-ROS'), from: '2024-01-01', to: '2024-03-31' });
    expect(q1).toMatchObject({ records: 3, householdsReached: 2, personsReached: 6 });
    // Another country's report does not see them.
    const by = await report({ areaId: place('BY'), item: 'food parcel', from: '2024-01-10', to: '2024-01-10' });
    expect(by.totals.every((t) => t.partner.id !== org('RRC'))).toBe(true);
  });

  test('an area with no assistance reports zeros, and bad arguments are refused naming them', async () => {
    const empty = await report({ areaId: place('RU-MOW') });
    expect(empty).toMatchObject({ records: 0, householdsReached: 0, personsReached: 0, totals: [] });
    const reversed = await graph.query(REPORT, { areaId: place('RU'), from: '2024-05-01', to: '2024-04-01' });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const badDate = await graph.query(REPORT, { areaId: place('RU'), from: '2024-13-01' });
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const badArea = await graph.query(REPORT, { areaId: 'Belgorod' });
    expect(badArea.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaId' });
  });

  test('the item catalogue lists the units each item may be counted in', async () => {
    const result = await graph.query<{ assistanceItems: Array<{ item: string; units: string[]; modalities: string[]; maxQuantityPerRecord: number }> }>(
      `{ assistanceItems { item units modalities maxQuantityPerRecord } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.assistanceItems).toContainEqual({ item: 'food parcel', units: ['PARCEL'], modalities: ['IN_KIND'], maxQuantityPerRecord: 50 });
  });
});
