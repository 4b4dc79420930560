import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { AccessRules, satisfies, syntheticId } from '@movement/runtime';
import { apiSchemaPath, supergraphPath } from '@movement/schema';
import { demoPartnerKeys, demoTokens } from '../src/demo-access';
import { startTestGraph, type Caller, type TestGraph } from './harness';

/**
 * The authorization matrix, generated from the supergraph's `@access` directives: for every
 * protected field of every type, and every demo principal, the outcome through the gateway —
 * visible, redacted (null with FORBIDDEN at the field, the record still answered) or forbidden
 * (a root field or mutation refused) — must be the one the directives call for. A new protected
 * type or field is in the matrix automatically; a type the matrix cannot reach fails the test.
 */
const rules = AccessRules.fromDocument(parse(readFileSync(supergraphPath, 'utf8')));
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));

let graph: TestGraph;
const ids: Record<string, string> = {};

const partners = {
  icrc: syntheticId('organization', demoPartnerKeys.icrc.partnerKey),
  russianRedCross: syntheticId('organization', demoPartnerKeys.russianRedCross.partnerKey),
  belarusRedCross: syntheticId('organization', demoPartnerKeys.belarusRedCross.partnerKey),
};
const principals: Array<{ caller: Exclude<Caller, 'anonymous' | 'fullAccess'>; scopes: readonly string[]; partnerId: string | null }> = [
  { caller: 'icrc', scopes: demoPartnerKeys.icrc.scopes, partnerId: partners.icrc },
  { caller: 'russianRedCross', scopes: demoPartnerKeys.russianRedCross.scopes, partnerId: partners.russianRedCross },
  { caller: 'belarusRedCross', scopes: demoPartnerKeys.belarusRedCross.scopes, partnerId: partners.belarusRedCross },
  { caller: 'app', scopes: demoTokens.app.scopes, partnerId: demoTokens.app.partnerId },
  { caller: 'admin', scopes: demoTokens.admin.scopes, partnerId: null },
];

/**
 * How to reach a record of each type from the root: a root field (with the id of a record that
 * has the nested data) and the fields leading down to the type.
 */
