import { canSeeRecord, hasScope, visibleRecordsSql, visibleRecordsWhere, type Principal } from '@movement/runtime';
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
const MESSAGES_READ_SCOPE = 'messages:read';
/** Scope to read what the family wrote. */
const MESSAGES_CONTENT_SCOPE = 'messages:read:content';

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

/** What a caller may see of a message: nothing off its route (without the mandate); the scopes decide the rest. */
export function messageAccess(message: Routed, principal: Principal): { metadata: boolean; content: boolean } {
  const visible = canSeeRecord(principal, message);
  return {
    metadata: visible && hasScope(principal, MESSAGES_READ_SCOPE),
    content: visible && hasScope(principal, MESSAGES_CONTENT_SCOPE),
  };
}

/** Prisma condition selecting the messages the principal may see; AND it into every message query. */
export const visibleMessagesWhere = (principal: Principal) => visibleRecordsWhere(principal) as Prisma.RedCrossMessageWhereInput;

/** The same condition in SQL on the messages aliased `alias`, its parameter at `$<first>`: for the raw reads. */
export const visibleMessagesSql = (principal: Principal, alias: string, first: number) => visibleRecordsSql(principal, alias, first);
