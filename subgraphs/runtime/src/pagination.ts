import { badUserInput, uuidPattern } from './errors';

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
 * Builds a connection from rows fetched with `limit + 1`, the extra row telling whether a next
 * page exists. `cursorOf` returns the sort-key values of a row, its id last.
 */
export function toConnection<T>(rows: T[], page: Page, cursorOf: (row: T) => CursorValues): Connection<T> {
  const hasNextPage = rows.length > page.limit;
  const nodes = hasNextPage ? rows.slice(0, page.limit) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

export type SortDirection = 'asc' | 'desc';

/**
 * A Prisma `where` that continues after `cursor` on the keyset `(field, id)`, or on `id` alone
 * when `field` is absent. Both columns must be indexed together for the query to stay fast.
 */
export function keysetWhere(
  cursor: CursorValues | null,
  field: string | undefined,
  direction: SortDirection,
): Record<string, unknown> {
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

export interface ChildPageQuery {
  /** Schema-qualified table, e.g. `"messages"."RedCrossMessage"`. */
  table: string;
  /** Column holding the parent's id. */
  parentColumn: string;
  /** Sort column (a timestamp or text), the id breaking ties. */
  sortColumn: string;
  direction: SortDirection;
  /** Extra condition on the child rows, already safe SQL (no user input). */
  where?: string;
}

/**
 * One SQL statement that fetches a page of children for many parents at once (a window over the
 * parent column), so nested connections in a list cost one query, not one per parent.
 * Returns the SQL and parameters; rows carry the child's columns.
 */
export function childPageSql(query: ChildPageQuery, parentIds: readonly string[], page: Page): { sql: string; params: unknown[] } {
  const op = query.direction === 'asc' ? '>' : '<';
  const params: unknown[] = [parentIds, page.limit + 1];
  let keyset = '';
  if (page.after) {
    params.push(page.after[0], page.after[1]);
    keyset = ` AND (t."${query.sortColumn}", t."id") ${op} ($3, $4)`;
  }
  const order = query.direction.toUpperCase();
  const sql = `SELECT * FROM (
      SELECT t.*, row_number() OVER (PARTITION BY t."${query.parentColumn}" ORDER BY t."${query.sortColumn}" ${order}, t."id" ${order}) AS "__rank"
      FROM ${query.table} t
      WHERE t."${query.parentColumn}" = ANY($1)${query.where ? ` AND (${query.where})` : ''}${keyset}
    ) ranked WHERE "__rank" <= $2 ORDER BY "${query.sortColumn}" ${order}, "id" ${order}`;
  return { sql, params };
}