const reach: Record<string, { root: () => string; via: string[] }> = {
  Person: { root: () => `person(id: "${ids.person}")`, via: [] },
  PersonEdge: { root: () => `people(first: 1)`, via: ['edges'] },
  FamilyLinkEdge: { root: () => `person(id: "${ids.person}")`, via: ['familyLinks', 'edges'] },
  FamilyLink: { root: () => `person(id: "${ids.person}")`, via: ['familyLinks', 'edges', 'node'] },
  PersonSearchResult: { root: () => `searchPeople(name: "${ids.personName}", first: 1)`, via: [] },
  TracingRequest: { root: () => `tracingRequest(id: "${ids.tracingRequest}")`, via: [] },
  TracingRequestEdge: { root: () => `tracingRequests(first: 1)`, via: ['edges'] },
  PossibleMatch: { root: () => `tracingRequest(id: "${ids.searchedRequest}")`, via: ['possibleMatches'] },
  ReunificationSupport: { root: () => `tracingRequest(id: "${ids.tracingRequest}")`, via: ['reunificationSupport', 'edges', 'node'] },
  ReunificationSupportEdge: { root: () => `tracingRequest(id: "${ids.tracingRequest}")`, via: ['reunificationSupport', 'edges'] },
  DetentionRecord: { root: () => `detentionRecord(id: "${ids.detentionRecord}")`, via: [] },
  DetentionRecordEdge: { root: () => `detentionRecords(first: 1)`, via: ['edges'] },
  DetentionVisitEdge: { root: () => `detentionRecord(id: "${ids.detentionRecord}")`, via: ['visits', 'edges'] },
  DetentionVisit: { root: () => `detentionRecord(id: "${ids.detentionRecord}")`, via: ['visits', 'edges', 'node'] },
  AccessRequestStep: { root: () => `detentionRecord(id: "${ids.detentionRecord}")`, via: ['accessHistory'] },
  DetentionEvent: { root: () => `detentionRecord(id: "${ids.detentionRecord}")`, via: ['events'] },
  DetentionNotification: { root: () => `detentionRecord(id: "${ids.detentionRecord}")`, via: ['notifications'] },
  RecordForReview: { root: () => `recordsPastReview(asOf: "2099-01-01", first: 1)`, via: ['edges', 'node'] },
  RecordForReviewEdge: { root: () => `recordsPastReview(asOf: "2099-01-01", first: 1)`, via: ['edges'] },
  RedCrossMessage: { root: () => `message(id: "${ids.message}")`, via: [] },
  RedCrossMessageEdge: { root: () => `messages(first: 1)`, via: ['edges'] },
  MessageStatusChange: { root: () => `message(id: "${ids.message}")`, via: ['statusHistory'] },
  PartnerMessageCounts: { root: () => `messageCountsByStatus(partnerIds: ["${ids.countsPartner}"])`, via: [] },
  MessageStatusCount: { root: () => `messageCountsByStatus(partnerIds: ["${ids.countsPartner}"])`, via: ['byStatus'] },
  AssistanceProgramme: { root: () => `programme(id: "${ids.programme}")`, via: [] },
  AssistanceProgrammeEdge: { root: () => `programmes(first: 1)`, via: ['edges'] },
  Distribution: { root: () => `distribution(id: "${ids.distribution}")`, via: [] },
  DistributionEdge: { root: () => `programme(id: "${ids.programme}")`, via: ['distributions', 'edges'] },
  DistributionItem: { root: () => `distribution(id: "${ids.distribution}")`, via: ['items'] },
  AssistanceRecord: { root: () => `assistanceRecord(id: "${ids.assistanceRecord}")`, via: [] },
  AssistanceRecordEdge: { root: () => `person(id: "${ids.person}")`, via: ['assistanceReceived', 'edges'] },
  Location: { root: () => `location(id: "${ids.location}")`, via: [] },
};

/** Values for required arguments, by argument name; other arguments are left out. */
const sampleArguments: Record<string, () => string> = {
  areaId: () => `"${ids.country}"`,
  partnerIds: () => `["${ids.countsPartner}"]`,
  name: () => `"${ids.personName}"`,
  olderThanDays: () => '1',
  id: () => `"${syntheticId('none', 0)}"`,
};

function argumentsOf(args: readonly GraphQLArgument[]): string {
  const required = args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length === 0) return '';
  return `(${required.map((arg) => `${arg.name}: ${sample(arg.name, arg.type)}`).join(', ')})`;
}

function sample(name: string, type: GraphQLInputType): string {
  const known = sampleArguments[name];
  if (known) return known();
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return '[]';
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${fields.map((field) => `${field.name}: ${sample(field.name, field.type)}`).join(', ')} }`;
  }
  if (inner.name === 'Int' || inner.name === 'Float') return '1';
  if (inner.name === 'Boolean') return 'false';
  // Well-formed but pointing nowhere: a permitted mutation fails validation, it never writes.
  return `"${syntheticId('matrix', name)}"`;
}

function objectType(name: string): GraphQLObjectType {
  const type = api.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type of the API schema`);
  return type;
}

/** The query reaching `typeName.fieldName`, and the coordinates along the way (root first). */
function queryFor(typeName: string, fieldName: string): { query: string; chain: string[] } {
  const route = reach[typeName]!;
  const rootField = /^(\w+)/.exec(route.root())![1]!;
  const chain = [`Query.${rootField}`];
  let current = getNamedType(objectType('Query').getFields()[rootField]!.type).name;
  for (const step of route.via) {
    chain.push(`${current}.${step}`);
    current = getNamedType(objectType(current).getFields()[step]!.type).name;
  }
  if (current !== typeName) throw new Error(`reach[${typeName}] leads to ${current}`);
  const field = objectType(typeName).getFields()[fieldName]!;
  chain.push(`${typeName}.${fieldName}`);
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const leaf = `${fieldName}${argumentsOf(field.args)}${selection}`;
  const body = route.via.reduceRight((inner, step) => `${step} { ${inner} }`, leaf);
  return { query: `{ r: ${route.root()} { ${body} } }`, chain };
}

