import type { KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import { internalTokenLifetimeSeconds, signInternalToken, type Principal } from '@movement/runtime';

const principalKeys = new WeakMap<Principal, string>();
const scopeSetKeys = new WeakMap<readonly string[], string>();

/**
 * An API key's principal is one frozen object for as long as the key's lookup is cached, so what
 * is derived from it on every request is kept per object. Only frozen objects are kept: any other
 * could change after its key was made, and is keyed afresh each time.
 */
function kept<K extends object>(memo: WeakMap<K, string>, of: K, frozen: boolean, make: () => string): string {
  let key = memo.get(of);
  if (key === undefined) {
    key = make();
    if (frozen) memo.set(of, key);
  }
  return key;
}

/** A set of scopes as one string, whatever their order. */
export function scopeSetKey(scopes: readonly string[]): string {
  return kept(scopeSetKeys, scopes, Object.isFrozen(scopes), () => JSON.stringify([...scopes].sort()));
}

/** The claims a token carries, as one string: two callers share a token only if every claim is the same. */
export function principalKey(principal: Principal): string {
  return kept(principalKeys, principal, Object.isFrozen(principal) && Object.isFrozen(principal.scopes), () =>
    JSON.stringify([principal.kind, principal.subject, principal.partnerId, scopeSetKey(principal.scopes)]),
  );
}

/**
 * The internal tokens the gateway sends to subgraphs, signed once per principal and operation name
 * and reused for the first half of their lifetime. An Ed25519 signature costs more than the rest of
 * a small request, and a subgraph verifies each distinct token once, so a token per client request
 * costs both sides on every request. A reused token still expires a minute after it was signed,
 * and is handed out only for requests the gateway has authenticated itself; a principal whose
 * scopes change gets a new one at once, since the scopes are part of the key.
 */
export class InternalTokens {
  private readonly tokens: LRUCache<string, Promise<string>>;
  private readonly reuseTtl: number;
  private readonly now: () => number;

  constructor(
    private readonly signingKey: KeyLike,
    options: { reuseMs?: number; maxTokens?: number; now?: () => number } = {},
  ) {
    const reuseMs = options.reuseMs ?? (internalTokenLifetimeSeconds * 1000) / 2;
    // The cache keeps an entry while its age is at most its ttl, and a token is renewed once
    // `reuseMs` have passed: one millisecond less.
    this.reuseTtl = Math.ceil(reuseMs) - 1;
    this.now = options.now ?? Date.now;
    // Each check reads the clock itself (no `ttlResolution`), so a token is never reused past that.
    this.tokens = new LRUCache({ max: options.maxTokens ?? 10_000, perf: { now: this.now }, ttlResolution: 0 });
  }

  /** A token for `principal` asking `operationName`, valid for at least half its lifetime. */
  token(principal: Principal, operationName: string | null): Promise<string> {
    const key = `${principalKey(principal)}\u0000${operationName ?? ''}`;
    const known = this.tokens.get(key);
    if (known) return known;
    const at = this.now();
    const token = signInternalToken(this.signingKey, { principal, operationName }, at);
    // A failed signature is not remembered: the next request tries again.
    token.catch(() => this.tokens.peek(key) === token && this.tokens.delete(key));
    // A ttl of 0 would keep the token for ever: one not to be reused is not remembered.
    if (this.reuseTtl > 0) this.tokens.set(key, token, { ttl: this.reuseTtl, start: at });
    return token;
  }
}
