import { parse } from 'graphql';
import { AccessRules, alternativesOf, implies } from '../src/access';

const federation = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [${imports}])`;

test('a subgraph reads @requiresScopes and @authenticated as imported, renamed or not', () => {
  const rules = AccessRules.fromDocument(
    parse(`${federation('"@key", { name: "@requiresScopes", as: "@scopes" }')}
      type Person @key(fields: "id") @scopes(scopes: [["people:read"]]) { id: ID! notes: String @scopes(scopes: [["people:read:sensitive"], ["mandate:all-records"]]) }
      type Place @federation__authenticated { id: ID! }
      type Query { person: Person place: Place other: String @requiresScopes(scopes: [["ignored"]]) }`),
  );
  expect(rules.requirements('Person', 'notes')).toEqual([[['people:read']], [['people:read:sensitive'], ['mandate:all-records']]]);
  // A type's rule holds on the fields returning it.
  expect(rules.requirements('Query', 'person')).toEqual([[['people:read']]]);
  expect(rules.requiresAuthentication('Query', 'place')).toBe(true);
  expect(rules.requiresAuthentication('Place', 'id')).toBe(true);
  // Under its imported name only: a directive the link does not name this way is someone else's.
  expect(rules.requirements('Query', 'other')).toEqual([]);
  expect(rules.requiresAuthentication('Query', 'other')).toBe(false);
  expect(rules.linksAccessSpecs).toBe(false);
});

test('a supergraph reads them under the names its own links give them', () => {
  const rules = AccessRules.fromDocument(
    parse(`schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scoped", for: SECURITY) { query: Query }
      type Query { detained: String @scoped(scopes: "detention:read") open: String }`),
  );
  expect(rules.linksAccessSpecs).toBe(true);
  // A single value where a list is expected is a list of it, as GraphQL coerces it.
  expect(rules.requirements('Query', 'detained')).toEqual([[['detention:read']]]);
  expect(rules.protectedCoordinates().map(({ typeName, fieldName }) => `${typeName}.${fieldName}`)).toEqual(['Query.detained']);
});

test('a malformed rule is refused with where it is', () => {
  expect(() => AccessRules.fromDocument(parse(`${federation('"@requiresScopes"')} type Query { a: String @requiresScopes(scopes: [[1]]) }`))).toThrow(
    '@requiresScopes on Query.a: scopes must be a list of lists of scope names',
  );
});

test('requirements compare as OR of ANDs: the same rule written another way implies and is implied', () => {
  expect(alternativesOf([[['a'], ['a', 'b']]])).toEqual([['a']]);
  expect(alternativesOf([[['a'], ['b']], [['c']]])).toEqual([
    ['a', 'c'],
    ['b', 'c'],
  ]);
  expect(implies([[['a', 'b']]], [[['a']]])).toBe(true);
  expect(implies([[['a']]], [[['a', 'b']]])).toBe(false);
  expect(implies([[['a'], ['b']]], [[['a']]])).toBe(false);
  expect(implies([], [[['a']]])).toBe(false);
  expect(implies([[['a']]], [])).toBe(true);
});
