import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '@movement/runtime';

/**
 * Signed bearer tokens (JWT) of internal apps and admins, checked against a JWKS (a file or a
 * URL). Claims: `sub`, `scope` (space-separated) or `scopes` (array), `kind` (`app` or `admin`,
 * default `app`), `partner_id` when the app acts for a partner, and `trusted_documents_only: true`
 * for an app that may run only the trusted documents of the persisted-document manifest.
 */
export interface BearerTokenOptions {
  /** A JWKS document, a path to one, or an https URL serving one. */
  jwks: JSONWebKeySet | { path: string } | { url: string };
  issuer?: string;
  audience?: string;
}

export class BearerTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: BearerTokenOptions) {
    const { jwks } = options;
    if ('url' in jwks) this.keys = createRemoteJWKSet(new URL(jwks.url));
    else if ('path' in jwks) this.keys = createLocalJWKSet(JSON.parse(readFileSync(jwks.path, 'utf8')) as JSONWebKeySet);
    else this.keys = createLocalJWKSet(jwks);
  }

  /** The token's principal; null for a token that is not valid now (bad signature, expired, wrong issuer …). */
  async authenticate(token: string): Promise<Principal | null> {
    return (await this.verify(token))?.principal ?? null;
  }

  /** The token's principal and whether it may run trusted documents only; null for a token not valid now. */
  async verify(token: string): Promise<{ principal: Principal; trustedDocumentsOnly: boolean } | null> {
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer: this.options.issuer, audience: this.options.audience });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) return null;
      const scopes = Array.isArray(payload.scopes)
        ? payload.scopes.filter((scope): scope is string => typeof scope === 'string')
        : typeof payload.scope === 'string'
          ? payload.scope.split(' ').filter(Boolean)
          : [];
      const kind = payload.kind === 'admin' ? 'admin' : 'app';
      const partnerId = typeof payload.partner_id === 'string' ? payload.partner_id : null;
      return { principal: { subject: `${kind}:${payload.sub}`, kind, partnerId, scopes }, trustedDocumentsOnly: payload.trusted_documents_only === true };
    } catch {
      return null;
    }
  }
}
