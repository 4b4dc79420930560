import { readRows } from './database';
import { badUserInput, uuidPattern } from './errors';
import type { Principal } from './access/principal';

/** Largest page a client may ask for; lists never return unbounded. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Values of the sort keys of the last row seen, the row's id last. */
export type CursorValues = Array<string | number | null>;

export interface Page {
  /** Rows to return. */
  limit: number;
  /** Keyset position to continue after, or null for the first page. */
  after: CursorValues | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const notOurCursor = (field: string) => badUserInput(field, 'is not a cursor returned by this list; pass an endCursor from a previous page.');

export function decodeCursor(cursor: string, field = 'after'): CursorValues {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length > 0 && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return values as CursorValues;
    }
  } catch {
    // fall through to the error below
  }
  throw notOurCursor(field);
}

/** Validates `first`/`after` into a page; `prefix` names the list in errors (e.g. `messagesSent`). */
export function readPage(args: PageArgs, prefix = '', isSortKey?: (value: unknown) => boolean): Page {
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(at('first'), `must be between 1 and ${MAX_PAGE_SIZE}.`, { maximum: MAX_PAGE_SIZE });
  }
  const after = args.after ? decodeCursor(args.after, at('after')) : null;
  // A cursor of another list decodes too, and its values would reach SQL as this list's sort key
  // and id: with `isSortKey`, one that is not `[sort key, id]` is refused as bad input.
  if (after && isSortKey && (after.length !== 2 || !isSortKey(after[0]) || typeof after[1] !== 'string' || !uuidPattern.test(after[1]))) {
    throw notOurCursor(at('after'));
  }
  return { limit: first, after };
}

/**
 * An edge whose cursor is encoded only when read: most queries (a gateway's above all) never ask
 * for it, and encoding one for every row of every list costs more than building the list.
 */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => CursorValues,
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.node));
  }
}

/**
 * Builds a connection from rows fetched with `limit + 1`, the extra row telling whether a next
 * page exists. `cursorOf` returns the sort-key values of a row, its id last; cursors are
 * encoded when read.
 */