type Outcome = 'visible' | `redacted at ${string}` | `forbidden at ${string}`;

function expected(scopes: readonly string[], chain: string[]): Outcome {
  const denied = chain.find((coordinate) => {
    const [type, field] = coordinate.split('.') as [string, string];
    return !satisfies(scopes, rules.requirements(type, field));
  });
  if (!denied) return 'visible';
  return denied.startsWith('Query.') || denied.startsWith('Mutation.') ? `forbidden at ${denied}` : `redacted at ${denied}`;
}

function actual(errors: Array<{ extensions?: Record<string, unknown> }> | undefined): Outcome {
  const denial = errors?.find((error) => error.extensions?.code === 'FORBIDDEN' && typeof error.extensions.coordinate === 'string');
  if (!denial) return 'visible';
  const coordinate = denial.extensions!.coordinate as string;
  return coordinate.startsWith('Query.') || coordinate.startsWith('Mutation.') ? `forbidden at ${coordinate}` : `redacted at ${coordinate}`;
}

const readable = rules.protectedCoordinates().filter(({ typeName }) => typeName !== 'Mutation' && typeName !== 'Query');
const roots = rules.protectedCoordinates().filter(({ typeName }) => typeName === 'Query');
const mutations = rules.protectedCoordinates().filter(({ typeName }) => typeName === 'Mutation');

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'matrix' });
  // Records with every kind of nested data, found as the full-access principal.
  const found = await graph.query<{
    people: { edges: Array<{ node: { id: string; fullName: string; familyLinks: { edges: unknown[] }; assistanceReceived: { edges: Array<{ node: { id: string } }> } } }> };
    tracingRequests: { edges: Array<{ node: { id: string; reunificationSupport: { edges: unknown[] }; possibleMatches: unknown[] } }> };
    detentionRecords: { edges: Array<{ node: { id: string; visits: { edges: unknown[] }; notifications: unknown[] } }> };
    messages: { edges: Array<{ node: { id: string; collectingPartner: { id: string } } }> };
    programmes: { edges: Array<{ node: { id: string; distributions: { edges: Array<{ node: { id: string; location: { id: string; ancestors: Array<{ id: string }> } } }> } } }> };
  }>(`{
    people(first: 100) { edges { node { id fullName familyLinks(first: 1) { edges { node { id } } } assistanceReceived(first: 1) { edges { node { id } } } } } }
    tracingRequests(first: 100) { edges { node { id reunificationSupport(first: 1) { edges { node { id } } } possibleMatches(first: 1) { score } } } }
    detentionRecords(first: 100) { edges { node { id visits(first: 1) { edges { node { id } } } notifications { id } } } }
    messages(first: 1) { edges { node { id collectingPartner { id } } } }
    programmes(first: 20) { edges { node { id distributions(first: 1) { edges { node { id location { id ancestors { id } } } } } } } }
  }`);
  if (found.errors) throw new Error(JSON.stringify(found.errors));
  const data = found.data!;
  const person = data.people.edges.map((e) => e.node).find((p) => p.familyLinks.edges.length > 0 && p.assistanceReceived.edges.length > 0)!;
  Object.assign(ids, {
    person: person.id,
    personName: person.fullName,
    assistanceRecord: person.assistanceReceived.edges[0]!.node.id,
    // Support follows a case once its person is found, and matches are proposed while it is searched: two requests.
    tracingRequest: data.tracingRequests.edges.map((e) => e.node).find((t) => t.reunificationSupport.edges.length > 0)!.id,
    searchedRequest: data.tracingRequests.edges.map((e) => e.node).find((t) => t.possibleMatches.length > 0)!.id,
    detentionRecord: data.detentionRecords.edges.map((e) => e.node).find((d) => d.visits.edges.length > 0 && d.notifications.length > 0)!.id,
    message: data.messages.edges[0]!.node.id,
    countsPartner: data.messages.edges[0]!.node.collectingPartner.id,
  });
  const programme = data.programmes.edges.map((e) => e.node).find((p) => p.distributions.edges.length > 0)!;
  const distribution = programme.distributions.edges[0]!.node;
  Object.assign(ids, { programme: programme.id, distribution: distribution.id, location: distribution.location.id, country: distribution.location.ancestors[0]!.id });
  // Share the chosen records with every demo partner, so what the matrix sees is decided by
  // scopes alone (who sees which records is the ownership test's subject).
  const everyone = Object.values(partners);
  const share = async (subgraph: 'people' | 'messages' | 'assistance', table: string, id: string) =>
    graph.graph.subgraphs[subgraph].database.driver.query(`UPDATE ${table} SET "sharedWithIds" = $2::uuid[] WHERE "id" = $1`, [id, everyone]);
  await share('people', '"people"."Person"', ids.person!);
  await share('people', '"people"."TracingRequest"', ids.tracingRequest!);
  await share('people', '"people"."TracingRequest"', ids.searchedRequest!);
  await share('people', '"people"."DetentionRecord"', ids.detentionRecord!);
  await share('messages', '"messages"."RedCrossMessage"', ids.message!);
  await share('assistance', '"assistance"."AssistanceRecord"', ids.assistanceRecord!);
}, 180_000);

