import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType, parse, type GraphQLArgument, type GraphQLObjectType } from 'graphql';
import { AccessRules, satisfies } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { apiSchemaPath, supergraphPath } from '@movement/schema';
import { demoPartnerKeys, demoTokens } from '@movement/launcher';
import { startTestGraph, type Caller, type TestGraph } from './harness';
import { identityViewProblems } from './identity-view';
import { ownedTypes, relationQuery, relationsToOwnedTypes } from './relations';
import { aliasedOperation, errorsOfSelection, inRequests } from './aliased-selections';
import { requiredArguments } from './sample-arguments';

/**
 * The authorization matrix, generated from the supergraph's `@requiresScopes` directives: for every
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
  return requiredArguments(args, sampleArguments, 'matrix');
}

function objectType(name: string): GraphQLObjectType {
  const type = api.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type of the API schema`);
  return type;
}

/** The root selection reaching `typeName.fieldName`, and the coordinates along the way (root first). */
function queryFor(typeName: string, fieldName: string): { selection: string; chain: string[] } {
  const route = reach[typeName];
  const rootField = /^(\w+)/.exec(route.root())![1];
  const chain = [`Query.${rootField}`];
  let current = getNamedType(objectType('Query').getFields()[rootField].type).name;
  for (const step of route.via) {
    chain.push(`${current}.${step}`);
    current = getNamedType(objectType(current).getFields()[step].type).name;
  }
  if (current !== typeName) throw new Error(`reach[${typeName}] leads to ${current}`);
  const field = objectType(typeName).getFields()[fieldName];
  chain.push(`${typeName}.${fieldName}`);
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const leaf = `${fieldName}${argumentsOf(field.args)}${selection}`;
  const body = route.via.reduceRight((inner, step) => `${step} { ${inner} }`, leaf);
  return { selection: `${route.root()} { ${body} }`, chain };
}

type Errors = Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }>;

/** The errors of each root selection of `selections`, asked together as `caller`. */
async function errorsOfEach(selections: string[], caller: Caller): Promise<Errors[]> {
  const errors: Errors[] = [];
  for (const batch of inRequests(selections)) {
    const result = await graph.query(aliasedOperation('query', batch), {}, graph.as(caller));
    for (const index of batch.keys()) errors.push(errorsOfSelection(result.errors, index));
  }
  return errors;
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

function actual(errors: Errors | undefined): Outcome {
  const denial = errors?.find((error) => error.extensions?.code === 'FORBIDDEN' && typeof error.extensions.coordinate === 'string');
  if (!denial) return 'visible';
  const coordinate = denial.extensions!.coordinate as string;
  return coordinate.startsWith('Query.') || coordinate.startsWith('Mutation.') ? `forbidden at ${coordinate}` : `redacted at ${coordinate}`;
}

// Fields the supergraph keeps @inaccessible are not in the API: no client can ask for them.
const inApi = ({ typeName, fieldName }: { typeName: string; fieldName: string }) => {
  const type = api.getType(typeName);
  return isObjectType(type) && fieldName in type.getFields();
};
const protectedInApi = rules.protectedCoordinates().filter(inApi);
const readable = protectedInApi.filter(({ typeName }) => typeName !== 'Mutation' && typeName !== 'Query');
const roots = protectedInApi.filter(({ typeName }) => typeName === 'Query');
const mutations = protectedInApi.filter(({ typeName }) => typeName === 'Mutation');

beforeAll(async () => {
  // The relation walk asks for whole pages inside pages (a visit's messages under a record's visits): past the default cost.
  graph = await startTestGraph({ seedPeople: 200, label: 'matrix', limits: { maxCost: 50_000 } });
  // Records with every kind of nested data, found as the full-access principal.
  const found = await graph.query<{
    people: {
      edges: Array<{
        node: { id: string; fullName: string; familyLinks: { edges: unknown[] }; assistanceReceived: { edges: Array<{ node: { id: string } }> } };
      }>;
    };
    tracingRequests: { edges: Array<{ node: { id: string; reunificationSupport: { edges: unknown[] }; possibleMatches: unknown[] } }> };
    detentionRecords: { edges: Array<{ node: { id: string; visits: { edges: unknown[] }; notifications: unknown[] } }> };
    messages: { edges: Array<{ node: { id: string; collectingPartner: { id: string } } }> };
    programmes: {
      edges: Array<{
        node: { id: string; distributions: { edges: Array<{ node: { id: string; location: { id: string; ancestors: Array<{ id: string }> } } }> } };
      }>;
    };
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
    assistanceRecord: person.assistanceReceived.edges[0].node.id,
    // Support follows a case once its person is found, and matches are proposed while it is searched: two requests.
    tracingRequest: data.tracingRequests.edges.map((e) => e.node).find((t) => t.reunificationSupport.edges.length > 0)!.id,
    searchedRequest: data.tracingRequests.edges.map((e) => e.node).find((t) => t.possibleMatches.length > 0)!.id,
    detentionRecord: data.detentionRecords.edges.map((e) => e.node).find((d) => d.visits.edges.length > 0 && d.notifications.length > 0)!.id,
    message: data.messages.edges[0].node.id,
    countsPartner: data.messages.edges[0].node.collectingPartner.id,
  });
  const programme = data.programmes.edges.map((e) => e.node).find((p) => p.distributions.edges.length > 0)!;
  const distribution = programme.distributions.edges[0].node;
  Object.assign(ids, {
    programme: programme.id,
    distribution: distribution.id,
    location: distribution.location.id,
    country: distribution.location.ancestors[0].id,
  });
  // Share the chosen records with every demo partner, so what the matrix sees is decided by
  // scopes alone (who sees which records is the ownership test's subject).
  const everyone = Object.values(partners);
  const share = async (subgraph: 'people' | 'messages' | 'assistance', table: string, id: string) =>
    graph.graph.subgraphs[subgraph].database.driver.query(`UPDATE ${table} SET "sharedWithIds" = $2::uuid[] WHERE "id" = $1`, [id, everyone]);
  await share('people', '"people"."Person"', ids.person);
  await share('people', '"people"."TracingRequest"', ids.tracingRequest);
  await share('people', '"people"."TracingRequest"', ids.searchedRequest);
  await share('people', '"people"."DetentionRecord"', ids.detentionRecord);
  await share('messages', '"messages"."RedCrossMessage"', ids.message);
  await share('assistance', '"assistance"."AssistanceRecord"', ids.assistanceRecord);
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
    const field = objectType('Query').getFields()[fieldName];
    const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
    const result = await graph.query(`{ ${fieldName}${argumentsOf(field.args)}${selection} }`, {}, graph.as('anonymous'));
    expect([fieldName, result.status]).toEqual([fieldName, 401]);
  }
});

