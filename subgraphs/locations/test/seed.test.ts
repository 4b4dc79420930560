import { demoPlaces, syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { expectedRows, isSeeded, seed } from '../src/seed';
import { locations, type PrismaClient } from '../src/server';

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;

beforeAll(async () => {
  target = await createTestDatabaseTarget('locations-seed');
  subgraph = await startTestSubgraph(locations, target);
});

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
});

test('seeds the catalogue once, with the P-code hierarchy intact', async () => {
  expect(await isSeeded(subgraph.database.driver)).toBe(false);
  let reported = 0;
  await seed(subgraph.database.driver, { people: 10, onProgress: (rows) => (reported += rows) });
  expect(await isSeeded(subgraph.database.driver)).toBe(true);
  // The seed command sizes its progress bar by expectedRows.
  expect(reported).toBe(expectedRows(10));
  expect(reported).toBe(demoPlaces.length + (await subgraph.database.prisma.organization.count()) + (await subgraph.database.prisma.borderCrossing.count()));
  expect(await subgraph.database.prisma.location.count()).toBe(demoPlaces.length);

  const result = await postGraphQL<{ location: { pcode: string; ancestors: Array<{ pcode: string }>; operatedBy: { shortName: string } } }>(
    subgraph.service.url,
    `query($id: ID!) { location(id: $id) { pcode ancestors { pcode } operatedBy { shortName } } }`,
    { id: syntheticId('location', 'DP-GOMEL-1') },
  );
  expect(result.data!.location).toEqual({
    pcode: null,
    ancestors: [{ pcode: 'BY' }, { pcode: 'BY-HO' }, { pcode: 'BY-HO-01' }, { pcode: 'BY-HO-01-0001' }],
    operatedBy: { shortName: 'BRC Gomel' },
  });
});

test('the real crossings say when they were open, in which direction, and where that was published', async () => {
  const ask = (key: string, date: string, towards?: string) =>
    postGraphQL<{
      location: {
        borderCrossing: {
          countries: string[];
          source: string;
          checkedOn: string;
          stateOn: string;
          periods: Array<{ from: string; until: string | null; open: boolean; towards: string | null }>;
        };
      };
    }>(
      subgraph.service.url,
      `query($id: ID!, $date: String!, $towards: String) { location(id: $id) { borderCrossing { countries source checkedOn stateOn(date: $date, towards: $towards) periods { from until open towards } } } }`,
      { id: syntheticId('location', key), date, towards },
    );
  const kolotilovka = await ask('CROSSING-KOLOTILOVKA', '2024-03-15', 'UA');
  expect(kolotilovka.errors).toBeUndefined();
  expect(kolotilovka.data!.location.borderCrossing).toMatchObject({ countries: ['RU', 'UA'], stateOn: 'OPEN', checkedOn: '2025-12-26' });
  expect(kolotilovka.data!.location.borderCrossing.source).toMatch(/State Border Guard Service of Ukraine/);
  // Open into Ukraine only, and closed since August 2024.
  expect((await ask('CROSSING-KOLOTILOVKA', '2024-03-15', 'RU')).data!.location.borderCrossing.stateOn).toBe('CLOSED');
  expect((await ask('CROSSING-KOLOTILOVKA', '2024-09-01')).data!.location.borderCrossing.stateOn).toBe('CLOSED');
  expect((await ask('CROSSING-MOKRANY', '2025-01-10', 'UA')).data!.location.borderCrossing.stateOn).toBe('OPEN');
  // Before the first published report the state is not known, never assumed.
  expect((await ask('CROSSING-MOKRANY', '2023-01-10', 'UA')).data!.location.borderCrossing.stateOn).toBe('UNKNOWN');
  expect((await ask('CROSSING-1', '2024-05-01', 'UA')).data!.location.borderCrossing.stateOn).toBe('CLOSED');
  // The openings hold as of the day the sources were read: a later day is not known, even for a
  // corridor still open then, and the source says that date.
  expect((await ask('CROSSING-MOKRANY', '2025-12-26', 'UA')).data!.location.borderCrossing.stateOn).toBe('OPEN');
  const later = await ask('CROSSING-MOKRANY', '2025-12-27', 'UA');
  expect(later.data!.location.borderCrossing).toMatchObject({ stateOn: 'UNKNOWN', checkedOn: '2025-12-26' });
  expect(later.data!.location.borderCrossing.source).toMatch(/as read on 2025-12-26$/);
  const wrongWay = await ask('CROSSING-1', '2024-05-01', 'PL');
  expect(wrongWay.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'towards' });
  const notACrossing = await postGraphQL<{ location: { borderCrossing: null } }>(
    subgraph.service.url,
    `query($id: ID!) { location(id: $id) { borderCrossing { sides } } }`,
    {
      id: syntheticId('location', 'UA59'),
    },
  );
  expect(notACrossing.data!.location.borderCrossing).toBeNull();
});

test('Ukraine is there with its P-codes, and partners who deliver there', async () => {
  const result = await postGraphQL<{
    locationByPcode: { name: string; children: { edges: Array<{ node: { pcode: string | null; name: string } }> } };
    organizations: { edges: Array<{ node: { shortName: string; countryCode: string } }> };
  }>(
    subgraph.service.url,
    `{ locationByPcode(pcode: "UA") { name children(first: 20) { edges { node { pcode name } } } } organizations(first: 100) { edges { node { shortName countryCode } } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.locationByPcode.children.edges.map((e) => e.node.pcode)).toEqual(expect.arrayContaining(['UA80', 'UA59', 'UA63', 'UA74', 'UA07']));
  // Raions carry OCHA's admin-2 P-codes, each holding its oblast's; a crossing lies in its raion.
  const raions = await postGraphQL<{
    volyn: { children: { edges: Array<{ node: { pcode: string; adminLevel: number } }> } };
    crossing: { ancestors: Array<{ pcode: string | null }> };
  }>(
    subgraph.service.url,
    `query($crossing: ID!) { volyn: locationByPcode(pcode: "UA07") { children(first: 20) { edges { node { pcode adminLevel } } } }
      crossing: location(id: $crossing) { ancestors { pcode } } }`,
    { crossing: syntheticId('location', 'CROSSING-MOKRANY') },
  );
  expect(raions.errors).toBeUndefined();
  expect(raions.data!.volyn.children.edges.map((e) => e.node)).toEqual(
    expect.arrayContaining([
      { pcode: 'UA0706', adminLevel: 2 },
      { pcode: 'UA0708', adminLevel: 2 },
    ]),
  );
  expect(raions.data!.crossing.ancestors.map((a) => a.pcode)).toEqual(['UA', 'UA07', 'UA0706']);
  expect(result.data!.organizations.edges.map((e) => e.node)).toEqual(
    expect.arrayContaining([
      { shortName: 'URCS', countryCode: 'UA' },
      { shortName: 'ICRC Kyiv', countryCode: 'UA' },
    ]),
  );
});

test("every coded place starts with its parent's code", () => {
  const byKey = new Map(demoPlaces.map((p) => [p.key, p]));
  for (const place of demoPlaces.filter((p) => p.pcode && p.parent)) {
    expect(place.pcode!.startsWith(byKey.get(place.parent!)!.pcode!)).toBe(true);
  }
});