afterAll(async () => {
  await graph?.stop();
});

test('every type with a protected field can be reached by the matrix', () => {
  const unreachable = [...new Set(readable.map(({ typeName }) => typeName))].filter((typeName) => !reach[typeName]);
  expect(unreachable).toEqual([]);
  expect(readable.length).toBeGreaterThan(100);
});

test('anonymous callers get 401 for every protected root field', async () => {
  for (const { fieldName } of roots) {
    const field = objectType('Query').getFields()[fieldName]!;
    const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
    const result = await graph.query(`{ ${fieldName}${argumentsOf(field.args)}${selection} }`, {}, graph.as('anonymous'));
    expect([fieldName, result.status]).toEqual([fieldName, 401]);
  }
});

describe.each(principals)('as $caller', ({ caller, scopes }) => {
  test('every protected field is visible or redacted as its @access says', async () => {
    const outcomes: Record<string, { expected: Outcome; actual: Outcome }> = {};
    for (const { typeName, fieldName } of readable) {
      const { query, chain } = queryFor(typeName, fieldName);
      const result = await graph.query(query, {}, graph.as(caller));
      outcomes[`${typeName}.${fieldName}`] = { expected: expected(scopes, chain), actual: actual(result.errors) };
    }
    const mismatches = Object.entries(outcomes).filter(([, outcome]) => outcome.expected !== outcome.actual);
    expect(mismatches).toEqual([]);
    // The matrix must show both outcomes for partners with partial scopes; all visible for the ICRC.
    const kinds = new Set(Object.values(outcomes).map((outcome) => outcome.actual.split(' ')[0]));
    if (caller === 'icrc') expect([...kinds]).toEqual(['visible']);
    else expect(kinds.size).toBeGreaterThan(1);
  });

  test('every protected root field answers or is forbidden as its @access says', async () => {
    for (const { fieldName } of roots) {
      const field = objectType('Query').getFields()[fieldName]!;
      const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
      const result = await graph.query(`{ ${fieldName}${argumentsOf(field.args)}${selection} }`, {}, graph.as(caller));
      expect([fieldName, actual(result.errors)]).toEqual([fieldName, expected(scopes, [`Query.${fieldName}`])]);
    }
  });

  test('every mutation is refused without its write scope, and reaches validation with it', async () => {
    for (const { fieldName } of mutations) {
      const field = objectType('Mutation').getFields()[fieldName]!;
      const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
      const result = await graph.query(`mutation { ${fieldName}${argumentsOf(field.args)}${selection} }`, {}, graph.as(caller));
      const outcome = expected(scopes, [`Mutation.${fieldName}`]);
      expect([fieldName, actual(result.errors)]).toEqual([fieldName, outcome]);
      // Allowed or not, a well-formed request pointing at nothing writes nothing.
      expect([fieldName, result.data?.[fieldName] ?? null]).toEqual([fieldName, null]);
    }
  });
});

