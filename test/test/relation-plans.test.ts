import {
  childPageSql,
  childPagesTogetherSql,
  migrate,
  openDatabase,
  type ChildPageQuery,
  type Database,
  type Principal,
  type SubgraphName,
} from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '@movement/runtime/testing';
import { relationPages as assistancePages } from '@movement/assistance/dist/relation-pages';
import { relationPages as locationPages } from '@movement/locations/dist/child-pages';
import { relationPages as messagePages } from '@movement/messages/dist/message-pages';
import { relationPages as peoplePages } from '@movement/people/dist/relation-pages';
import { peoplePageSql } from '@movement/people/dist/people-page';
import { demoPartnerKeys, graphSubgraphs, subgraphNames } from '@movement/launcher';

/**
 * Every relation page (a page of children for a batch of parents) is an index scan on PostgreSQL
 * whatever the statistics say: checked on freshly seeded tables nobody has analysed, where the
 * planner knows only their size. A plan, not a time. Runs when TEST_POSTGRES_URL names a server
 * (CI sets it; see jest.config.js): PGlite's planner is PostgreSQL's, but its tables stay small.
 */

/** Enough people that the planner would read a whole child table under a window over `parent = ANY(…)`. */
const PEOPLE = 5_000;
/** Places are few in the demo: this many more settlements under one region and one organisation. */
const EXTRA_PLACES = 5_000;

const pages: Record<SubgraphName, Record<string, (principal: Principal) => ChildPageQuery>> = {
  people: peoplePages,
  locations: locationPages,
  assistance: assistancePages,
  messages: messagePages,
};

/** A National Society's key: its pages carry the ownership filter. */
const partner: Principal = {
  subject: 'plans-russian-red-cross',
  kind: 'partner',
  partnerId: syntheticId('organization', demoPartnerKeys.russianRedCross.partnerKey),
  scopes: [...demoPartnerKeys.russianRedCross.scopes],
};
/** The ICRC's mandate: its pages carry no ownership filter. */
const mandate: Principal = { subject: 'plans-icrc', kind: 'partner', partnerId: syntheticId('organization', 'ICRC-MOSCOW'), scopes: ['mandate:all-records'] };

let target: TestDatabaseTarget;
const databases = {} as Record<SubgraphName, Database<unknown>>;

beforeAll(async () => {
  target = await createTestDatabaseTarget('relation-plans');
  for (const name of subgraphNames) {
    const { definition, seeder } = graphSubgraphs[name];
    const database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: definition.createClient, poolSize: 2 });
    databases[name] = database;
    await migrate(database.driver, { schema: name, migrationsDir: definition.migrationsDir });
    // Nothing may analyse the tables behind the test's back.
    const tables = await database.driver.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS "name" FROM pg_tables WHERE schemaname = $1`,
      [name],
    );
    for (const table of tables) await database.driver.exec(`ALTER TABLE ${table.name} SET (autovacuum_enabled = false)`);
    await seeder.seed(database.driver, { people: PEOPLE, analyse: false });
  }
  await databases.locations.driver.query(
    `INSERT INTO "locations"."Location" (id, type, name, names, "parentId", "ancestorIds", "organizationId")
     SELECT gen_random_uuid(), 'SETTLEMENT', 'Settlement ' || n, '[]'::jsonb, $1, ARRAY[$1]::uuid[], $2 FROM generate_series(1, $3) AS n`,
    [syntheticId('location', 'BY-HM'), syntheticId('organization', 'BRC'), EXTRA_PLACES],
  );
});

afterAll(async () => {
  for (const database of Object.values(databases)) await database.close();
  await target?.dispose();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

const tableName = (qualified: string) => qualified.split('.')[1].replace(/"/g, '');

const cases = subgraphNames.flatMap((subgraph) =>
  Object.entries(pages[subgraph]).flatMap(([field, query]) =>
    [partner, mandate].flatMap((principal) => [false, true].map((cursor) => ({ subgraph, field, principal, cursor, query: query(principal) }))),
  ),
);

test('the child tables have no statistics: nothing analysed them since the seed', async () => {
  for (const subgraph of subgraphNames) {
    const rows = await databases[subgraph].driver.query<{ relname: string; reltuples: number }>(
      `SELECT c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [subgraph],
    );
    for (const { query } of cases.filter((c) => c.subgraph === subgraph)) {
      expect(rows.find((row) => row.relname === tableName(query.table))?.reltuples).toBe(-1);
    }
  }
});

