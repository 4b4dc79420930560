import type { KeyLike } from 'jose';
import { internalTokenLifetimeSeconds, signInternalToken, type Principal } from '@movement/runtime';

/** The claims a token carries, as one string: two callers share a token only if every claim is the same. */
export function principalKey(principal: Principal): string {
  return JSON.stringify([principal.kind, principal.subject, principal.partnerId, [...principal.scopes].sort()]);
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
