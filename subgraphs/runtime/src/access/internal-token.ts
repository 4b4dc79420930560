import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Principal } from './principal';

/**
 * The token the gateway signs into every subgraph request: the principal, the client's
 * operation name, a lifetime of one minute. Subgraphs hold only the public key, so a subgraph
 * (or anyone who reads its configuration) cannot mint one; without a valid one a subgraph
 * answers 401 to everything, `_entities` and `_service` included.
 */
export const internalTokenIssuer = 'movement-graph-gateway';
export const internalTokenAudience = 'movement-graph-subgraph';
const algorithm = 'EdDSA';
/** How long an internal token is valid after it is signed; a gateway may reuse one for part of it. */
export const internalTokenLifetimeSeconds = 60;
const lifetimeSeconds = internalTokenLifetimeSeconds;
/** How far the gateway's and a subgraph's clocks may disagree. */
const clockToleranceSeconds = 5;

export interface InternalClaims {
  principal: Principal;
  /** The client's operation name, for the audit trail. */
  operationName: string | null;
}

export interface InternalKeyPair {
  privateKey: KeyLike;
  publicKey: KeyLike;
}

export async function generateInternalKeyPair(): Promise<InternalKeyPair> {
  return generateKeyPair(algorithm, { crv: 'Ed25519', extractable: true });
}

/** JWK JSON of a key, for `GATEWAY_SIGNING_KEY` / `GATEWAY_VERIFY_KEY`. */
export async function internalKeyToJson(key: KeyLike): Promise<string> {
  return JSON.stringify(await exportJWK(key));
}

/** Reads a key from its JWK JSON; `name` (the variable it came from) is named in the error. */
export async function internalKeyFromJson(json: string, name: string): Promise<KeyLike> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(json) as JWK;
  } catch {
    throw new Error(`${name}: must be an Ed25519 key as JWK JSON`);
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new Error(`${name}: must be an Ed25519 key (kty OKP, crv Ed25519)`);
  return (await importJWK(jwk, algorithm)) as KeyLike;
}

/**
 * Reads the keys a subgraph accepts tokens from: one JWK, or a JWK Set (`{"keys": [...]}`) of
 * up to two. Two keys are how the gateway's signing key is rotated without downtime: subgraphs
 * accept the old and the new key while gateways switch from one to the other.
 */
export async function internalVerifyKeysFromJson(json: string, name: string): Promise<KeyLike[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`${name}: must be an Ed25519 key as JWK JSON, or a JWK Set of two during a key rotation`);
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (keys === undefined) return [await internalKeyFromJson(json, name)];
  if (!Array.isArray(keys) || keys.length < 1 || keys.length > 2)
    throw new Error(`${name}: a JWK Set must hold one or two keys (the old and the new during a rotation)`);
  return Promise.all(keys.map((key) => internalKeyFromJson(JSON.stringify(key), name)));
}

/** A token for `claims`, issued at `now` (ms since the epoch) and valid for the lifetime from then. */
export async function signInternalToken(privateKey: KeyLike, claims: InternalClaims, now: number = Date.now()): Promise<string> {
  const { principal, operationName } = claims;
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ kind: principal.kind, partner: principal.partnerId, scopes: principal.scopes, op: operationName })
    .setProtectedHeader({ alg: algorithm })
    .setSubject(principal.subject)
    .setIssuer(internalTokenIssuer)
    .setAudience(internalTokenAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(privateKey);
}

/**
 * The claims of a valid token, with its expiry (ms since the epoch); throws on a bad signature,
 * issuer, audience, expiry or shape. A token must say when it was issued and when it expires, and
 * live no longer than the gateway signs them for: a token without `exp`, or one made to last for
 * years, would be a key to every subgraph for anyone who ever saw it. `now` is the clock (ms).
 */
