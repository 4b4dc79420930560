import { canSeeRecord, forbidden, hasScope, mandateScope, recordVisibility, visibleRecordsSql, type Principal } from '@movement/runtime';
import type { Prisma } from './generated/prisma/client';

/**
 * Who may see a Red Cross Message: the one place that decides, from data every message carries
 * (its route). Every read — by id, lists, counts, nested fields, `_entities` — and every change
 * goes through these functions, so the rule cannot drift between resolvers.
 *
 * A message's route is the partner that recorded it (the collecting partner) and those it is
 * shared with: each partner that made a step of its history (the reviewer, the dispatcher, the
 * delivering partner) joins `sharedWithIds` in the same transaction as the step (see
 * `sharedWithAfter`), so the route also covers everyone in its status history.
 */

/** Scope to read a message's metadata (route, status, history, people). */
export const MESSAGES_READ_SCOPE = 'messages:read';
/** Scope to read what the family wrote. */
export const MESSAGES_CONTENT_SCOPE = 'messages:read:content';

type Routed = { recordedById: string; sharedWithIds: readonly string[] };

/** The partners on a message's route: the recording partner first, then those it is shared with. */
export function routeOf(message: Routed): string[] {
  return [message.recordedById, ...message.sharedWithIds.filter((id) => id !== message.recordedById)];
}

/** The route after `partnerIds` join it: the recording partner stays the owner, others are shared with once. */
export function sharedWithAfter(message: Routed, ...partnerIds: Array<string | null | undefined>): string[] {
  const shared = new Set(message.sharedWithIds);
  for (const id of partnerIds) if (id && id !== message.recordedById) shared.add(id);
  return [...shared].sort();
}

/** Whether the principal may see the message at all: its partner is on the route, or it holds the mandate. */
export const canSeeMessage = (principal: Principal, message: Routed): boolean => canSeeRecord(principal, message);

/** What a caller may see of a message: nothing off its route (without the mandate); the scopes decide the rest. */
export function messageAccess(message: Routed, principal: Principal): { metadata: boolean; content: boolean } {
  const visible = canSeeMessage(principal, message);
  return {
    metadata: visible && hasScope(principal, MESSAGES_READ_SCOPE),
    content: visible && hasScope(principal, MESSAGES_CONTENT_SCOPE),
  };
}

/** Prisma condition selecting the messages the principal may see; AND it into every message query. */
export function visibleMessagesWhere(principal: Principal): Prisma.RedCrossMessageWhereInput {
  const visibility = recordVisibility(principal);
  if (visibility.all) return {};
  // No partner and no mandate: an empty `in` matches nothing.
  if (visibility.partnerId === null) return { id: { in: [] } };
  return { OR: [{ recordedById: visibility.partnerId }, { sharedWithIds: { has: visibility.partnerId } }] };
}

/** The same rule as raw SQL on the message table aliased `alias`, its parameter at `$<parameterIndex>`. */
export const visibleMessagesSql = (principal: Principal, alias: string, parameterIndex: number) => visibleRecordsSql(principal, alias, parameterIndex);

/**
 * A partner acts only as itself: the input field naming the acting partner must be the
 * principal's partner, unless the principal holds the ICRC's mandate (which may record for any
 * delegation or National Society). Anything else is FORBIDDEN, naming the field.
 */
export function assertActingPartner(principal: Principal, partnerId: string, field: string): void {
  if (hasScope(principal, mandateScope)) return;
  if (principal.partnerId !== null && principal.partnerId.toLowerCase() === partnerId.toLowerCase()) return;
  throw forbidden(
    principal.partnerId === null
      ? `${field}: the caller acts for no partner and may not act as ${partnerId}.`
      : `${field}: the caller acts for partner ${principal.partnerId} and may not act as ${partnerId}.`,
    { field },
  );
}
