import type { KeyLike } from 'jose';
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
  private readonly tokens = new Map<string, { token: Promise<string>; renewAt: number }>();
  private readonly reuseMs: number;
  private readonly maxTokens: number;
  private readonly now: () => number;

  constructor(
    private readonly signingKey: KeyLike,
    options: { reuseMs?: number; maxTokens?: number; now?: () => number } = {},
  ) {
    this.reuseMs = options.reuseMs ?? (internalTokenLifetimeSeconds * 1000) / 2;
    this.maxTokens = options.maxTokens ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** A token for `principal` asking `operationName`, valid for at least half its lifetime. */
  token(principal: Principal, operationName: string | null): Promise<string> {
    const key = `${principalKey(principal)}\u0000${operationName ?? ''}`;
    const at = this.now();
    const known = this.tokens.get(key);
    if (known && at < known.renewAt) return known.token;
    this.tokens.delete(key);
    const token = signInternalToken(this.signingKey, { principal, operationName }, at);
    // A failed signature is not remembered: the next request tries again.
    token.catch(() => this.tokens.get(key)?.token === token && this.tokens.delete(key));
    if (this.tokens.size >= this.maxTokens) this.tokens.delete(this.tokens.keys().next().value as string);
    this.tokens.set(key, { token, renewAt: at + this.reuseMs });
    return token;
  }
}