describe.each(principals)('as $caller', ({ caller, scopes }) => {
  test('every protected field is visible or redacted as its @requiresScopes says', async () => {
    const outcomes: Record<string, { expected: Outcome; actual: Outcome }> = {};
    const queries = readable.map(({ typeName, fieldName }) => queryFor(typeName, fieldName));
    const errors = await errorsOfEach(
      queries.map((query) => query.selection),
      caller,
    );
    readable.forEach(({ typeName, fieldName }, index) => {
      outcomes[`${typeName}.${fieldName}`] = { expected: expected(scopes, queries[index].chain), actual: actual(errors[index]) };
    });
    const mismatches = Object.entries(outcomes).filter(([, outcome]) => outcome.expected !== outcome.actual);
    expect(mismatches).toEqual([]);
    // The matrix must show both outcomes for partners with partial scopes; all visible for the ICRC.
    const kinds = new Set(Object.values(outcomes).map((outcome) => outcome.actual.split(' ')[0]));
    if (caller === 'icrc') expect([...kinds]).toEqual(['visible']);
    else expect(kinds.size).toBeGreaterThan(1);
  });

  test('every protected root field answers or is forbidden as its @requiresScopes says', async () => {
    const selections = roots.map(({ fieldName }) => {
      const field = objectType('Query').getFields()[fieldName];
      return `${fieldName}${argumentsOf(field.args)}${isObjectType(getNamedType(field.type)) ? ' { __typename }' : ''}`;
    });
    const errors = await errorsOfEach(selections, caller);
    expect(roots.map(({ fieldName }, index) => [fieldName, actual(errors[index])])).toEqual(
      roots.map(({ fieldName }) => [fieldName, expected(scopes, [`Query.${fieldName}`])]),
    );
  });

  test('every mutation is refused without its write scope, and reaches validation with it', async () => {
    for (const { fieldName } of mutations) {
      const field = objectType('Mutation').getFields()[fieldName];
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
  { type: 'Person', root: 'person', subgraph: 'people', table: '"people"."Person"', id: () => ids.person },
  { type: 'TracingRequest', root: 'tracingRequest', subgraph: 'people', table: '"people"."TracingRequest"', id: () => ids.tracingRequest },
  { type: 'DetentionRecord', root: 'detentionRecord', subgraph: 'people', table: '"people"."DetentionRecord"', id: () => ids.detentionRecord },
  { type: 'RedCrossMessage', root: 'message', subgraph: 'messages', table: '"messages"."RedCrossMessage"', id: () => ids.message },
  { type: 'AssistanceRecord', root: 'assistanceRecord', subgraph: 'assistance', table: '"assistance"."AssistanceRecord"', id: () => ids.assistanceRecord },
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
        actual:
          actual(result.errors) !== 'visible'
            ? 'forbidden'
            : result.data?.r?.id === record.id()
              ? 'visible'
              : result.data?.r === null && !result.errors
                ? 'hidden'
                : `unexpected ${JSON.stringify(result)}`,
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
    ['icrc', true],
    ['russianRedCross', false],
    ['belarusRedCross', false],
    ['app', false],
    ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'Person.detentionRecords')])).toEqual([
    ['icrc', true],
    ['russianRedCross', false],
    ['belarusRedCross', false],
    ['app', false],
    ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'Person.vulnerabilities')])).toEqual([
    ['icrc', true],
    ['russianRedCross', false],
    ['belarusRedCross', false],
    ['app', false],
    ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'RedCrossMessage.content')])).toEqual([
    ['icrc', true],
    ['russianRedCross', true],
    ['belarusRedCross', true],
    ['app', false],
    ['admin', false],
  ]);
  expect(principals.map(({ caller }) => [caller, outcome(caller, 'Person.fullName')])).toEqual([
    ['icrc', true],
    ['russianRedCross', true],
    ['belarusRedCross', true],
    ['app', true],
    ['admin', false],
  ]);
});

