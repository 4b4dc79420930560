import { isScope, partnerKeyScopes, type Principal } from '@movement/runtime';

/**
 * What a partner API key may be: one rule for every way a key is issued (the `access` CLI and the
 * admin API's `issueApiKey`), so neither can hand out more than the other.
 */

/** Who issues a key: an operator working on the access database itself, or a principal of the admin API. */
export type KeyIssuer = 'operator' | Principal;

/**
 * What is wrong with giving `scopes` to a partner key issued by `issuer`; empty when nothing is.
 * A partner key never holds a scope that administers the graph (the catalogue's `partnerKey:
 * false`), else it could issue itself any other. Only admins and operators hand out the
 * catalogue; anyone else may at most pass on scopes it holds itself.
 */
export function keyScopeProblems(scopes: readonly string[], issuer: KeyIssuer): string[] {
  if (scopes.length === 0) return ['must name at least one scope'];
  const unknown = scopes.filter((scope) => !isScope(scope));
  const administrative = scopes.filter((scope) => isScope(scope) && !partnerKeyScopes.has(scope));
  const delegates = issuer === 'operator' || issuer.kind === 'admin';
  const notHeld = delegates ? [] : scopes.filter((scope) => partnerKeyScopes.has(scope) && !issuer.scopes.includes(scope));
  return [
    ...(unknown.length > 0 ? [`unknown scope(s): ${unknown.join(', ')}`] : []),
    ...(administrative.length > 0 ? [`${administrative.join(', ')} may not be given to a partner key: admin scopes are carried by admins' tokens only`] : []),
    ...(notHeld.length > 0 ? [`${notHeld.join(', ')} may not be given by a principal that does not hold them`] : []),
  ];
}

/** The scopes of a stored key that it may hold: a key issued before the rule above loses the rest. */
export function partnerKeyScopesOf(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => partnerKeyScopes.has(scope));
}

/**
 * A key's expiry from its ISO 8601 text (`2027-06-30` or a full timestamp): the time, or what
 * is wrong with it. A key must expire in the future; no expiry at all is allowed.
 */
export function keyExpiry(value: string, now = new Date()): { expiresAt: Date } | { problem: string } {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return { problem: 'must be an ISO 8601 date or timestamp, e.g. 2027-06-30 or 2027-06-30T12:00:00Z' };
  const expiresAt = new Date(value);
  if (Number.isNaN(expiresAt.getTime())) return { problem: 'is not a valid date' };
  if (expiresAt.getTime() <= now.getTime()) return { problem: 'must be in the future' };
  return { expiresAt };
}
