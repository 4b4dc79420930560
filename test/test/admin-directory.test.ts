import { syntheticId } from '@movement/runtime/demo';
import { sharedTestGraph, type SharedTestGraph } from './harness';

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

interface Organization {
  id: string;
  type: string;
  name: string;
  shortName: string;
  countryCode: string | null;
  parentId: string | null;
}

/** Every page of an admin list, `first` at a time. */
async function allPages<T>(field: 'organizations' | 'keys', args: string, first: number): Promise<Array<Page<T>>> {
  const pages: Array<Page<T>> = [];
  let after: string | null = null;
  do {
    const answer = await graph.admin<Record<string, Page<T>>>(
      `query($first: Int, $after: String) { ${field}(first: $first, after: $after${args}) { edges { cursor node { ${field === 'keys' ? 'id partnerId' : 'id type name shortName countryCode parentId'} } } pageInfo { endCursor hasNextPage } } }`,
      { first, after },
    );
    expect(answer.errors).toBeUndefined();
    const page: Page<T> = answer.data![field];
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return pages;
}

describe('an admin finds the Organization id to issue a partner key for', () => {
  test('organizations lists the Movement by name, a page at a time, with the ids keys are issued for', async () => {
    const pages = await allPages<Organization>('organizations', ', type: "NATIONAL_SOCIETY"', 2);
    const listed = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(pages.length).toBeGreaterThan(1);
    expect(listed.every((organization) => organization.type === 'NATIONAL_SOCIETY')).toBe(true);
    expect(listed).toContainEqual({
      id: syntheticId('organization', 'BRC'),
      type: 'NATIONAL_SOCIETY',
      name: 'Belarus Red Cross',
      shortName: 'BRC',
      countryCode: 'BY',
      parentId: null,
    });
    expect(new Set(listed.map((organization) => organization.id)).size).toBe(listed.length);
    const names = listed.map((organization) => organization.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  test('a delegation names the organisation it belongs to', async () => {
    const listed = (await allPages<Organization>('organizations', ', type: "DELEGATION"', 100)).flatMap((page) => page.edges.map((edge) => edge.node));
    expect(listed.find((organization) => organization.id === syntheticId('organization', 'ICRC-MOSCOW'))?.parentId).toBe(syntheticId('organization', 'ICRC'));
  });

  test('a type that does not exist is BAD_USER_INPUT naming it; a partner key may not list', async () => {
    const unknown = await graph.admin('{ organizations(type: "CHARITY") { edges { node { id } } } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
    const partner = await graph.admin('{ organizations { edges { node { id } } } }', {}, graph.as('belarusRedCross'));
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(partner.data ?? null).toBeNull();
  });
});

describe('keys pages like every other list', () => {
  test('keys, a page at a time, gives exactly the keys of the deprecated apiKeys list, in its order', async () => {
    const listed = await graph.admin<{ apiKeys: Array<{ id: string }> }>('{ apiKeys(includeRevoked: true) { id } }');
    const paged = (await allPages<{ id: string }>('keys', ', includeRevoked: true', 1)).flatMap((page) => page.edges.map((edge) => edge.node.id));
    expect(paged.length).toBeGreaterThan(1);
    expect(paged).toEqual(listed.data!.apiKeys.map((key) => key.id));
  });

  test('a cursor that is not a key id and a page size past 100 are BAD_USER_INPUT naming the argument', async () => {
    const cursor = await graph.admin('{ keys(after: "nope") { edges { cursor } } }');
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const size = await graph.admin('{ keys(first: 101) { edges { cursor } } }');
    expect(size.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
