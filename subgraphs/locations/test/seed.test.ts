import { createTestDatabaseTarget, demoPlaces, postGraphQL, startTestSubgraph, syntheticId, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime';
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
  expect(reported).toBe(demoPlaces.length + (await subgraph.database.prisma.organization.count()));
  expect(await subgraph.database.prisma.location.count()).toBe(demoPlaces.length);

  const result = await postGraphQL<{ location: { pcode: string; ancestors: Array<{ pcode: string }>; operatedBy: { shortName: string } } }>(
    subgraph.service.url,
    `query($id: ID!) { location(id: $id) { pcode ancestors { pcode } operatedBy { shortName } } }`,
    { id: syntheticId('location', 'DP-GOMEL-1') },
  );
  expect(result.data!.location).toEqual({ pcode: null, ancestors: [{ pcode: 'BY' }, { pcode: 'BY-HO' }, { pcode: 'BY-HO-01' }, { pcode: 'BY-HO-01-0001' }], operatedBy: { shortName: 'BRC Gomel' } });
});

test('every coded place starts with its parent\'s code', () => {
  const byKey = new Map(demoPlaces.map((p) => [p.key, p]));
  for (const place of demoPlaces.filter((p) => p.pcode && p.parent)) {
    expect(place.pcode!.startsWith(byKey.get(place.parent!)!.pcode!)).toBe(true);
  }
});