/**
 * Every relation to an owned type (generated from the schema, see relations.ts), walked as a
 * partner that does not own the target: the Russian Red Cross, with every read scope but the
 * mandate, reaches a record it may see whose target the Belarus Red Cross recorded and shares with
 * nobody. A person reached that way is shown only in the identity-only view; any other owned
 * record is absent (null, or left out of its list). The ICRC's mandate, asking the same, must see
 * the target: the arrangement really leads to it. A relation without an arrangement fails.
 */
describe('every relation to an owned type, as a partner that does not own the target', () => {
  const RRC = partners.russianRedCross;
  const BRC = partners.belarusRedCross;
  const db = (subgraph: 'people' | 'messages' | 'assistance') => graph.graph.subgraphs[subgraph].database.driver;
  const tables = {
    Person: ['people', '"people"."Person"'],
    TracingRequest: ['people', '"people"."TracingRequest"'],
    DetentionRecord: ['people', '"people"."DetentionRecord"'],
    RedCrossMessage: ['messages', '"messages"."RedCrossMessage"'],
    AssistanceRecord: ['assistance', '"assistance"."AssistanceRecord"'],
    ReunificationSupport: ['assistance', '"assistance"."ReunificationSupport"'],
  } as const;
  /** Gives a record to `partner`, shared with nobody. */
  const ownedBy = (type: keyof typeof tables, id: string, partner: string) =>
    db(tables[type][0]).query(`UPDATE ${tables[type][1]} SET "recordedById" = $2::uuid, "sharedWithIds" = '{}' WHERE "id" = $1::uuid`, [id, partner]);
  const set = (type: keyof typeof tables, id: string, column: string, value: string | null) =>
    db(tables[type][0]).query(`UPDATE ${tables[type][1]} SET "${column}" = $2 WHERE "id" = $1::uuid`, [id, value]);

  // Seeded records the arrangements rearrange, picked once.
  const people: string[] = [];
  const the: Record<string, string> = {};
  let nonOwner: Record<string, string>;

  beforeAll(async () => {
    const adults = await db('people').query<{ id: string }>(
      `SELECT "id"::text AS id FROM "people"."Person" WHERE "birthYear" < 1990 AND "lastSeenAtId" IS NOT NULL AND "id" <> ALL($1::uuid[]) ORDER BY "id" DESC LIMIT 20`,
      [[ids.person]],
    );
    people.push(...adults.map((row) => row.id));
    const [request] = await db('people').query<{ id: string }>(
      `SELECT "id"::text AS id FROM "people"."TracingRequest" WHERE "status" = 'SEARCHING' AND "id" <> $1::uuid ORDER BY "id" LIMIT 1`,
      [ids.tracingRequest],
    );
    const [record] = await db('people').query<{ id: string }>(
      `SELECT "id"::text AS id FROM "people"."DetentionRecord" WHERE "id" <> $1::uuid ORDER BY "id" LIMIT 1`,
      [ids.detentionRecord],
    );
    const messages = await db('messages').query<{ id: string }>(
      `SELECT "id"::text AS id FROM "messages"."RedCrossMessage" WHERE "id" <> $1::uuid ORDER BY "id" LIMIT 2`,
      [ids.message],
    );
    const [assistance] = await db('assistance').query<{ id: string }>(
      `SELECT "id"::text AS id FROM "assistance"."AssistanceRecord" WHERE "id" <> $1::uuid ORDER BY "id" LIMIT 1`,
      [ids.assistanceRecord],
    );
    const [support] = await db('assistance').query<{ id: string }>(`SELECT "id"::text AS id FROM "assistance"."ReunificationSupport" ORDER BY "id" LIMIT 1`);
    Object.assign(the, {
      request: request.id,
      record: record.id,
      message: messages[0].id,
      original: messages[1].id,
      assistance: assistance.id,
      support: support.id,
    });
    // The support follows this request, so both are reached together.
    await db('assistance').query(`UPDATE "assistance"."ReunificationSupport" SET "tracingRequestId" = $2::uuid WHERE "id" = $1::uuid`, [
      the.support,
      the.request,
    ]);
    const scopes = [...rules.scopesNamed()].filter((scope) => scope.includes(':read') && scope !== 'mandate:all-records');
    nonOwner = { authorization: `Bearer ${await graph.token({ sub: 'matrix-non-owner', kind: 'app', partnerId: RRC, scopes })}` };
  });

  interface Arranged {
    /** The root field, with its arguments, leading to the parent. */
    root: string;
    via?: string[];
    /** The hidden target's id. */
    target: string;
    /** A record on the way that the partner sees, proving it reached the relation; null only with `unseenBecause`. */
    seen: string | null;
  }
  interface Arrangement {
    arrange(): Promise<Arranged>;
    /** Why a relation to one person leaves a hidden one out, rather than showing their identity. */
    absentBecause?: string;
    /** Why nothing on the way to the relation can be seen when its target is hidden. */
    unseenBecause?: string;
  }
  const person = (n: number) => people[n];
  const arrangements: Record<string, Arrangement> = {
    // A person the partner sees, with a record about them the Belarus Red Cross recorded alone.
    ...Object.fromEntries(
      (
        [
          ['Person.tracingRequests', 'TracingRequest', 'request', 'soughtPersonId'],
          ['Person.detentionRecords', 'DetentionRecord', 'record', 'personId'],
          ['Person.messagesSent', 'RedCrossMessage', 'message', 'senderId'],
          ['Person.messagesReceived', 'RedCrossMessage', 'message', 'addresseeId'],
          ['Person.assistanceReceived', 'AssistanceRecord', 'assistance', 'beneficiaryId'],
        ] as const
      ).map(([coordinate, type, record, column], n) => [
        coordinate,
        {
          arrange: async () => {
            await ownedBy('Person', person(n), RRC);
            await set(type, the[record], column, person(n));
            await ownedBy(type, the[record], BRC);
            return { root: `person(id: "${person(n)}")`, target: the[record], seen: person(n) };
          },
        },
      ]),
    ),
    'FamilyLink.relative': {
      absentBecause: "a link to a relative the partner may not see is left out of the person's links",
      arrange: async () => {
        await ownedBy('Person', person(5), RRC);
        await ownedBy('Person', person(6), BRC);
        await link(person(5), person(6));
        return { root: `person(id: "${person(5)}")`, via: ['familyLinks'], target: person(6), seen: person(5) };
      },
    },
    'FamilyLink.person': {
      absentBecause: 'a link is reached only from its own person',
      unseenBecause: 'a link is reached only from its own person, the target itself',
      arrange: async () => {
        await ownedBy('Person', person(5), RRC);
        await ownedBy('Person', person(6), BRC);
        await link(person(6), person(5));
        return { root: `person(id: "${person(6)}")`, via: ['familyLinks'], target: person(6), seen: null };
      },
    },
    'PossibleMatch.person': {
      absentBecause: 'possible matches propose only people the partner may see',
      arrange: async () => {
        await ownedBy('TracingRequest', the.request, RRC);
        const proposed = await graph.query<{ tracingRequest: { possibleMatches: Array<{ person: { id: string } }> } }>(
          `{ tracingRequest(id: "${the.request}") { possibleMatches { person { id } } } }`,
          {},
          graph.as('icrc'),
        );
        const candidate = proposed.data!.tracingRequest.possibleMatches[0].person.id;
        await ownedBy('Person', candidate, BRC);
        return { root: `tracingRequest(id: "${the.request}")`, via: ['possibleMatches'], target: candidate, seen: the.request };
      },
    },
    'PersonSearchResult.person': {
      absentBecause: 'a search finds only people the partner may see',
      unseenBecause: 'a search has no record on the way, only the people it finds',
      arrange: async () => {
        await ownedBy('Person', person(7), BRC);
        const [row] = await db('people').query<{ name: string }>(
          `SELECT "givenName" || ' ' || "familyName" AS name FROM "people"."Person" WHERE "id" = $1::uuid`,
          [person(7)],
        );
        return { root: `searchPeople(name: ${JSON.stringify(row.name)}, first: 50)`, target: person(7), seen: null };
      },
    },
    'Location.peopleLastSeenHere': {
      arrange: async () => {
        await ownedBy('Person', person(8), BRC);
        // Seen today, so the person heads the place's list for whoever may see them.
        const [row] = await db('people').query<{ place: string }>(
          `UPDATE "people"."Person" SET "lastSeenOn" = CURRENT_DATE WHERE "id" = $1::uuid RETURNING "lastSeenAtId"::text AS place`,
          [person(8)],
        );
        return { root: `location(id: "${row.place}")`, target: person(8), seen: row.place };
      },
    },
    'TracingRequest.reunificationSupport': {
      arrange: async () => {
        await ownedBy('TracingRequest', the.request, RRC);
        await ownedBy('ReunificationSupport', the.support, BRC);
        return { root: `tracingRequest(id: "${the.request}")`, target: the.support, seen: the.request };
      },
    },
    'ReunificationSupport.person': {
      arrange: async () => {
        await ownedBy('TracingRequest', the.request, RRC);
        await ownedBy('ReunificationSupport', the.support, RRC);
        await set('ReunificationSupport', the.support, 'personId', person(17));
        await ownedBy('Person', person(17), BRC);
        return { root: `tracingRequest(id: "${the.request}")`, via: ['reunificationSupport'], target: person(17), seen: the.support };
      },
    },
    'ReunificationSupport.tracingRequest': {
      unseenBecause: 'support is reached only from the tracing request it follows, the target itself',
      arrange: async () => {
        await ownedBy('ReunificationSupport', the.support, RRC);
        await ownedBy('TracingRequest', the.request, BRC);
        return { root: `tracingRequest(id: "${the.request}")`, via: ['reunificationSupport'], target: the.request, seen: null };
      },
    },
    'RedCrossMessage.inReplyTo': {
      arrange: async () => {
        await ownedBy('RedCrossMessage', the.message, RRC);
        await set('RedCrossMessage', the.message, 'inReplyToId', the.original);
        await ownedBy('RedCrossMessage', the.original, BRC);
        return { root: `message(id: "${the.message}")`, target: the.original, seen: the.message };
      },
    },
    'RedCrossMessage.replies': {
      arrange: async () => {
        await ownedBy('RedCrossMessage', the.original, RRC);
        await set('RedCrossMessage', the.message, 'inReplyToId', the.original);
        await ownedBy('RedCrossMessage', the.message, BRC);
        return { root: `message(id: "${the.original}")`, target: the.message, seen: the.original };
      },
    },
    'RedCrossMessage.detentionRecord': {
      arrange: async () => {
        await ownedBy('RedCrossMessage', the.message, RRC);
        await set('RedCrossMessage', the.message, 'detentionRecordId', the.record);
        await ownedBy('DetentionRecord', the.record, BRC);
        return { root: `message(id: "${the.message}")`, target: the.record, seen: the.message };
      },
    },
    // A visit is seen only with its record, so its record is reached hidden through a message
    // collected during it: the visit and its record are both left out.
    'DetentionVisit.detentionRecord': {
      arrange: async () => {
        const visit = await visitOn(the.record);
        await ownedBy('RedCrossMessage', the.message, RRC);
        await set('RedCrossMessage', the.message, 'collectedDuringVisitId', visit);
        await ownedBy('DetentionRecord', the.record, BRC);
        return { root: `message(id: "${the.message}")`, via: ['collectedDuringVisit'], target: the.record, seen: the.message };
      },
    },
    // A visit to a detainee the partner sees, with a message the Belarus Red Cross recorded alone.
    ...Object.fromEntries(
      (
        [
          ['DetentionVisit.messagesCollected', 'collectedDuringVisitId'],
          ['DetentionVisit.messagesDelivered', 'deliveredDuringVisitId'],
        ] as const
      ).map(([coordinate, column]) => [
        coordinate,
        {
          arrange: async () => {
            const visit = await visitOn(the.record);
            await ownedBy('DetentionRecord', the.record, RRC);
            await set('RedCrossMessage', the.message, column, visit);
            await ownedBy('RedCrossMessage', the.message, BRC);
            return { root: `detentionRecord(id: "${the.record}")`, via: ['visits'], target: the.message, seen: the.record };
          },
        },
      ]),
    ),
    'RecordForReview.person': {
      arrange: async () => {
        await ownedBy('TracingRequest', the.request, RRC);
        await set('TracingRequest', the.request, 'soughtPersonId', person(16));
        await db('people').query(`UPDATE "people"."TracingRequest" SET "reviewOn" = DATE '2000-01-01' WHERE "id" = $1::uuid`, [the.request]);
        await ownedBy('Person', person(16), BRC);
        return { root: `recordsPastReview(asOf: "2000-01-02", first: 100)`, target: person(16), seen: the.request };
      },
    },
    // A record the partner sees, naming a person the Belarus Red Cross recorded alone.
    ...Object.fromEntries(
      (
        [
          ['TracingRequest.enquirer', 'TracingRequest', 'request', 'tracingRequest', 'enquirerId'],
          ['TracingRequest.soughtPerson', 'TracingRequest', 'request', 'tracingRequest', 'soughtPersonId'],
          ['TracingRequest.locatedPerson', 'TracingRequest', 'request', 'tracingRequest', 'locatedPersonId'],
          ['DetentionRecord.person', 'DetentionRecord', 'record', 'detentionRecord', 'personId'],
          ['RedCrossMessage.sender', 'RedCrossMessage', 'message', 'message', 'senderId'],
          ['RedCrossMessage.addressee', 'RedCrossMessage', 'message', 'message', 'addresseeId'],
          ['AssistanceRecord.beneficiary', 'AssistanceRecord', 'assistance', 'assistanceRecord', 'beneficiaryId'],
        ] as const
      ).map(([coordinate, type, record, rootField, column], n) => [
        coordinate,
        {
          arrange: async () => {
            await ownedBy(type, the[record], RRC);
            await set(type, the[record], column, person(9 + n));
            await ownedBy('Person', person(9 + n), BRC);
            return { root: `${rootField}(id: "${the[record]}")`, target: person(9 + n), seen: the[record] };
          },
        },
      ]),
    ),
  };
  /** A visit to the detention record `record` (the first, or a new one). */
  const visitOn = async (record: string): Promise<string> => {
    const [visit] = await db('people')
      .query<{ id: string }>(
        `INSERT INTO "people"."DetentionVisit" ("id", "detentionRecordId", "visitedOn", "visitedById", "privateInterview", "recordedById", "sharedWithIds")
       SELECT gen_random_uuid(), $1::uuid, CURRENT_DATE, $2::uuid, true, $2::uuid, '{}'
       WHERE NOT EXISTS (SELECT 1 FROM "people"."DetentionVisit" WHERE "detentionRecordId" = $1::uuid)`,
        [record, partners.icrc],
      )
      .then(async () =>
        db('people').query<{ id: string }>(
          `SELECT "id"::text AS id FROM "people"."DetentionVisit" WHERE "detentionRecordId" = $1::uuid ORDER BY "visitedOn" DESC, "id" LIMIT 1`,
          [record],
        ),
      );
    return visit.id;
  };
  const link = (from: string, to: string) =>
    db('people').query(
      `INSERT INTO "people"."FamilyLink" ("id", "personId", "relativeId", "relationship", "recordedById", "sharedWithIds") VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'SIBLING', $3::uuid, '{}')
       ON CONFLICT DO NOTHING`,
      [from, to, RRC],
    );

  test('every relation to an owned type has an arrangement, and every arrangement a relation', () => {
    const coordinates = relationsToOwnedTypes.map((relation) => relation.coordinate);
    expect(coordinates.filter((coordinate) => !arrangements[coordinate])).toEqual([]);
    expect(Object.keys(arrangements).filter((coordinate) => !coordinates.includes(coordinate))).toEqual([]);
    expect(ownedTypes).toEqual(['AssistanceRecord', 'DetentionRecord', 'Person', 'RedCrossMessage', 'ReunificationSupport', 'TracingRequest']);
  });

  test.each(relationsToOwnedTypes.map((relation) => [relation.coordinate, relation] as const))('%s', async (_coordinate, relation) => {
    const arrangement = arrangements[relation.coordinate];
    if (!arrangement) throw new Error(`no arrangement reaches ${relation.coordinate}`);
    const { root, via = [], target, seen } = await arrangement.arrange();
    const query = relationQuery(root, via, relation.field);

    // The mandate sees the target where the relation leads: the arrangement is real.
    const mandate = await graph.query(query, {}, graph.as('icrc'));
    expect(mandate.errors).toBeUndefined();
    expect(JSON.stringify(mandate.data)).toContain(target);

    const answer = await graph.query(query, {}, nonOwner);
    if (seen) expect(JSON.stringify(answer.data)).toContain(seen);
    else expect(arrangement.unseenBecause).toBeDefined();
    const shown = occurrences(answer.data, target);
    const identityView = relation.target === 'Person' && !relation.many && !arrangement.absentBecause;
    if (identityView) {
      // Shown, in the identity-only view only; nothing else refused.
      expect(shown.length).toBeGreaterThan(0);
      for (const path of shown) expect([path.join('.'), identityViewProblems(answer, path)]).toEqual([path.join('.'), []]);
      const withheld = (answer.errors ?? []).filter((error) => shown.some((path) => path.every((key, index) => error.path?.[index] === key)));
      expect(answer.errors ?? []).toEqual(withheld);
    } else {
      expect(shown).toEqual([]);
      expect(answer.errors).toBeUndefined();
    }
    // Nowhere else in the answer, in data or errors.
    const elsewhere = JSON.parse(JSON.stringify(answer)) as { data?: unknown };
    for (const path of shown) clear(elsewhere.data, path);
    expect(JSON.stringify(elsewhere)).not.toContain(target);
  });

  // The planner asks the owner of a record only for fields its key does not hold, so a link asked
  // for its id alone must still be resolved where the record's rule is applied.
  test.each(['collectedDuringVisit', 'deliveredDuringVisit'] as const)(
    'a message on the route shows no %s to a record hidden from the partner, not even its id',
    async (field) => {
      const visit = await visitOn(the.record);
      await ownedBy('RedCrossMessage', the.message, RRC);
      await set('RedCrossMessage', the.message, field === 'collectedDuringVisit' ? 'collectedDuringVisitId' : 'deliveredDuringVisitId', visit);
      await ownedBy('DetentionRecord', the.record, BRC);
      const query = `{ message(id: "${the.message}") { id ${field} { id } detentionRecord { id } } }`;
      const mandate = await graph.query(query, {}, graph.as('icrc'));
      expect(JSON.stringify(mandate.data)).toContain(visit);
      const answer = await graph.query(query, {}, nonOwner);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ message: { id: the.message, [field]: null, detentionRecord: null } });
    },
  );
});

type JsonPath = Array<string | number>;

/** The paths of every object in `value` whose `id` is `id`. */
function occurrences(value: unknown, id: string, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => occurrences(item, id, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const here = object.id === id ? [path] : [];
  return [...here, ...Object.entries(object).flatMap(([key, inner]) => occurrences(inner, id, [...path, key]))];
}

/** Replaces the object at `path` with null. */
function clear(value: unknown, path: JsonPath): void {
  const parent = path.slice(0, -1).reduce<unknown>((inner, key) => (inner as Record<string | number, unknown>)[key], value) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = null;
}
