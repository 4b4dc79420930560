import { readFileSync } from 'node:fs';
import { composeServices as composeIndependently } from '@theguild/federation-composition';
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { AccessRules } from '@movement/runtime';
import { apiSchemaPath, composeSubgraphs, formatProblems, readSubgraphSdls, supergraphPath } from '../src';

const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])';

const places = {
  name: 'places',
  url: 'http://127.0.0.1:1/graphql',
  sdl: `${federation}
"A place." type Place @key(fields: "id") { "Id." id: ID! "Name." name: String! }
"Root." type Query { "A place." place(id: ID!): Place }`,
};

test('compatible subgraphs compose into a supergraph and an API schema without federation types', () => {
  const people = {
    name: 'people',
    url: 'http://127.0.0.1:2/graphql',
    sdl: `${federation}
"A place." type Place @key(fields: "id", resolvable: false) { "Id." id: ID! }
"A person." type Person @key(fields: "id") { "Id." id: ID! "Last seen." lastSeenAt: Place }
"Root." type Query { "A person." person(id: ID!): Person }`,
  };
  const outcome = composeSubgraphs([places, people]);
  if (!outcome.ok) throw new Error(formatProblems(outcome.errors));
  expect(outcome.supergraphSdl).toContain('PEOPLE @join__graph(name: "people", url: "http://127.0.0.1:2/graphql")');
  expect(outcome.apiSchemaSdl).toContain('lastSeenAt: Place');
  expect(outcome.apiSchemaSdl).not.toContain('join__');
});

test('a field typed differently in two subgraphs is reported with its code and both subgraphs', () => {
  const clash = {
    name: 'clash',
    url: 'http://127.0.0.1:3/graphql',
    sdl: `${federation}
"A place." type Place @key(fields: "id") { "Id." id: ID! "Name." name: Int! }
"Root." type Query { "Places." places: [Place!]! }`,
  };
  const outcome = composeSubgraphs([places, clash]);
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  const mismatch = outcome.errors.find((error) => error.code === 'FIELD_TYPE_MISMATCH');
  expect(mismatch).toMatchObject({ subgraphs: ['clash', 'places'] });
  expect(mismatch!.message).toContain('Place.name');
  expect(formatProblems(outcome.errors)).toMatch(/^FIELD_TYPE_MISMATCH \(clash, places\): Type of field "Place\.name"/m);
});

test('an invalid @key names the one subgraph at fault', () => {
  const badKey = { ...places, sdl: places.sdl.replace('@key(fields: "id")', '@key(fields: "code")') };
  const outcome = composeSubgraphs([badKey]);
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.errors[0]).toMatchObject({ code: 'KEY_INVALID_FIELDS', subgraphs: ['places'] });
});

test('SDL that does not parse is reported as INVALID_GRAPHQL for its subgraph, without composing', () => {
  const outcome = composeSubgraphs([places, { name: 'broken', url: 'http://127.0.0.1:4/graphql', sdl: 'type Query { oops(: Int }' }]);
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.errors).toHaveLength(1);
  expect(outcome.errors[0]).toMatchObject({ code: 'INVALID_GRAPHQL', subgraphs: ['broken'] });
  expect(outcome.errors[0].message).toMatch(/^\[broken\] Syntax Error/);
});

/**
 * A second, independent implementation of Federation composition (The Guild's, MIT) reads the
 * same four SDLs: it composes them without error, its public schema is the checked-in API schema,
 * and its supergraph carries the same access rules — so the graph does not depend on Apollo's
 * composer, and engines built on either read the same rules.
 */
test('an independent composer composes the subgraphs into the same API schema and the same access rules', () => {
  const services = readSubgraphSdls().map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) }));
  const independent = composeIndependently(services);
  expect(independent.errors?.map((error) => error.message) ?? []).toEqual([]);
  const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));
  expect(sorted(independent.publicSdl!)).toBe(sorted(readFileSync(apiSchemaPath, 'utf8')));

  const ours = AccessRules.fromDocument(parse(readFileSync(supergraphPath, 'utf8')));
  const theirs = AccessRules.fromDocument(independent.supergraphDocumentNode!);
  expect(theirs.linksAccessSpecs).toBe(true);
  expect(Object.fromEntries(theirs.ownRules())).toEqual(Object.fromEntries(ours.ownRules()));
  expect(ours.ownRules().size).toBeGreaterThan(50);
});

test("composition merges one type's rules from two subgraphs into one @requiresScopes needing both, and the rules read it so", () => {
  const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@requiresScopes"])';
  const outcome = composeSubgraphs([
    {
      name: 'a',
      url: 'http://127.0.0.1:5/graphql',
      sdl: `${link} "Root." type Query { "P." p: Person } "P." type Person @key(fields: "id") @requiresScopes(scopes: [["a"], ["x"]]) { "Id." id: ID! "N." n: String }`,
    },
    {
      name: 'b',
      url: 'http://127.0.0.1:6/graphql',
      sdl: `${link} "P." type Person @key(fields: "id") @requiresScopes(scopes: [["b"]]) { "Id." id: ID! "M." m: String }`,
    },
  ]);
  if (!outcome.ok) throw new Error(formatProblems(outcome.errors));
  expect(outcome.supergraphSdl).toContain('@requiresScopes(scopes: [["a", "b"], ["b", "x"]])');
  const rules = AccessRules.fromDocument(parse(outcome.supergraphSdl));
  expect(rules.requirements('Person', 'm')).toEqual([
    [
      ['a', 'b'],
      ['b', 'x'],
    ],
  ]);
  expect(rules.requirements('Query', 'p')).toEqual([
    [
      ['a', 'b'],
      ['b', 'x'],
    ],
  ]);
});
