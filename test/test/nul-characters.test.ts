import { syntheticId } from '@movement/runtime/demo';
import { postGraphQL } from '@movement/runtime/testing';
import { startTestGraph, type TestGraph } from './harness';

// Its own graph: whether a subgraph, and so a database, was asked is read from the graph's
// statement counters, which a graph shared across processes cannot give.
let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'nul-characters' });
});

afterAll(async () => {
  await graph?.stop();
});

const REGISTER = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const valid = {
  givenName: 'Ivan',
  familyName: 'Petrov',
  sex: 'MALE',
  status: 'CIVILIAN',
  purpose: 'restoring family links',
  legalBasis: 'VITAL_INTEREST',
  recordedById: syntheticId('organization', 'RRC-KURSK'),
};

describe('a NUL character, which no text of the graph may hold, is bad input naming the field', () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['a variable', 'query($name: String!) { searchPeople(name: $name, first: 1) { person { id } } }', { name: 'Iv\u0000an' }, 'name'],
    ['an argument written inline', '{ locationByPcode(pcode: "BY\\u0000HM") { id } }', {}, 'pcode'],
    ['a field of an input', REGISTER, { input: { ...valid, givenName: 'Iv\u0000an' } }, 'input.givenName'],
    ['an item of a list in an input', REGISTER, { input: { ...valid, otherSpellings: ['Ivan', 'Iwan\u0000'] } }, 'input.otherSpellings.1'],
    [
      'an input written inline',
      `mutation { registerPerson(input: { givenName: "Ivan", familyName: "Pe\\u0000trov", sex: MALE, status: CIVILIAN, purpose: "tracing", legalBasis: VITAL_INTEREST, recordedById: "${valid.recordedById}" }) { id } }`,
      {},
      'input.familyName',
    ],
  ];

  test.each(cases)('in %s', async (_where, query, variables, field) => {
    const before = graph.graph.statements();
    const result = await graph.query(query, variables);
    expect(result.status).toBe(400);
    expect(Object.keys(result)).not.toContain('data');
    expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) })]);
    // Refused before planning: no subgraph, and so no database, was asked.
    expect(graph.graph.statements()).toEqual(before);
  });

  test('a subgraph refuses it too, when asked directly', async () => {
    const result = await postGraphQL(graph.graph.subgraphs.locations.service.url, 'query($pcode: String!) { locationByPcode(pcode: $pcode) { id } }', {
      pcode: 'BY\u0000HM',
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pcode' });
  });
});