test.each(
  cases.map((c) => [`${c.subgraph} ${c.field}`, c.principal === partner ? 'a partner' : 'the mandate', c.cursor ? 'after a cursor' : 'first page', c] as const),
)('%s, as %s, %s: an index scan of its table, no sequential scan', async (_field, _who, _page, { subgraph, query, cursor }) => {
  const { driver } = databases[subgraph];
  const table = tableName(query.table);
  const parents = await driver.query<{ id: string }>(
    `SELECT DISTINCT t."${query.parentColumn}" AS "id" FROM ${query.table} t WHERE t."${query.parentColumn}" IS NOT NULL LIMIT 50`,
  );
  expect(parents.length).toBeGreaterThan(0);
  const [last] = await driver.query<{ sort: string; id: string }>(`SELECT t."${query.sortColumn}"::text AS "sort", t."id" FROM ${query.table} t LIMIT 1`);
  const { sql, params } = childPageSql(
    query,
    parents.map((row) => row.id),
    { limit: 21, after: cursor ? [last.sort, last.id] : null },
  );
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = (await driver.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];
  const nodes = nodesOf(plan.Plan);
  const described = nodes.map(
    (node) => `${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`,
  );
  expect(described.filter((line) => line.startsWith('Seq Scan'))).toEqual([]);
  // Each parent's rows are looked up in an index on (parent, …, sort key, id), not found by
  // scanning another index (such as the one on the owning partner) and filtering.
  const lookup = nodes.find(
    (node) => /^(Index Scan|Index Only Scan|Bitmap Index Scan)$/.test(node['Node Type']) && node['Index Cond']?.includes(`"${query.parentColumn}" = parent.id`),
  );
  // The plan's outline stands in for a missing lookup, so a failure shows what the planner chose.
  expect(lookup?.['Index Name'] ?? described.join(' / ')).toMatch(new RegExp(`^${table}_${query.parentColumn}_(\\w+_)?${query.sortColumn}_id_idx$`));
});

test.each([
  ['a partner', partner],
  ['the mandate', mandate],
] as const)("a person's messages sent and received read together, as %s: each part an index scan of its own index", async (_who, principal) => {
  const { driver } = databases.messages;
  const parts = (['Person.messagesSent', 'Person.messagesReceived'] as const).map((field) => messagePages[field](principal));
  const people = await driver.query<{ id: string }>(`SELECT DISTINCT t."senderId" AS "id" FROM "messages"."RedCrossMessage" t LIMIT 50`);
  expect(people.length).toBeGreaterThan(0);
  const parentIds = people.map((row) => row.id);
  const { sql, params } = childPagesTogetherSql(parts.map((query) => ({ query, parentIds, page: { limit: 6, after: null } })));
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = (await driver.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];
  const nodes = nodesOf(plan.Plan);
  expect(nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name'])).toEqual([]);
  // EXPLAIN names the second part's parents `parent_1`.
  const lookups = parts.map((query) =>
    nodes.find(
      (node) =>
        /^(Index Scan|Index Only Scan|Bitmap Index Scan)$/.test(node['Node Type']) &&
        new RegExp(`"${query.parentColumn}" = parent(_\\d+)?\\.id`).test(node['Index Cond'] ?? ''),
    ),
  );
  expect(lookups.map((node) => node?.['Index Name'])).toEqual(
    parts.map((query) => expect.stringMatching(new RegExp(`^RedCrossMessage_${query.parentColumn}_(\\w+_)?createdAt_id_idx$`))),
  );
});

test.each([
  ['a partner', partner],
  ['the mandate', mandate],
] as const)(
  "the people's page read with their tracing requests, as %s: each person's requests an index scan of the sought person's index",
  async (_who, principal) => {
    const { driver } = databases.people;
    const { sql, params } = peoplePageSql(principal, null, { limit: 50, after: null }, { limit: 3, after: null });
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = (await driver.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];
    const nodes = nodesOf(plan.Plan);
    expect(nodes.filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'TracingRequest')).toEqual([]);
    const lookup = nodes.find(
      (node) =>
        /^(Index Scan|Index Only Scan|Bitmap Index Scan)$/.test(node['Node Type']) && (node['Index Cond'] ?? '').includes('"soughtPersonId" = parent.id'),
    );
    expect(lookup?.['Index Name']).toMatch(/^TracingRequest_soughtPersonId_openedOn_id_idx$/);
  },
);
