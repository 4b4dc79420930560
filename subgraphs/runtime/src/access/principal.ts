import { forbidden } from '../errors';
import { mandateScope } from './scopes';

/**
 * Who is asking, as the gateway established it: a partner's API key, or a signed token of an
 * internal app or an admin. Subgraphs receive it in the gateway's signed internal token.
 */
export interface Principal {
  /** Stable id of the credential's holder: the API key id, or the token's `sub`. */
  subject: string;
  kind: 'partner' | 'app' | 'admin';
  /** The partner (Organization id) the principal acts for; null for an app or admin acting for none. */
  partnerId: string | null;
  scopes: string[];
}

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.includes(scope);
}

/**
 * Which records about people the principal may see: all of them under the ICRC's mandate, else
 * those its partner recorded or that were shared with it; a principal acting for no partner and
 * without the mandate sees none.
 */
export type RecordVisibility = { all: true } | { all: false; partnerId: string | null };

export function recordVisibility(principal: Principal): RecordVisibility {
  return hasScope(principal, mandateScope) ? { all: true } : { all: false, partnerId: principal.partnerId };
}

/** Whether a record owned by `recordedById` and shared with `sharedWithIds` is visible. */
export function canSeeRecord(principal: Principal, record: { recordedById: string; sharedWithIds: readonly string[] }): boolean {
  const visibility = recordVisibility(principal);
  if (visibility.all) return true;
  return visibility.partnerId !== null && (record.recordedById === visibility.partnerId || record.sharedWithIds.includes(visibility.partnerId));
}

/**
 * A Prisma `where` fragment selecting the records the principal may see (on models with
 * `recordedById` and `sharedWithIds`). Combine it with AND; `{}` when all are visible.
 */
export function visibleRecordsWhere(principal: Principal): { OR?: Array<Record<string, unknown>>; id?: { in: string[] } } {
  const visibility = recordVisibility(principal);
  if (visibility.all) return {};
  // No partner: an empty `in` matches nothing.
  if (visibility.partnerId === null) return { id: { in: [] } };
  return { OR: [{ recordedById: visibility.partnerId }, { sharedWithIds: { has: visibility.partnerId } }] };
}

/**
 * The same rule for raw SQL: a condition on `alias`'s `recordedById`/`sharedWithIds` columns,
 * with its parameter placed at `$<parameterIndex>`; `TRUE` (and no parameter) when all are visible.
 */
export function visibleRecordsSql(principal: Principal, alias: string, parameterIndex: number): { sql: string; params: unknown[] } {
  const visibility = recordVisibility(principal);
  if (visibility.all) return { sql: 'TRUE', params: [] };
  if (visibility.partnerId === null) return { sql: 'FALSE', params: [] };
  // `@>` rather than `= ANY` so the GIN index on sharedWithIds serves it.
  return {
    sql: `(${alias}."recordedById" = $${parameterIndex}::uuid OR ${alias}."sharedWithIds" @> ARRAY[$${parameterIndex}::uuid])`,
    params: [visibility.partnerId],
  };
}

/**
 * A partner acts only as itself: an input naming the acting or recording partner must name the
 * principal's own partner, unless the principal holds the ICRC's mandate (which records on behalf
 * of others, e.g. when paper forms are entered centrally). FORBIDDEN names the field. Check it
 * before anything is read or written, so a refusal writes nothing.
 */
export function assertActingAs(principal: Principal, field: string, partnerId: string): void {
  if (hasScope(principal, mandateScope)) return;
  if (principal.partnerId !== null && principal.partnerId.toLowerCase() === partnerId.toLowerCase()) return;
  throw forbidden(
    `${field}: the caller acts for ${principal.partnerId === null ? 'no partner' : `partner ${principal.partnerId}`} and may not act as ${partnerId}.`,
    { field },
  );
}