async function verifyWithExpiry(publicKeys: KeyLike | KeyLike[], token: string, now: number): Promise<{ claims: InternalClaims; expiresAt: number }> {
  const options = {
    issuer: internalTokenIssuer,
    audience: internalTokenAudience,
    algorithms: [algorithm],
    requiredClaims: ['exp', 'iat'],
    maxTokenAge: lifetimeSeconds + clockToleranceSeconds,
    clockTolerance: clockToleranceSeconds,
    currentDate: new Date(now),
  };
  const keys = Array.isArray(publicKeys) ? publicKeys : [publicKeys];
  // During a rotation a token may be signed by either key; the gateway's tokens carry no key id,
  // so each key is tried in turn (a token is verified once, then remembered: see below).
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'] | undefined;
  for (const [index, key] of keys.entries()) {
    try {
      payload = (await jwtVerify(token, key, options)).payload;
      break;
    } catch (error) {
      if (index === keys.length - 1) throw error;
    }
  }
  if (!payload) throw new Error('no key to verify with');
  const seconds = Math.floor(now / 1000);
  if (payload.exp! - payload.iat! > lifetimeSeconds || payload.exp! > seconds + lifetimeSeconds + clockToleranceSeconds) throw new Error('lifetime too long');
  const { sub, kind, partner, scopes, op, exp } = payload;
  if (typeof sub !== 'string' || (kind !== 'partner' && kind !== 'app' && kind !== 'admin')) throw new Error('malformed principal');
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) throw new Error('malformed scopes');
  if (partner !== null && typeof partner !== 'string') throw new Error('malformed partner');
  if (typeof exp !== 'number') throw new Error('no expiry');
  const claims: InternalClaims = { principal: { subject: sub, kind, partnerId: partner, scopes }, operationName: typeof op === 'string' ? op : null };
  return { claims, expiresAt: exp * 1000 };
}

/** The claims of a valid token; throws on a bad signature, issuer, audience, expiry or shape. */
export async function verifyInternalToken(publicKey: KeyLike | KeyLike[], token: string): Promise<InternalClaims> {
  return (await verifyWithExpiry(publicKey, token, Date.now())).claims;
}

export interface InternalTokenVerifierOptions {
  /** Tokens remembered at most; the oldest is forgotten first. */
  maxTokens?: number;
  /** The clock, in ms since the epoch. */
  now?: () => number;
}

/**
 * `verifyInternalToken` that checks each token's signature once: one token serves all the calls a
 * gateway makes for a client request (and a gateway may reuse it for a while), and an Ed25519
 * verification costs more than the rest of a small request. A token already verified is
 * accepted until its own expiry and never after; any other string, a token differing by one
 * character included, is verified in full. The memory is bounded, and what it returns is frozen
 * so one request cannot change another's principal.
 */
export function internalTokenVerifier(publicKey: KeyLike | KeyLike[], options: InternalTokenVerifierOptions = {}): (token: string) => Promise<InternalClaims> {
  const maxTokens = options.maxTokens ?? 1000;
  const now = options.now ?? Date.now;
  // Each check reads the clock itself (no `ttlResolution`), so a token is never taken past its expiry.
  const verified = new LRUCache<string, InternalClaims>({ max: maxTokens, perf: { now }, ttlResolution: 0 });
  return async (token) => {
    const at = now();
    // `peek` leaves the order as it was: the oldest token is forgotten first, however recently it
    // was used, since it is the nearest to being replaced (a gateway renews a token it reuses).
    const known = verified.peek(token);
    if (known) return known;
    const { claims, expiresAt } = await verifyWithExpiry(publicKey, token, at);
    Object.freeze(claims.principal.scopes);
    Object.freeze(claims.principal);
    Object.freeze(claims);
    // The cache keeps an entry while its age is at most its ttl, and a token has expired at its
    // expiry itself: one millisecond less. A ttl of 0 would keep it for ever, so such a token is
    // not remembered.
    const ttl = Math.ceil(expiresAt - at) - 1;
    if (ttl > 0) verified.set(token, claims, { ttl, start: at });
    return claims;
  };
}
