import { buildSchema, parse } from 'graphql';
import { affects, coordinatesOf, type SchemaChange } from '../src';

const schema = buildSchema(`
  type Query { node(id: ID!): String }
  type Mutation { record(input: RecordInput!, mode: Mode): String }
  input RecordInput { name: String! items: [ItemInput!]! parent: RecordInput }
  input ItemInput { quantity: Float! unit: Unit! }
  enum Unit { KG LITRE }
  enum Mode { FAST SAFE }
`);

const change = (type: string, path: string): SchemaChange => ({ type, level: 'breaking', message: type, path, reason: null });

test('a variable records every input field it can carry, nested and recursive, and the enum types it reaches', () => {
  const coordinates = coordinatesOf(schema, parse('mutation R($input: RecordInput!, $mode: Mode) { record(input: $input, mode: $mode) }'));
  expect(coordinates).toEqual([
    'ItemInput.quantity',
    'ItemInput.unit',
    'Mode',
    'Mutation.record',
    'Mutation.record(input:)',
    'Mutation.record(mode:)',
    'RecordInput.items',
    'RecordInput.name',
    'RecordInput.parent',
    'Unit',
  ]);
});

test('breaking changes to input fields and enum values hit the operations passing them as variables, and only those', () => {
  const byVariable = coordinatesOf(schema, parse('mutation R($input: RecordInput!) { record(input: $input) }'));
  const byLiteral = coordinatesOf(schema, parse('mutation { record(input: { name: "a", items: [{ quantity: 1, unit: KG }] }) }'));
  const unrelated = coordinatesOf(schema, parse('query Q($id: ID!) { node(id: $id) }'));
  const hit = (candidate: SchemaChange, coordinates: string[]) => coordinates.some(affects(candidate));

  for (const breaking of [
    change('INPUT_FIELD_REMOVED', 'ItemInput.quantity'),
    change('INPUT_FIELD_ADDED', 'ItemInput.note'),
    change('TYPE_REMOVED', 'ItemInput'),
    change('ENUM_VALUE_REMOVED', 'Unit.KG'),
  ]) {
    expect([breaking.path, hit(breaking, byVariable), hit(breaking, byLiteral), hit(breaking, unrelated)]).toEqual([breaking.path, true, true, false]);
  }
  // A literal operation names the values it sends: removing another one does not hit it.
  expect(hit(change('ENUM_VALUE_REMOVED', 'Unit.LITRE'), byLiteral)).toBe(false);
  expect(hit(change('ENUM_VALUE_REMOVED', 'Unit.LITRE'), byVariable)).toBe(true);
});
