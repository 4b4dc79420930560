import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime';
import { locations, type PrismaClient } from '../src/server';

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;

beforeAll(async () => {
  target = await createTestDatabaseTarget('locations');
  subgraph = await startTestSubgraph(locations, target);
  const prisma = subgraph.database.prisma;
  await prisma.organization.create({ data: { id: '00000000-0000-4000-8000-000000000001', type: 'NATIONAL_SOCIETY', name: 'Belarus Red Cross', shortName: 'BRC', countryCode: 'BY' } });
  await prisma.location.create({ data: { id: '00000000-0000-4000-8000-0000000000a0', type: 'COUNTRY', pcode: 'BY', adminLevel: 0, name: 'Belarus', names: [{ language: 'be', script: 'Cyrl', value: 'Беларусь' }], ancestorIds: [] } });
  for (let i = 1; i <= 3; i += 1) {
    await prisma.location.create({
      data: { id: `00000000-0000-4000-8000-0000000000a${i}`, type: 'ADMIN_AREA', pcode: `BY-0${i}`, adminLevel: 1, name: `Region ${i}`, names: [], parentId: '00000000-0000-4000-8000-0000000000a0', ancestorIds: ['00000000-0000-4000-8000-0000000000a0'], organizationId: '00000000-0000-4000-8000-000000000001' },
    });
  }
});

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
});

test('a place answers with its names, children pages and ancestors', async () => {
  const first = await postGraphQL<{ locationByPcode: { name: string; names: unknown[]; children: { edges: Array<{ node: { name: string; ancestors: Array<{ pcode: string }> } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>(
    subgraph.service.url,
    `{ locationByPcode(pcode: "BY") { name names { language script value } children(first: 2) { edges { node { name ancestors { pcode } } } pageInfo { hasNextPage endCursor } } } }`,
  );
  expect(first.errors).toBeUndefined();
  const place = first.data!.locationByPcode;
  expect(place.names).toEqual([{ language: 'be', script: 'Cyrl', value: 'Беларусь' }]);
  expect(place.children.edges.map((e) => e.node.name)).toEqual(['Region 1', 'Region 2']);
  expect(place.children.edges[0]!.node.ancestors).toEqual([{ pcode: 'BY' }]);
  expect(place.children.pageInfo.hasNextPage).toBe(true);

  const next = await postGraphQL<{ locations: { edges: Array<{ node: { name: string } }>; pageInfo: { hasNextPage: boolean } } }>(
    subgraph.service.url,
    `query($after: String) { locations(type: ADMIN_AREA, first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`,
    { after: place.children.pageInfo.endCursor },
  );
  expect(next.data!.locations.edges.map((e) => e.node.name)).toEqual(['Region 3']);
  expect(next.data!.locations.pageInfo.hasNextPage).toBe(false);
});

test('a page larger than the maximum is refused naming the argument', async () => {
  const result = await postGraphQL(subgraph.service.url, `{ locations(first: 1000) { edges { cursor } } }`);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
});

test('organisations resolve as federation entities with the places they run', async () => {
  const result = await postGraphQL<{ _entities: Array<{ name: string; places: Array<{ name: string }> }> }>(
    subgraph.service.url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name places { name } } } }`,
    { r: [{ __typename: 'Organization', id: '00000000-0000-4000-8000-000000000001' }] },
  );
  expect(result.data!._entities[0]).toEqual({ name: 'Belarus Red Cross', places: [{ name: 'Region 1' }, { name: 'Region 2' }, { name: 'Region 3' }] });
});

test('/ready reports the database reachable and migrated', async () => {
  const response = await fetch(subgraph.service.url.replace('/graphql', '/ready'));
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ready' });
});
