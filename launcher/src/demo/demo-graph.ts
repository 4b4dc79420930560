import { allScopes, type InternalKeyPair } from '@movement/runtime';
import { createTokenIssuer, type BearerClaims } from '@movement/runtime/demo';
import { demoTokens, issueDemoKeys, type DemoPartner } from './demo-access';
import { startGraph, type DatabaseLocation, type GraphOptions, type RunningGraph } from '../graph/graph';

/** Who a request comes from: a demo principal, the all-scopes principal, or nobody. */
export type Caller = DemoPartner | keyof typeof demoTokens | 'fullAccess' | 'anonymous';

/** A principal holding every scope under the ICRC's mandate, acting for no partner (tests, benchmarks). */
export const fullAccessClaims: BearerClaims = { sub: 'full-access', kind: 'app', scopes: [...allScopes] };

export interface DemoGraph {
  graph: RunningGraph;
  /** Credential headers per demo principal (`{}` for anonymous). */
  credentials: Record<Caller, Record<string, string>>;
  /** A bearer token with any claims, signed by the demo identity provider. */
  token(claims: BearerClaims): Promise<string>;
}

/**
 * The whole graph with demo credentials: an in-process identity provider whose JWKS the gateway
 * trusts (tokens for the demo app, the admin and a full-access principal) and a freshly issued
 * API key for each demo partner. For tests, benchmarks and `npm start` on synthetic data only.
 */
export async function startDemoGraph(
  options: Omit<GraphOptions, 'access'> & { accessDatabase: DatabaseLocation; internalKeys?: InternalKeyPair; enforce?: boolean },
): Promise<DemoGraph> {
  const identityProvider = await createTokenIssuer();
  const graph = await startGraph({
    ...options,
    access: { database: options.accessDatabase, bearerTokens: { jwks: identityProvider.jwks }, internalKeys: options.internalKeys, enforce: options.enforce },
  });
  try {
    const keys = await issueDemoKeys(graph.gateway.apiKeys, 'demo');
    const bearer = async (claims: BearerClaims) => ({ authorization: `Bearer ${await identityProvider.issue({ expiresIn: '12h', ...claims })}` });
    return {
      graph,
      credentials: {
        icrc: { 'x-api-key': keys.icrc },
        russianRedCross: { 'x-api-key': keys.russianRedCross },
        belarusRedCross: { 'x-api-key': keys.belarusRedCross },
        app: await bearer(demoTokens.app),
        admin: await bearer(demoTokens.admin),
        fullAccess: await bearer(fullAccessClaims),
        // An empty header: the request carries no credentials (and the test harness adds none).
        anonymous: { authorization: '' },
      },
      token: (claims) => identityProvider.issue(claims),
    };
  } catch (error) {
    await graph.stop();
    throw error;
  }
}
