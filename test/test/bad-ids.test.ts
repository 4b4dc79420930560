import { syntheticId } from '@movement/runtime/demo';
import { sharedTestGraph, type SharedTestGraph } from './harness';

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

/** Root fields of the locations and assistance subgraphs taking an id, with a bad value in `$id`. */
const lookups = [
  { root: 'location', query: 'query($id: ID!) { location(id: $id) { id } }', field: 'id' },
  { root: 'locations', query: 'query($id: ID) { locations(parentId: $id) { edges { cursor } } }', field: 'parentId' },
  { root: 'organization', query: 'query($id: ID!) { organization(id: $id) { id } }', field: 'id' },
  { root: 'programme', query: 'query($id: ID!) { programme(id: $id) { id } }', field: 'id' },
  { root: 'distribution', query: 'query($id: ID!) { distribution(id: $id) { id } }', field: 'id' },
  { root: 'assistanceRecord', query: 'query($id: ID!) { assistanceRecord(id: $id) { id } }', field: 'id' },
  { root: 'assistanceReport', query: 'query($id: ID!) { assistanceReport(areaId: $id) { records } }', field: 'areaId' },
  { root: 'distributionReport', query: 'query($id: ID!) { distributionReport(areaId: $id) { distributions } }', field: 'areaId' },
];

describe.each(['x', '', '12345', "1' OR '1'='1", '00000000-0000-4000-8000-00000000000g'])('an id of %j', (bad) => {
  test.each(lookups)('$root is refused as BAD_USER_INPUT naming the argument, with nothing about the server', async ({ root, query, field }) => {
    const result = await graph.query<Record<string, unknown>>(query, { id: bad });
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.path).toEqual([root]);
    // No database error, stack or source path reaches the partner.
    expect(JSON.stringify(error)).not.toMatch(/prisma|postgres|\.ts\b|\.js\b|node_modules|stacktrace/i);
    expect(result.data?.[root] ?? null).toBeNull();
  });
});

test('a well-formed id of nothing is no error: the record reads as absent', async () => {
  const missing = syntheticId('none', 'bad-ids');
  const result = await graph.query<{ location: null; organization: null; programme: null; distribution: null; assistanceRecord: null }>(
    `query($id: ID!) { location(id: $id) { id } organization(id: $id) { id } programme(id: $id) { id } distribution(id: $id) { id } assistanceRecord(id: $id) { id } }`,
    { id: missing },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ location: null, organization: null, programme: null, distribution: null, assistanceRecord: null });
});

test('an id in upper case finds the same record', async () => {
  const id = syntheticId('location', 'BY-HM');
  const result = await graph.query<{ location: { id: string; pcode: string } }>(`query($id: ID!) { location(id: $id) { id pcode } }`, { id: id.toUpperCase() });
  expect(result.errors).toBeUndefined();
  expect(result.data!.location).toEqual({ id, pcode: 'BY-HM' });
});
