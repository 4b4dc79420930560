import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { locations, type PrismaClient } from '../src/server';

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;

beforeAll(async () => {
  target = await createTestDatabaseTarget('locations');
  subgraph = await startTestSubgraph(locations, target);
  const prisma = subgraph.database.prisma;
  await prisma.organization.create({
    data: { id: '00000000-0000-4000-8000-000000000001', type: 'NATIONAL_SOCIETY', name: 'Belarus Red Cross', shortName: 'BRC', countryCode: 'BY' },
  });
  await prisma.location.create({
    data: {
      id: '00000000-0000-4000-8000-0000000000a0',
      type: 'COUNTRY',
      pcode: 'BY',
      adminLevel: 0,
      name: 'Belarus',
      names: [{ language: 'be', script: 'Cyrl', value: 'Беларусь' }],
      ancestorIds: [],
    },
  });
  for (let i = 1; i <= 3; i += 1) {
    await prisma.location.create({
      data: {
        id: `00000000-0000-4000-8000-0000000000a${i}`,
        type: 'ADMIN_AREA',
        pcode: `BY-0${i}`,
        adminLevel: 1,
        name: `Region ${i}`,
        names: [],
        parentId: '00000000-0000-4000-8000-0000000000a0',
        ancestorIds: ['00000000-0000-4000-8000-0000000000a0'],
        organizationId: '00000000-0000-4000-8000-000000000001',
      },
    });
  }
});

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
});

