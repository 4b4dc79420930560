import { badUserInput, childPageJsonSql, childRowFromJson, readRows, uuidPattern, visibleRecordsSql, type Page, type Principal } from '@movement/runtime';
import type { Person, PrismaClient, TracingRequest } from './generated/prisma/client';
import { tracingRequestPages } from './child-pages';

/** The date columns of a tracing request, which come back as text when read as JSON. */
const tracingRequestDates = { lastSeenOn: true, openedOn: true, createdAt: true, consentRecordedOn: true, reviewOn: true } as const;

/** A person of the page, with the page of tracing requests seeking them when it was read with it. */
export interface PageRow {
  person: Person;
  tracingRequests?: TracingRequest[];
}

/** The statement of `peoplePage`: the people's rows, and each one's tracing requests as `jsonb` in `"tracingRequestPage"` when asked for. */
export function peoplePageSql(principal: Principal, status: string | null | undefined, page: Page, tracingRequests?: Page): { sql: string; params: unknown[] } {
  const params: unknown[] = [page.limit + 1];
  const visible = visibleRecordsSql(principal, 't', params.length + 1);
  params.push(...visible.params);
  const conditions = [visible.sql];
  if (status) {
    params.push(status);
    conditions.push(`t."status" = $${params.length}::"people"."PersonStatus"`);
  }
  if (page.after) {
    const [familyName, givenName, id] = page.after;
    // Any other shape was not written by this list; its values would reach SQL as names and id.
    if (page.after.length !== 3 || typeof familyName !== 'string' || typeof givenName !== 'string' || typeof id !== 'string' || !uuidPattern.test(id)) {
      throw badUserInput('after', 'is not a cursor returned by this list; pass an endCursor from a previous page.');
    }
    params.push(familyName, givenName, id);
    const at = params.length;
    conditions.push(`(t."familyName", t."givenName", t."id") > ($${at - 2}::text, $${at - 1}::text, $${at}::uuid)`);
  }
  const order = `ORDER BY t."familyName", t."givenName", t."id"`;
  const people = `SELECT t.* FROM "people"."Person" t WHERE ${conditions.join(' AND ')} ${order} LIMIT $1`;
  if (!tracingRequests) return { sql: people, params };
  // The people's page first, then each one's requests: the requests are read for the page's rows only.
  const requests = childPageJsonSql(tracingRequestPages(principal), tracingRequests, params.length + 1);
  params.push(...requests.params);
  const sql = `SELECT parent.*, ${requests.sql} AS "tracingRequestPage" FROM (${people}) parent ORDER BY parent."familyName", parent."givenName", parent."id"`;
  return { sql, params };
}

/**
 * A page of the people the principal may see, by family name, then given name, the id breaking
 * ties (the keyset of `Person.byName`), read on the raw driver: the list every partner's first
 * query starts from, where Prisma's query building and result mapping cost more than the
 * database. Served by the indexes on (familyName, givenName, id) and (status, familyName,
 * givenName, id).
 *
 * With `tracingRequests`, each person's page of the tracing requests seeking them (those the
 * principal may see, as `tracingRequestsSeeking` reads them) comes in the same statement: the
 * people list is asked for with its tracing requests on most pages a partner shows, and a
 * second statement costs the subgraph another round trip to the database.
 */
export async function peoplePage(
  prisma: PrismaClient,
  principal: Principal,
  status: string | null | undefined,
  page: Page,
  tracingRequests?: Page,
): Promise<PageRow[]> {
  const { sql, params } = peoplePageSql(principal, status, page, tracingRequests);
  if (!tracingRequests) return (await readRows<Person>(prisma, sql, params)).map((person) => ({ person }));
  const rows = await readRows<Person & { tracingRequestPage?: Array<Record<string, unknown>> }>(prisma, sql, params);
  return rows.map((row) => {
    const page = row.tracingRequestPage ?? [];
    // The person goes on to the resolvers without the page; `delete` would make every later read of the row slower.
    row.tracingRequestPage = undefined;
    return { person: row, tracingRequests: page.map((request) => childRowFromJson<TracingRequest>(request, tracingRequestDates)) };
  });
}
