import { badUserInput, readRows, uuidPattern, visibleRecordsSql, type Page, type Principal } from '@movement/runtime';
import type { Person, PrismaClient } from './generated/prisma/client';

/**
 * A page of the people the principal may see, by family name, then given name, the id breaking
 * ties (the keyset of `Person.byName`), read on the raw driver: the list every partner's first
 * query starts from, where Prisma's query building and result mapping cost more than the
 * database. Served by the indexes on (familyName, givenName, id) and (status, familyName,
 * givenName, id).
 */
export function peoplePage(prisma: PrismaClient, principal: Principal, status: string | null | undefined, page: Page): Promise<Person[]> {
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
  const sql = `SELECT t.* FROM "people"."Person" t WHERE ${conditions.join(' AND ')} ORDER BY t."familyName", t."givenName", t."id" LIMIT $1`;
  return readRows<Person>(prisma, sql, params);
}