/**
 * Records about people, by type: one recorded by the Belarus Red Cross and shared with nobody.
 * Seen by its recorder and by the ICRC's mandate, absent (null, no error) for everyone else, and
 * forbidden outright to a principal without the type's read scope.
 */
const recordTypes = [
  { type: 'Person', root: 'person', subgraph: 'people', table: '"people"."Person"', id: () => ids.person! },
  { type: 'TracingRequest', root: 'tracingRequest', subgraph: 'people', table: '"people"."TracingRequest"', id: () => ids.tracingRequest! },
  { type: 'DetentionRecord', root: 'detentionRecord', subgraph: 'people', table: '"people"."DetentionRecord"', id: () => ids.detentionRecord! },
  { type: 'RedCrossMessage', root: 'message', subgraph: 'messages', table: '"messages"."RedCrossMessage"', id: () => ids.message! },
  { type: 'AssistanceRecord', root: 'assistanceRecord', subgraph: 'assistance', table: '"assistance"."AssistanceRecord"', id: () => ids.assistanceRecord! },
] as const;

describe('record ownership by type', () => {
  beforeAll(async () => {
    for (const record of recordTypes) {
      await graph.graph.subgraphs[record.subgraph].database.driver.query(
        `UPDATE ${record.table} SET "recordedById" = $2::uuid, "sharedWithIds" = '{}' WHERE "id" = $1`,
        [record.id(), partners.belarusRedCross],
      );
    }
  });

  test.each(principals)('as $caller', async ({ caller, scopes, partnerId }) => {
    const outcomes: Record<string, { expected: string; actual: string }> = {};
    for (const record of recordTypes) {
      const result = await graph.query<Record<string, { id: string } | null>>(`{ r: ${record.root}(id: "${record.id()}") { id } }`, {}, graph.as(caller));
      const forbiddenRoot = expected(scopes, [`Query.${record.root}`]) !== 'visible';
      const sees = scopes.includes('mandate:all-records') || partnerId === partners.belarusRedCross;
      outcomes[record.type] = {
        expected: forbiddenRoot ? 'forbidden' : sees ? 'visible' : 'hidden',
        actual: actual(result.errors) !== 'visible' ? 'forbidden' : result.data?.r?.id === record.id() ? 'visible' : result.data?.r === null && !result.errors ? 'hidden' : `unexpected ${JSON.stringify(result)}`,
      };
    }
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome.expected !== outcome.actual)).toEqual([]);
  });
});

test('the policy the directives encode: detention for the ICRC only, health and children need the sensitive scope', () => {
  const outcome = (caller: (typeof principals)[number]['caller'], coordinate: string) => {
    const principal = principals.find((p) => p.caller === caller)!;
    const [type, field] = coordinate.split('.') as [string, string];
    return satisfies(principal.scopes, rules.requirements(type, field));
  };
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'DetentionRecord.registrationNumber')])).toEqual([
    ['icrc', true], ['russianRedCross', false], ['belarusRedCross', false], ['app', false], ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'Person.detentionRecords')])).toEqual([
    ['icrc', true], ['russianRedCross', false], ['belarusRedCross', false], ['app', false], ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'Person.vulnerabilities')])).toEqual([
    ['icrc', true], ['russianRedCross', false], ['belarusRedCross', false], ['app', false], ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'RedCrossMessage.content')])).toEqual([
    ['icrc', true], ['russianRedCross', true], ['belarusRedCross', true], ['app', false], ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'Person.fullName')])).toEqual([
    ['icrc', true], ['russianRedCross', true], ['belarusRedCross', true], ['app', true], ['admin', false],
  ]);
});
