import { forbidden, hasScope, mandateScope, notFound, visibleRecordsWhere, type Principal } from '@movement/runtime';

/**
 * The Movement's need-to-know for the people subgraph. A person, a tracing request and a detention
 * record are each visible to the partner that recorded them, to the partners they are shared with,
 * and to every principal holding the ICRC's mandate. The rule is a `where` fragment (or a raw SQL
 * condition, in search.ts) inside the queries themselves, so lists, pages and counts never see the
 * hidden rows.
 *
 * Sharing a tracing request or a detention record shares the identity of the people it is about
 * (the enquirer, the sought person, the person located, the detainee): the record is of no use
 * without them. Their own sensitive fields still follow scopes, and a child's identifying fields
 * still need `people:read:sensitive`.
 */
export const visibleRecords = (principal: Principal) => visibleRecordsWhere(principal);

/**
 * A partner acts only as itself: an input naming the acting or recording partner must name the
 * principal's own partner, unless the principal holds the mandate. FORBIDDEN names the field.
 */
export function assertActingAs(principal: Principal, field: string, partnerId: string): void {
  if (hasScope(principal, mandateScope)) return;
  if (principal.partnerId === null || partnerId !== principal.partnerId) {
    throw forbidden(`${field}: a partner records only in its own name; this one acts for ${principal.partnerId ?? 'no partner'}.`, { field });
  }
}

/** The same refusal as for a record that does not exist, so a hidden record cannot be probed. */
export const notVisible = (field: string, typename: string, id: string) => notFound(field, `no ${typename} has the id ${id}`);
