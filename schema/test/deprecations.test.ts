import { deprecationReport, type OperationUsage } from '../src';

const sdl = `
type Query {
  person(id: ID!, includeArchived: Boolean @deprecated(reason: "Archived people are never returned.")): Person
  people(first: Int): [Person!]!
}
type Person {
  id: ID!
  name: String! @deprecated(reason: "Use fullName.")
  fullName: String!
  alias: String @deprecated(reason: "Nobody has one.")
}
`;

const used = (partner: string, coordinates: string[], count = 1): OperationUsage => ({
  signatureHash: `${partner}:${coordinates.join(',')}`,
  partner,
  operationName: null,
  signature: coordinates.join(' '),
  coordinates,
  count,
  lastSeen: new Date('2026-01-01T00:00:00Z'),
});

test('lists each deprecated field and argument with the operations still using it, most used first', () => {
  const alpha = used('alpha', ['Query.person', 'Query.person(id:)', 'Person.name']);
  const beta = used('beta', ['Query.people', 'Query.people(first:)', 'Person.name'], 7);
  const gamma = used('gamma', ['Query.person', 'Query.person(id:)', 'Query.person(includeArchived:)', 'Person.fullName']);
  const report = deprecationReport(sdl, [alpha, beta, gamma]);

  expect(report.map(({ coordinate, reason }) => [coordinate, reason])).toEqual([
    ['Person.name', 'Use fullName.'],
    ['Query.person(includeArchived:)', 'Archived people are never returned.'],
    ['Person.alias', 'Nobody has one.'],
  ]);
  expect(report[0]?.usage.map((entry) => entry.partner)).toEqual(['alpha', 'beta']);
  // The argument counts as used only where it is given, not wherever its field is.
  expect(report[1]?.usage.map((entry) => entry.partner)).toEqual(['gamma']);
  expect(report[2]?.usage).toEqual([]);
});

test('a schema with nothing deprecated gives an empty report', () => {
  expect(deprecationReport('type Query { hello: String }', [used('alpha', ['Query.hello'])])).toEqual([]);
});