test('a place answers with its names, children pages and ancestors', async () => {
  const first = await postGraphQL<{
    locationByPcode: {
      name: string;
      names: unknown[];
      children: { edges: Array<{ node: { name: string; ancestors: Array<{ pcode: string }> } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
  }>(
    subgraph.service.url,
    `{ locationByPcode(pcode: "BY") { name names { language script value } children(first: 2) { edges { node { name ancestors { pcode } } } pageInfo { hasNextPage endCursor } } } }`,
  );
  expect(first.errors).toBeUndefined();
  const place = first.data!.locationByPcode;
  expect(place.names).toEqual([{ language: 'be', script: 'Cyrl', value: 'Беларусь' }]);
  expect(place.children.edges.map((e) => e.node.name)).toEqual(['Region 1', 'Region 2']);
  expect(place.children.edges[0].node.ancestors).toEqual([{ pcode: 'BY' }]);
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

test('organisations resolve as federation entities with the places they run, in pages', async () => {
  type Places = { edges: Array<{ node: { name: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const query = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Organization { name places(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } } } }`;
  const r = [{ __typename: 'Organization', id: '00000000-0000-4000-8000-000000000001' }];
  const first = await postGraphQL<{ _entities: Array<{ name: string; places: Places }> }>(subgraph.service.url, query, { r });
  expect(first.errors).toBeUndefined();
  expect(first.data!._entities[0].name).toBe('Belarus Red Cross');
  expect(first.data!._entities[0].places.edges.map((e) => e.node.name)).toEqual(['Region 1', 'Region 2']);
  expect(first.data!._entities[0].places.pageInfo.hasNextPage).toBe(true);
  const next = await postGraphQL<{ _entities: Array<{ places: Places }> }>(subgraph.service.url, query, {
    r,
    after: first.data!._entities[0].places.pageInfo.endCursor,
  });
  expect(next.data!._entities[0].places.edges.map((e) => e.node.name)).toEqual(['Region 3']);
  expect(next.data!._entities[0].places.pageInfo.hasNextPage).toBe(false);
});

test('a batch of entities with repeated representations answers every copy, in order, errors included', async () => {
  const region = (n: number) => ({ __typename: 'Location', id: `00000000-0000-4000-8000-0000000000a${n}` });
  const r = [region(1), region(2), region(1), { __typename: 'Location', id: 'not-a-uuid' }, region(1), region(2)];
  const named = await postGraphQL<{ _entities: Array<{ name: string } | null> }>(
    subgraph.service.url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Location { name } } }`,
    { r },
  );
  expect(named.errors).toBeUndefined();
  expect(named.data!._entities.map((entity) => entity?.name ?? null)).toEqual(['Region 1', 'Region 2', 'Region 1', null, 'Region 1', 'Region 2']);

  const refused = await postGraphQL<{ _entities: Array<{ name: string; children: unknown } | null> }>(
    subgraph.service.url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Location { name children(first: 1000) { edges { cursor } } } } }`,
    { r },
  );
  // `children` is non-null: each refused copy nulls its entity, and each copy has its own error.
  expect(refused.data!._entities).toEqual([null, null, null, null, null, null]);
  expect(refused.errors?.map((error) => [error.path, error.extensions?.code])).toEqual(
    [0, 1, 2, 4, 5].map((index) => [['_entities', index, 'children'], 'BAD_USER_INPUT']),
  );
});

test('children of a type keep only places of that type, and a too large page names the nested argument', async () => {
  const result = await postGraphQL<{ locationByPcode: { settlements: { edges: unknown[] }; areas: { edges: Array<{ node: { pcode: string } }> } } }>(
    subgraph.service.url,
    `{ locationByPcode(pcode: "BY") { settlements: children(type: SETTLEMENT) { edges { cursor } } areas: children(type: ADMIN_AREA, first: 5) { edges { node { pcode } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.locationByPcode.settlements.edges).toEqual([]);
  expect(result.data!.locationByPcode.areas.edges.map((e) => e.node.pcode)).toEqual(['BY-01', 'BY-02', 'BY-03']);
  const tooBig = await postGraphQL(subgraph.service.url, `{ locationByPcode(pcode: "BY") { children(first: 101) { edges { cursor } } } }`);
  expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'children.first' });
  // A cursor of a list in another order decodes, but its values are not a name and an id.
  const foreign = Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z', 'not-an-id'])).toString('base64url');
  const badCursor = await postGraphQL(
    subgraph.service.url,
    `query($after: String) { locationByPcode(pcode: "BY") { children(after: $after) { edges { cursor } } } }`,
    { after: foreign },
  );
  expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'children.after' });
});

test('children of 50 places cost as many SQL statements as those of 5', async () => {
  const prisma = subgraph.database.prisma;
  // Fifty settlements in region 1, each with two offices inside.
  const settlement = (n: number) => `00000000-0000-4000-8000-${String(1000 + n).padStart(12, '0')}`;
  const office = (n: number, k: number) => `00000000-0000-4000-8000-${String(2000 + n * 10 + k).padStart(12, '0')}`;
  const region = '00000000-0000-4000-8000-0000000000a1';
  await prisma.location.createMany({
    data: Array.from({ length: 50 }, (_, n) => ({
      id: settlement(n),
      type: 'SETTLEMENT' as const,
      name: `Settlement ${String(n).padStart(2, '0')}`,
      names: [],
      parentId: region,
      ancestorIds: [region],
    })),
  });
  await prisma.location.createMany({
    data: Array.from({ length: 50 }, (_, n) =>
      [1, 2].map((k) => ({
        id: office(n, k),
        type: 'OFFICE' as const,
        name: `Office ${k}`,
        names: [],
        parentId: settlement(n),
        ancestorIds: [region, settlement(n)],
      })),
    ).flat(),
  });
  const statementsFor = async (count: number) => {
    subgraph.resetStatements();
    const result = await postGraphQL<{ locations: { edges: Array<{ node: { children: { edges: Array<{ node: { name: string } }> } } }> } }>(
      subgraph.service.url,
      `query($first: Int!, $parentId: ID!) { locations(parentId: $parentId, type: SETTLEMENT, first: $first) { edges { node { name children(first: 5) { edges { node { name } } } } } } }`,
      { first: count, parentId: region },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.locations.edges).toHaveLength(count);
    expect(result.data!.locations.edges.every((e) => e.node.children.edges.map((c) => c.node.name).join() === 'Office 1,Office 2')).toBe(true);
    return subgraph.statements();
  };
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five).toBeGreaterThan(0);
  expect(fifty).toBe(five);
});

test('an id that is not a UUID is refused naming the argument, before it reaches the database', async () => {
  for (const query of ['{ location(id: "x") { id } }', '{ organization(id: "x") { id } }', '{ locations(parentId: "x") { edges { cursor } } }']) {
    const result = await postGraphQL(subgraph.service.url, query);
    expect([query, result.errors?.[0]?.extensions]).toEqual([
      query,
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: query.includes('parentId') ? 'parentId' : 'id' }),
    ]);
  }
  const upper = await postGraphQL<{ location: { name: string } | null }>(
    subgraph.service.url,
    '{ location(id: "00000000-0000-4000-8000-0000000000A0") { name } }',
  );
  expect(upper.data!.location).toEqual({ name: 'Belarus' });
});

test('/ready reports the database reachable and migrated', async () => {
  const response = await fetch(subgraph.service.url.replace('/graphql', '/ready'));
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ready' });
});
