import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportSPKI, importJWK, type KeyLike } from 'jose';
import { signInternalToken } from '@movement/runtime';
import { createTokenIssuer, type BearerClaims } from '@movement/runtime/demo';
import { BearerTokenVerifier } from '@movement/gateway';

/**
 * Hive Gateway (The Guild's, MIT) serving a supergraph over running subgraphs, configured as an
 * operator would: its own JWT authentication (bearer tokens of a test identity provider, every
 * request must carry a valid one) and its own enforcement of `@requiresScopes` and
 * `@authenticated` (`genericAuth` in `protect-granular` mode, a refused field null with an error
 * and the rest answered). The one addition is a small plugin that signs the internal token the
 * subgraphs require, as this graph's gateway does, from the caller's claims.
 *
 * It runs Hive Gateway's engine (`@graphql-hive/gateway-runtime`, which its CLI and container serve)
 * with its JWT plugin and the HTTP transport the engine loads by name for the subgraphs
 * (`@graphql-mesh/transport-http`), not the whole CLI package: the CLI's caches, exporters and
 * cloud plugins, none of which this uses, would add several hundred packages to every install.
 */
export interface HiveGateway {
  url: string;
  /** A bearer token this gateway accepts, with the claims a real identity provider would put in it. */
  token(claims: BearerClaims): Promise<string>;
  stop(): Promise<void>;
}

interface JwtContext {
  jwt?: { payload?: Record<string, unknown>; token?: { value: string } };
  params?: { operationName?: string | null };
}

export async function startHiveGateway(options: { supergraphSdl: string; subgraphUrls: Record<string, string>; signingKey: KeyLike }): Promise<HiveGateway> {
  // The packages need Node 22 or later: the project's npm scripts (and npx) run Node 24.
  const hive = await import('@graphql-hive/gateway-runtime');
  const jwt = await import('@graphql-mesh/plugin-jwt-auth');
  const identity = await createTokenIssuer();
  // The same reading of a token's claims (subject, kind, partner, scopes) as this graph's gateway.
  const principals = new BearerTokenVerifier({ jwks: identity.jwks });
  const internalToken = {
    async onFetch({
      context,
      options: request,
      setOptions,
    }: {
      context: JwtContext;
      options: { headers?: Record<string, string> };
      setOptions: (next: object) => void;
    }) {
      const bearer = context.jwt?.token?.value;
      // No token: one of Hive Gateway's own fetches (none with a supergraph given as text).
      if (!bearer) return;
      const principal = await principals.authenticate(bearer);
      if (!principal) return;
      const token = await signInternalToken(options.signingKey, { principal, operationName: context.params?.operationName ?? null });
      setOptions({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
    },
  };
  const publicKey = await exportSPKI((await importJWK(identity.jwks.keys[0], 'ES256')) as KeyLike);
  const runtime = hive.createGatewayRuntime({
    supergraph: options.supergraphSdl,
    logging: false,
    transportEntries: {
      // Identical subgraph queries in flight are merged by default, before the plugin signs them:
      // off, so one principal's answer never reaches another.
      '*': { options: { deduplicateInflightRequests: false } },
      ...Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, url]) => [name, { location: url }])),
    },
    genericAuth: {
      mode: 'protect-granular',
      resolveUserFn: (context: JwtContext) => context.jwt?.payload,
      rejectUnauthenticated: false,
    },
    plugins: () => [
      jwt.useJWT({
        signingKeyProviders: [jwt.createInlineSigningKeyProvider(publicKey)],
        tokenVerification: { algorithms: ['ES256'] },
        reject: { missingToken: true, invalidToken: true },
      }),
      internalToken,
    ],
  } as Parameters<typeof hive.createGatewayRuntime>[0]);
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    token: (claims) => identity.issue(claims),
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime[Symbol.asyncDispose]();
    },
  };
}