export function toConnection<T>(rows: T[], page: Page, cursorOf: (row: T) => CursorValues): Connection<T> {
  const hasNextPage = rows.length > page.limit;
  const nodes = hasNextPage ? rows.slice(0, page.limit) : rows;
  const edges = nodes.map((node) => new Edge(node, cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.after !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
  };
}

export type SortDirection = 'asc' | 'desc';

/**
 * A Prisma `where` that continues after `cursor` on the keyset `(field, id)`, or on `id` alone
 * when `field` is absent. Both columns must be indexed together for the query to stay fast.
 */
export function keysetWhere(cursor: CursorValues | null, field: string | undefined, direction: SortDirection): Record<string, unknown> {
  if (!cursor) return {};
  const op = direction === 'asc' ? 'gt' : 'lt';
  if (!field) return { id: { [op]: String(cursor[0]) } };
  const [value, id] = cursor;
  const typed = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : value;
  return { OR: [{ [field]: { [op]: typed } }, { [field]: typed, id: { [op]: String(id) } }] };
}

/** The Prisma `orderBy` matching `keysetWhere`. */
export function keysetOrder(field: string | undefined, direction: SortDirection): Array<Record<string, SortDirection>> {
  return field ? [{ [field]: direction }, { id: direction }] : [{ id: direction }];
}

/** A condition on the child rows `t`, its placeholders numbered from `firstParameter`. */
export type ChildCondition = (firstParameter: number) => { sql: string; params: unknown[] };

export interface ChildPageQuery {
  /** Schema-qualified table, e.g. `"messages"."RedCrossMessage"`. */
  table: string;
  /** Column holding the parent's id (a uuid). */
  parentColumn: string;
  /** Sort column (a date, timestamp, text or enum), the id breaking ties. */
  sortColumn: string;
  /** SQL type of the sort column, for the cursor's parameter: `date`, `timestamptz`, `text`, `"people"."Relationship"`. */
  sortType: string;
  direction: SortDirection;
  /** Which children may be listed (visibility, a type filter): applied inside each page, so pages stay full. */
  where?: ChildCondition;
}

/**
 * One SQL statement that fetches a page of children for many parents at once, so nested
 * connections in a list cost one query, not one per parent.
 *
 * Each parent's page is its own `LIMIT` over an index on `(parent, sort, id)` (a lateral
 * subquery per parent id): the plan is an index scan whatever the table's size or statistics,
 * where a window over `parent = ANY(…)` lets the planner read the whole table when its estimates
 * are off (as right after a bulk load). The `where` condition and the cursor apply inside each
 * page, so a page is full and `hasNextPage` counts only rows the condition lets through.
 * Rows carry every column of the child, in sort order.
 */
export function childPageSql(query: ChildPageQuery, parentIds: readonly string[], page: Page): { sql: string; params: unknown[] } {
  const { from, params } = childPageFrom(query, parentIds, page, 1);
  const order = query.direction.toUpperCase();
  return { sql: `SELECT page.* ${from} ORDER BY page."${query.sortColumn}" ${order}, page."id" ${order}`, params };
}

/**
 * The page of one parent's children, `parent.id` naming the parent: a `SELECT` of the children,
 * its placeholders numbered from `firstParameter`, the page's size plus one first.
 */
function childPageSelect(query: ChildPageQuery, page: Page, firstParameter: number): { select: string; params: unknown[] } {
  const op = query.direction === 'asc' ? '>' : '<';
  const order = query.direction.toUpperCase();
  const params: unknown[] = [page.limit + 1];
  const at = (index: number) => `$${firstParameter + index}`;
  const conditions = [`t."${query.parentColumn}" = parent.id`];
  if (query.where) {
    const where = query.where(firstParameter + params.length);
    conditions.push(`(${where.sql})`);
    params.push(...where.params);
  }
  if (page.after) {
    conditions.push(`(t."${query.sortColumn}", t."id") ${op} (${at(params.length)}::${query.sortType}, ${at(params.length + 1)}::uuid)`);
    params.push(page.after[0], page.after[1]);
  }
  const select = `SELECT t.* FROM ${query.table} t
      WHERE ${conditions.join(' AND ')}
      ORDER BY t."${query.sortColumn}" ${order}, t."id" ${order}
      LIMIT ${at(0)}`;
  return { select, params };
}

/** The `FROM` clause of `childPageSql`, its placeholders numbered from `firstParameter`. */
function childPageFrom(query: ChildPageQuery, parentIds: readonly string[], page: Page, firstParameter: number): { from: string; params: unknown[] } {
  const { select, params } = childPageSelect(query, page, firstParameter + 1);
  const from = `FROM unnest($${firstParameter}::uuid[]) AS parent(id) CROSS JOIN LATERAL (
      ${select}
    ) page`;
  return { from, params: [parentIds, ...params] };
}

/**
 * The page of children of the row aliased `parent` in an enclosing query, as one `jsonb` array
 * in sort order (every column of each child, `[]` for none), its placeholders numbered from
 * `firstParameter`: a list's page and a relation of each of its rows read in one statement,
 * where a second statement would cost the subgraph another round trip to the database. The
 * `where` condition and the cursor apply as in `childPageSql`. The rows come back as JSON, so
 * dates and timestamps are strings: see `childRowFromJson`.
 */
export function childPageJsonSql(query: ChildPageQuery, page: Page, firstParameter: number): { sql: string; params: unknown[] } {
  const { select, params } = childPageSelect(query, page, firstParameter);
  const order = query.direction.toUpperCase();
  const sql = `(SELECT coalesce(jsonb_agg(to_jsonb(page) ORDER BY page."${query.sortColumn}" ${order}, page."id" ${order}), '[]'::jsonb) FROM (
      ${select}
    ) page)`;
  return { sql, params };
}

/**
 * A date or timestamp as `to_jsonb` writes it, as the driver reads the column: a `date` at
 * midnight UTC, a `timestamp` (no zone) as UTC, a `timestamptz` at its offset.
 */
const jsonDate = (value: string): Date =>
  new Date(value.length === 10 ? `${value}T00:00:00.000Z` : /(?:Z|[+-]\d\d(?::?\d\d)?)$/.test(value) ? value : `${value}Z`);

/** The keys of a row whose values are dates (a `date`, `timestamp` or `timestamptz` column). */
export type DateColumns<T> = { [K in keyof T]-?: Date extends NonNullable<T[K]> ? K : never }[keyof T];

/**
 * A child row read as JSON by `childPageJsonSql`, typed as the driver reads it: the columns
 * named in `dates` (every date column of the row's type, which the type checks) back to `Date`,
 * a `date` at midnight UTC as the driver reads it. Every other column's JSON form is the
 * driver's value already (text, uuid, enum, number, boolean, arrays of those).
 */
export function childRowFromJson<T>(row: Record<string, unknown>, dates: Record<DateColumns<T>, true>): T {
  for (const column of Object.keys(dates)) {
    const value = row[column];
    if (typeof value === 'string') row[column] = jsonDate(value);
  }
  return row as T;
}

/** One of the relations `readChildPagesTogether` reads: its query, parents and page. */
export interface ChildPagePart {
  query: ChildPageQuery;
  parentIds: readonly string[];
  page: Page;
}

/**
 * Pages of several relations of one table (a person's messages sent and received) in one
 * statement, each part as `childPageSql` reads it: every round trip to the database costs the
 * subgraph a socket write and a wake-up, more than the rows. The parts must sort alike; each row
 * comes back tagged with the index of its part in `relationPart`, so a row both parts list (a
 * message between two people of the batch) comes once per part.
 */
export function childPagesTogetherSql(parts: readonly ChildPagePart[]): { sql: string; params: unknown[] } {
  const [first] = parts;
  if (!first) throw new Error('childPagesTogetherSql needs at least one part');
  const selects: string[] = [];
  const params: unknown[] = [];
  parts.forEach((part, index) => {
    if (part.query.table !== first.query.table || part.query.sortColumn !== first.query.sortColumn || part.query.direction !== first.query.direction) {
      throw new Error('childPagesTogetherSql reads parts of one table sorted alike');
    }
    const { from, params: own } = childPageFrom(part.query, part.parentIds, part.page, params.length + 1);
    selects.push(`SELECT ${index} AS "relationPart", page.* ${from}`);
    params.push(...own);
  });
  const order = first.query.direction.toUpperCase();
  return { sql: `${selects.join('\n    UNION ALL ')}\n    ORDER BY "relationPart", "${first.query.sortColumn}" ${order}, "id" ${order}`, params };
}

/** The rows of `childPagesTogetherSql`, each with the index of its part. */
export function readChildPagesTogether<T>(client: object, parts: readonly ChildPagePart[]): Promise<Array<T & { relationPart: number }>> {
  const { sql, params } = childPagesTogetherSql(parts);
  return readRows<T & { relationPart: number }>(client, sql, params);
}

/** Reads a page of children for every parent in `parentIds` (see `childPageSql`) on the raw driver under `client`. */
export function readChildPages<T>(client: object, query: ChildPageQuery, parentIds: readonly string[], page: Page): Promise<T[]> {
  const { sql, params } = childPageSql(query, parentIds, page);
  return readRows<T>(client, sql, params);
}

/**
 * A subgraph's relation pages by field (e.g. `Person.familyLinks`), each as the query a principal's
 * loader sends: what the loaders read and what the test of their plans explains.
 */
export type RelationPages = Record<string, (principal: Principal) => ChildPageQuery>;
