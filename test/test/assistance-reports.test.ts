import { syntheticId } from '@movement/runtime/demo';
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

interface Total {
  periodStart: string | null;
  item: string;
  unit: string;
  currency: string | null;
  partner: { id: string; shortName: string };
  quantity: number;
  records: number;
}
interface Report {
  area: { id: string; name: string };
  from: string | null;
  to: string | null;
  records: number;
  householdsReached: number;
  personsReached: number;
  totals: Total[];
}

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

  test('in seeded areas every windowed report reaches one household per record, as the seed gives each person one', async () => {
    // Windows cut between the months that hold seeded records (in Russia, where the seed spreads them over several).
    const months = [...new Set((await report({ areaId: place('RU'), groupBy: 'MONTH' })).totals.map((t) => t.periodStart!))].sort();
    expect(months.length).toBeGreaterThanOrEqual(2);
    const endOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const windows = [{ to: endOf(months[0]) }, { from: months[1] }, { from: months[0], to: endOf(months.at(-1)!) }];
    for (const window of windows) {
      const windowed = await report({ areaId: place('RU'), ...window });
      expect(windowed.records).toBeGreaterThan(0);
      expect(windowed.householdsReached).toBe(windowed.records);
    }
  });
});

describe('recorded assistance appears at every level above its place', () => {
  test('records at Taganrog count for the settlement, district, region and country, with people and households reached', async () => {
    const before = await report({ areaId: place('RU') });
    const record = (beneficiary: number, item: Record<string, unknown>, householdSize: number, date: string) =>
      graph.query(`mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { id } }`, {
        input: {
          beneficiaryId: person(beneficiary),
          householdSize,
          date,
          locationId: place('RU-ROS-01-0001'),
          partnerId: org('RRC'),
          recordedById: org('RRC'),
          ...item,
        },
      });
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

  test('households reached are exact in any period: each counted once, at their latest household size', async () => {
    // The Minsk office has no seeded assistance, so its settlement and region hold only these records.
    const record = (beneficiary: number, householdSize: number, date: string, partner = 'BRC') =>
      graph.query(`mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { id } }`, {
        input: {
          beneficiaryId: person(beneficiary),
          householdSize,
          date,
          locationId: place('ICRC-MINSK-OFFICE'),
          partnerId: org(partner),
          recordedById: org(partner),
          item: 'hygiene kit',
          modality: 'IN_KIND',
          unit: 'KIT',
          quantity: 1,
        },
      });
    // Out of date order, two at once for the same household, and two on one day: the chain of days must still hold.
    for (const result of await Promise.all([record(31, 2, '2024-03-05'), record(31, 3, '2024-01-05')])) expect(result.errors).toBeUndefined();
    for (const result of await Promise.all([record(31, 4, '2024-02-05'), record(32, 1, '2024-02-20', 'ICRC-MINSK')])) expect(result.errors).toBeUndefined();
    expect((await record(31, 6, '2024-02-05')).errors).toBeUndefined();

    const reach = async (variables: Record<string, unknown>) => {
      const { records, householdsReached, personsReached } = await report({ areaId: place('BY-HM-0001'), ...variables });
      return { records, householdsReached, personsReached };
    };
    expect(await reach({})).toEqual({ records: 5, householdsReached: 2, personsReached: 2 + 1 });
    expect(await reach({ to: '2024-02-28' })).toEqual({ records: 4, householdsReached: 2, personsReached: 6 + 1 });
    expect(await reach({ from: '2024-02-06', to: '2024-02-28' })).toEqual({ records: 1, householdsReached: 1, personsReached: 1 });
    expect(await reach({ from: '2024-01-01', to: '2024-01-31' })).toEqual({ records: 1, householdsReached: 1, personsReached: 3 });
    expect(await reach({ from: '2024-02-05', to: '2024-02-05' })).toEqual({ records: 2, householdsReached: 1, personsReached: 6 });
    expect(await reach({ from: '2024-03-01' })).toEqual({ records: 1, householdsReached: 1, personsReached: 2 });
    expect(await reach({ from: '2024-04-01' })).toEqual({ records: 0, householdsReached: 0, personsReached: 0 });
    // A partner or item filter counts from the records, with the same meaning.
    expect(await reach({ to: '2024-02-28', item: 'hygiene kit' })).toEqual({ records: 4, householdsReached: 2, personsReached: 7 });
    expect(await reach({ partnerId: org('BRC') })).toEqual({ records: 4, householdsReached: 1, personsReached: 2 });
    // The region above holds the same households; the country adds its seeded ones.
    const region = await report({ areaId: place('BY-HM'), to: '2024-02-28' });
    expect(region).toMatchObject({ householdsReached: 2, personsReached: 7 });
  });

  test('the item catalogue lists the units each item may be counted in', async () => {
    const result = await graph.query<{ assistanceItems: Array<{ item: string; units: string[]; modalities: string[]; maxQuantityPerRecord: number }> }>(
      `{ assistanceItems { item units modalities maxQuantityPerRecord } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.assistanceItems).toContainEqual({ item: 'food parcel', units: ['PARCEL'], modalities: ['IN_KIND'], maxQuantityPerRecord: 50 });
  });
});

const DISTRIBUTION_REPORT = `query($areaId: ID!, $from: String, $to: String, $partnerId: ID, $programmeId: ID, $groupBy: ReportPeriod) {
  distributionReport(areaId: $areaId, from: $from, to: $to, partnerId: $partnerId, programmeId: $programmeId, groupBy: $groupBy) {
    area { id name } from to distributions
    byPartner { periodStart partner { id shortName } distributions }
    items { periodStart item unit currency partner { id } quantity distributions }
  } }`;

interface DistributionReport {
  area: { id: string; name: string };
  from: string | null;
  to: string | null;
  distributions: number;
  byPartner: Array<{ periodStart: string | null; partner: { id: string; shortName: string }; distributions: number }>;
  items: Array<{
    periodStart: string | null;
    item: string;
    unit: string;
    currency: string | null;
    partner: { id: string };
    quantity: number;
    distributions: number;
  }>;
}

async function distributionReport(variables: Record<string, unknown>): Promise<DistributionReport> {
  const result = await graph.query<{ distributionReport: DistributionReport }>(DISTRIBUTION_REPORT, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.distributionReport;
}

describe('distribution reports', () => {
  test('seeded distributions roll up from districts to countries, counted per partner, with their items summed', async () => {
    const [ru, by] = await Promise.all([distributionReport({ areaId: place('RU') }), distributionReport({ areaId: place('BY') })]);
    expect(ru.area.name).toBe('Russian Federation');
    expect(ru.distributions).toBeGreaterThan(0);
    expect(by.distributions).toBeGreaterThan(0);
    expect(ru.byPartner.reduce((sum, row) => sum + row.distributions, 0)).toBe(ru.distributions);
    expect(ru.byPartner.every((row) => row.partner.shortName.length > 0 && row.periodStart === null)).toBe(true);
    const regions = await Promise.all(['RU-BEL', 'RU-KRS', 'RU-ROS', 'RU-MOW'].map((key) => distributionReport({ areaId: place(key) })));
    expect(regions.reduce((sum, r) => sum + r.distributions, 0)).toBe(ru.distributions);
    // The seed makes a distribution's items the totals of the records handed out at it.
    const assistance = await report({ areaId: place('RU-KRS'), item: 'food parcel' });
    const krs = await distributionReport({ areaId: place('RU-KRS') });
    const parcels = krs.items.filter((row) => row.item === 'food parcel').reduce((sum, row) => sum + row.quantity, 0);
    expect(parcels).toBeGreaterThan(0);
    expect(parcels).toBeLessThanOrEqual(assistance.totals.reduce((sum, t) => sum + t.quantity, 0));
    for (const row of krs.items) expect(row.distributions).toBeLessThanOrEqual(krs.distributions);

    const monthly = await distributionReport({ areaId: place('RU'), groupBy: 'MONTH' });
    expect(monthly.byPartner.every((row) => /^\d{4}-\d{2}-01$/.test(row.periodStart ?? ''))).toBe(true);
    expect(monthly.byPartner.reduce((sum, row) => sum + row.distributions, 0)).toBe(ru.distributions);
    const half = await distributionReport({ areaId: place('RU'), to: '2024-06-30' });
    const rest = await distributionReport({ areaId: place('RU'), from: '2024-07-01' });
    expect(half.distributions + rest.distributions).toBe(ru.distributions);
    const partnerId = ru.byPartner[0].partner.id;
    const one = await distributionReport({ areaId: place('RU'), partnerId });
    expect(one.distributions).toBe(ru.byPartner[0].distributions);
    expect(one.items.every((row) => row.partner.id === partnerId)).toBe(true);
  });

  test('a recorded distribution counts for its place and every area above it, under its programme only', async () => {
    const programme = await graph.query<{ createAssistanceProgramme: { id: string } }>(
      `mutation($input: CreateAssistanceProgrammeInput!) { createAssistanceProgramme(input: $input) { id } }`,
      {
        input: {
          name: 'Minsk hygiene',
          partnerId: org('BRC'),
          sector: 'WASH',
          startDate: '2024-01-01',
          endDate: '2024-12-31',
          targetAreaIds: [place('BY-HM')],
        },
      },
    );
    expect(programme.errors).toBeUndefined();
    const programmeId = programme.data!.createAssistanceProgramme.id;
    const before = await distributionReport({ areaId: place('BY') });
    const record = (date: string, kits: number) =>
      graph.query(`mutation($input: RecordDistributionInput!) { recordDistribution(input: $input) { id } }`, {
        input: {
          programmeId,
          locationId: place('ICRC-MINSK-OFFICE'),
          date,
          partnerId: org('BRC'),
          recordedById: org('BRC'),
          items: [
            { item: 'hygiene kit', modality: 'IN_KIND', quantity: kits, unit: 'KIT' },
            { item: 'cash grant', modality: 'CASH', quantity: 1000, unit: 'CURRENCY', currency: 'BYN' },
          ],
        },
      });
    for (const result of await Promise.all([record('2024-04-10', 40), record('2024-05-12', 60)])) expect(result.errors).toBeUndefined();

    for (const key of ['ICRC-MINSK-OFFICE', 'BY-HM-0001', 'BY-HM']) {
      const area = await distributionReport({ areaId: place(key), groupBy: 'MONTH' });
      expect(area.distributions).toBe(2);
      expect(area.byPartner).toEqual([
        { periodStart: '2024-04-01', partner: expect.objectContaining({ id: org('BRC') }), distributions: 1 },
        { periodStart: '2024-05-01', partner: expect.objectContaining({ id: org('BRC') }), distributions: 1 },
      ]);
    }
    const whole = await distributionReport({ areaId: place('BY-HM') });
    expect(whole.items).toEqual([
      { periodStart: null, item: 'cash grant', unit: 'CURRENCY', currency: 'BYN', partner: { id: org('BRC') }, quantity: 2000, distributions: 2 },
      { periodStart: null, item: 'hygiene kit', unit: 'KIT', currency: null, partner: { id: org('BRC') }, quantity: 100, distributions: 2 },
    ]);
    expect((await distributionReport({ areaId: place('BY') })).distributions).toBe(before.distributions + 2);
    expect((await distributionReport({ areaId: place('BY'), programmeId })).distributions).toBe(2);
    expect((await distributionReport({ areaId: place('BY-HM'), from: '2024-05-01' })).distributions).toBe(1);
    expect((await distributionReport({ areaId: place('BY-HM'), partnerId: org('ICRC-MINSK') })).distributions).toBe(0);
  });

  test('bad arguments are refused naming them', async () => {
    const reversed = await graph.query(DISTRIBUTION_REPORT, { areaId: place('RU'), from: '2024-05-01', to: '2024-04-01' });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const badProgramme = await graph.query(DISTRIBUTION_REPORT, { areaId: place('RU'), programmeId: 'winter' });
    expect(badProgramme.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'programmeId' });
    const badArea = await graph.query(DISTRIBUTION_REPORT, { areaId: 'Belgorod' });
    expect(badArea.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'areaId' });
  });
});
