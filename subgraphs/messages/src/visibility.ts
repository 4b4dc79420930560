/**
 * Who may see a Red Cross Message. Enforcement comes with the access issue; this module is the
 * one place that decides, from data every message already carries (its route), so that issue
 * only has to supply the caller.
 */

/** Scope to read a message's metadata (route, status, history, people). */
export const MESSAGES_READ_SCOPE = 'messages:read';
/** Scope to read what the family wrote. */
export const MESSAGES_CONTENT_SCOPE = 'messages:read:content';

/** The partners on a message's route: the recording partner first, then those it is shared with. */
export function routeOf(message: { recordedById: string; sharedWithIds: readonly string[] }): string[] {
  return [message.recordedById, ...message.sharedWithIds.filter((id) => id !== message.recordedById)];
}

/** The route after `partnerIds` join it: the recording partner stays the owner, others are shared with once. */
export function sharedWithAfter(message: { recordedById: string; sharedWithIds: readonly string[] }, ...partnerIds: Array<string | null | undefined>): string[] {
  const shared = new Set(message.sharedWithIds);
  for (const id of partnerIds) if (id && id !== message.recordedById) shared.add(id);
  return [...shared].sort();
}

export interface Principal {
  /** The partner the caller acts for. */
  partnerId: string;
  scopes: readonly string[];
}

/** What a caller may see of a message: nothing unless their partner is on its route. */
export function messageAccess(message: { recordedById: string; sharedWithIds: readonly string[] }, principal: Principal): { metadata: boolean; content: boolean } {
  const onRoute = routeOf(message).includes(principal.partnerId);
  return {
    metadata: onRoute && principal.scopes.includes(MESSAGES_READ_SCOPE),
    content: onRoute && principal.scopes.includes(MESSAGES_CONTENT_SCOPE),
  };
}
