import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';

/** Claims of a bearer token for an internal app or an admin, as an identity provider would issue them. */
export interface BearerClaims {
  sub: string;
  kind?: 'app' | 'admin';
  scopes: string[];
  partnerId?: string;
  /** The `trusted_documents_only` claim: the app may run only the trusted documents of the manifest. */
  trustedDocumentsOnly?: boolean;
  /** Lifetime, e.g. `5m`; a negative or past time makes an expired token. */
  expiresIn?: string | number;
}

/**
 * A stand-in identity provider for tests and the demo: an ES256 key pair, its JWKS (what the
 * gateway is configured with) and a way to issue signed tokens.
 */
export async function createTokenIssuer(): Promise<{ jwks: JSONWebKeySet; issue(claims: BearerClaims): Promise<string> }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'movement-test', alg: 'ES256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    issue: async (claims) =>
      new SignJWT({
        scope: claims.scopes.join(' '),
        kind: claims.kind ?? 'app',
        ...(claims.partnerId ? { partner_id: claims.partnerId } : {}),
        ...(claims.trustedDocumentsOnly ? { trusted_documents_only: true } : {}),
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'movement-test' })
        .setSubject(claims.sub)
        .setIssuedAt()
        .setExpirationTime(claims.expiresIn ?? '1h')
        .sign(privateKey),
  };
}
