import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isNonNullType, isObjectType, parse, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { AccessRules } from '@movement/runtime';
import { syntheticId, type BearerClaims } from '@movement/runtime/demo';
import { postGraphQL, testInternalKeys } from '@movement/runtime/testing';
import { apiSchemaPath, supergraphPath } from '@movement/schema';
import { demoPartnerKeys, demoTokens, subgraphNames } from '@movement/launcher';
import { startHiveGateway, type HiveGateway } from './hive-gateway';
import { startTestGraph, type TestGraph } from './harness';
import { aliasedOperation, errorsOfSelection, inRequests, pathNames } from './aliased-selections';
import { requiredArguments } from './sample-arguments';

/**
 * The supergraph is portable: Hive Gateway, another engine, serves the checked-in
 * `schema/supergraph.graphql` as it is over the same running subgraphs, with its own JWT
 * authentication and its own `@requiresScopes` enforcement, and refuses exactly the fields this
 * graph's gateway refuses — for every protected field, root field and mutation of the
 * authorization matrix, as three principals with different scopes.
 *
 * Each field is reached from a root that lists records (shared with every partner here, so scopes
 * alone decide), by the shortest path along which the data exists; a refusal is the field at which
 * an answer carries an error and a null, and both gateways must refuse at the same fields.
 */
const supergraphSdl = readFileSync(supergraphPath, 'utf8');
const rules = AccessRules.fromDocument(parse(supergraphSdl));
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));

const icrc = syntheticId('organization', demoPartnerKeys.icrc.partnerKey);
const principals: Array<{ name: string; claims: BearerClaims }> = [
  { name: 'the ICRC delegation', claims: { sub: 'icrc-delegation', scopes: [...demoPartnerKeys.icrc.scopes], partnerId: icrc } },
  {
    name: 'the Russian Red Cross',
    claims: {
      sub: 'russian-red-cross',
      scopes: [...demoPartnerKeys.russianRedCross.scopes],
      partnerId: syntheticId('organization', demoPartnerKeys.russianRedCross.partnerKey),
    },
  },
  { name: 'the internal family-links app', claims: { sub: demoTokens.app.sub, scopes: [...demoTokens.app.scopes], partnerId: demoTokens.app.partnerId } },
];

let graph: TestGraph;
let hive: HiveGateway;
/** Values for required arguments a root needs to find data. */
const found: Record<string, string> = {};

beforeAll(async () => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22)
    throw new Error(`Hive Gateway needs Node 22 or later; this runs on ${process.version}. Run it through npm or npx, which use the project's Node 24.`);
  // A batch of operations (below) asks what many requests would: past the default cost per request.
  graph = await startTestGraph({ seedPeople: 200, label: 'portability', limits: { maxCost: 1_000_000 } });
  hive = await startHiveGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, graph.graph.subgraphs[name].service.url])),
    signingKey: (await testInternalKeys()).privateKey,
  });
  // Every record shared with every partner: which fields a principal gets is then up to scopes.
  const partners = [icrc, ...principals.map((principal) => principal.claims.partnerId!)];
  for (const name of subgraphNames) {
    const driver = graph.graph.subgraphs[name].database.driver;
    const tables = await driver.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'sharedWithIds'`,
      [name],
    );
    for (const { table_name: table } of tables) await driver.query(`UPDATE "${name}"."${table}" SET "sharedWithIds" = $1::uuid[]`, [partners]);
  }
  const seen = await graph.query<{
    people: { edges: Array<{ node: { fullName: string } }> };
    messages: { edges: Array<{ node: { id: string; collectingPartner: { id: string } } }> };
  }>('{ people(first: 1) { edges { node { fullName } } } messages(first: 1) { edges { node { id collectingPartner { id } } } } }');
  found.name = JSON.stringify(seen.data!.people.edges[0].node.fullName);
  found.partnerIds = JSON.stringify([seen.data!.messages.edges[0].node.collectingPartner.id]);
  // The shortest paths to a visit go through a message collected during one, and the seed's are
  // past the first page of messages, the one those paths read: the first message listed gets the first visit.
  await graph.graph.subgraphs.messages.database.driver.query(
    `UPDATE "messages"."RedCrossMessage" SET "collectedDuringVisitId" = $2::uuid WHERE "id" = $1::uuid`,
    [seen.data!.messages.edges[0].node.id, syntheticId('detention-visit', 0)],
  );
}, 240_000);

afterAll(async () => {
  await hive?.stop();
  await graph?.stop();
});

/** Arguments a root needs to find data: a person's name to search, a partner to count for. */
const known = { name: () => found.name, partnerIds: () => found.partnerIds };
const argumentsOf = (field: GraphQLField<unknown, unknown>) => requiredArguments(field.args, known, 'portability');

const objectType = (name: string) => api.getType(name) as GraphQLObjectType;
const leafSelection = (field: GraphQLField<unknown, unknown>) => (isObjectType(getNamedType(field.type)) ? ' { __typename }' : '');

/** One step of a path: the field and the type it leads to. */
type Step = { typeName: string; field: GraphQLField<unknown, unknown> };

/** One operation of the matrix: its root selection (the root field and what is under it), and the coordinate of each step. */
interface Operation {
  kind: 'query' | 'mutation';
  selection: string;
  coordinates: string[];
}

/** The operation selecting `path` (its last step the field looked at). */
function operation(kind: 'query' | 'mutation', path: Step[]): Operation {
  const selection = path.reduceRight((inner, step) => {
    const below = inner === '' ? leafSelection(step.field) : ` { ${inner} }`;
    return `${step.field.name}${argumentsOf(step.field)}${below}`;
  }, '');
  return { kind, selection, coordinates: path.map((step) => `${step.typeName}.${step.field.name}`) };
}

/** Paths from a listing root to each type, shortest first; roots that need an id lead to nothing and are left out. */
function pathsToTypes(): Map<string, Step[][]> {
  const paths = new Map<string, Step[][]>();
  const roots = Object.values(objectType('Query').getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || found[arg.name]));
  let frontier: Step[][] = roots.map((field) => [{ typeName: 'Query', field }]);
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: Step[][] = [];
    for (const path of frontier) {
      const reached = getNamedType(path.at(-1)!.field.type);
      if (!isObjectType(reached)) continue;
      const known = paths.get(reached.name) ?? [];
      if (known.length >= 3 || path.some((step) => step.typeName === reached.name)) continue;
      paths.set(reached.name, [...known, path]);
      for (const field of Object.values(reached.getFields())) {
        if (field.args.every((arg) => !isNonNullType(arg.type))) next.push([...path, { typeName: reached.name, field }]);
      }
    }
    frontier = next;
  }
  return paths;
}

/** Whether the answer holds at least one object at the end of `keys` (lists looked through). */
function reaches(value: unknown, keys: string[]): boolean {
  if (Array.isArray(value)) return value.some((item) => reaches(item, keys));
  if (value === null || typeof value !== 'object') return false;
  if (keys.length === 0) return true;
  return reaches((value as Record<string, unknown>)[keys[0]], keys.slice(1));
}

/**
 * The coordinates at which an answer refuses the operation asked at `index` of a request: each of
 * its errors' paths names a step (an error of the whole request counts for each operation).
 */
function refusals(result: { errors?: Array<{ path?: Array<string | number> }> }, index: number, coordinates: string[]): string[] {
  const refused = errorsOfSelection(result.errors, index).map((error) => {
    const names = pathNames(error);
    return names.length === 0 ? `(no path) ${JSON.stringify(error)}` : (coordinates[names.length - 1] ?? `(beyond the operation) ${names.join('.')}`);
  });
  return [...new Set(refused)].sort();
}

/** Every operation of the matrix: each protected field reached through data, each protected root field and mutation on its own. */
async function matrixOperations(): Promise<Array<Operation & { field: string }>> {
  const paths = pathsToTypes();
  /** The first path to each type along which the data exists, found once per type. */
  const throughData = new Map<string, Step[] | undefined>();
  const pathTo = async (typeName: string) => {
    if (!throughData.has(typeName)) {
      let chosen: Step[] | undefined;
      for (const path of paths.get(typeName) ?? []) {
        const probe = await graph.query(aliasedOperation('query', [operation('query', path).selection]));
        if (
          reaches(
            probe.data?.o0,
            path.slice(1).map((step) => step.field.name),
          )
        ) {
          chosen = path;
          break;
        }
      }
      throughData.set(typeName, chosen);
    }
    return throughData.get(typeName);
  };
  const operations: Array<Operation & { field: string }> = [];
  const unreached: string[] = [];
  for (const { typeName, fieldName } of rules.protectedCoordinates()) {
    const field = objectType(typeName).getFields()[fieldName];
    // An @inaccessible field (the identity-only verdict) is no client's to ask for.
    if (!field) continue;
    const coordinate = `${typeName}.${fieldName}`;
    if (typeName === 'Query' || typeName === 'Mutation') {
      operations.push({ field: coordinate, ...operation(typeName === 'Query' ? 'query' : 'mutation', [{ typeName, field }]) });
      continue;
    }
    const path = await pathTo(typeName);
    if (path) operations.push({ field: coordinate, ...operation('query', [...path, { typeName, field }]) });
    else unreached.push(coordinate);
  }
  expect(unreached).toEqual([]);
  return operations;
}

/**
 * The operations in the requests that ask them: queries together (see aliased-selections.ts), each
 * mutation alone. Mutations run one after the other, and once one fails with a non-null result the
 * two engines differ on whether the later ones still run: asked alone, each is decided on its own.
 */
const requests = (operations: Array<Operation & { field: string }>) => [
  ...inRequests(operations.filter(({ kind }) => kind === 'query')),
  ...operations.filter(({ kind }) => kind === 'mutation').map((op) => [op]),
];

test('Hive Gateway serves the checked-in supergraph and refuses exactly the fields this gateway refuses', async () => {
  const operations = await matrixOperations();
  expect(operations.length).toBeGreaterThan(150);
  let refusedSomewhere = 0;
  for (const { name, claims } of principals) {
    const ours = { authorization: `Bearer ${await graph.token(claims)}` };
    const theirs = { authorization: `Bearer ${await hive.token(claims)}` };
    const differences: Array<{ field: string; ours: string[]; hive: string[] }> = [];
    for (const batch of requests(operations)) {
      const text = aliasedOperation(
        batch[0].kind,
        batch.map((op) => op.selection),
      );
      const [mine, other] = await Promise.all([graph.query(text, {}, ours), postGraphQL(hive.url, text, {}, theirs)]);
      batch.forEach(({ field, coordinates }, index) => {
        const decided = { ours: refusals(mine, index, coordinates), hive: refusals(other, index, coordinates) };
        if (JSON.stringify(decided.ours) !== JSON.stringify(decided.hive)) differences.push({ field, ...decided });
        if (decided.ours.length > 0) refusedSomewhere++;
      });
    }
    expect({ principal: name, differences }).toEqual({ principal: name, differences: [] });
  }
  // The principals differ: some fields are refused to some of them, so the comparison has teeth.
  expect(refusedSomewhere).toBeGreaterThan(50);
}, 600_000);

test('Hive Gateway answers a request without a valid token with no data', async () => {
  const anonymous = await postGraphQL(hive.url, '{ people(first: 1) { edges { node { id } } } }', {});
  expect(anonymous.data ?? null).toBeNull();
  expect(anonymous.status).toBe(401);
});
