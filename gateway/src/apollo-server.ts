import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PrefixingKeyValueCache } from '@apollo/utils.keyvaluecache';
import { nulCharacterGuard, type Logger } from '@movement/runtime';
import type { AccessEnforcingGateway } from './access/enforcing-gateway';
import type { GatewayContext } from './context';
import { gatewayErrorFormatting } from './error-format';
import { graphqlResponseStatus } from './http/graphql-response';
import { introspectionGuard, operationLimitsPlugin, type LimitsConfig } from './limits';
import type { GatewayMetrics } from './metrics';
import { TrustedDocumentStore } from './persisted/document-store';
import type { TrustedDocuments } from './persisted/manifest';
import { PersistedQueryCache } from './persisted/persisted-query-cache';
import { trustedDocumentsOnly } from './persisted/trusted-only';
import type { UsageRecorder } from './usage';

/**
 * The GraphQL stages of a request to `/graphql`, in Apollo Server: the trusted documents and
 * persisted queries, the operation limits and the introspection guard, then planning and execution
 * through `gateway`; metrics, usage and error formatting around them.
 */
export function createApolloServer(options: {
  gateway: AccessEnforcingGateway;
  logger: Logger;
  metrics: GatewayMetrics;
  limits: LimitsConfig;
  trusted: TrustedDocuments;
  usage: UsageRecorder | undefined;
}): ApolloServer<GatewayContext> {
  const { gateway, logger, metrics, limits, trusted, usage } = options;
  // Registered before Apollo Server's own listener, so the trusted documents are ready before the first request on a schema.
  const documentStore = new TrustedDocumentStore(trusted);
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => documentStore.load(apiSchema));
  const errorFormatting = gatewayErrorFormatting<GatewayContext>(logger);
  return new ApolloServer<GatewayContext>({
    gateway,
    logger,
    formatError: errorFormatting.formatError,
    includeStacktraceInErrorResponses: false,
    // The process's own handler (runUntilSignal) drains and exits; Apollo's would re-raise SIGTERM mid-drain.
    stopOnTerminationSignals: false,
    // Whether a caller may introspect is the introspection guard's decision (scope in production).
    introspection: true,
    // Manifest documents are found by hash without ever being registered; others register as APQ.
    // The cache serves persisted queries alone, so Apollo's key prefix (which would hide the
    // manifest's hashes from it) isolates nothing.
    // Trusted documents are parsed and validated once per schema, when it loads, not per request.
    documentStore,
    persistedQueries: { cache: PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(new PersistedQueryCache(trusted)) },
    // Every request that reaches Apollo carries credentials in a header (authentication refuses the
    // rest), which no HTML form, link or image can send, and which makes a cross-origin browser
    // request preflighted: so a GET is as safe from CSRF as a JSON POST.
    csrfPrevention: { requestHeaders: ['authorization', 'x-api-key', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    plugins: [
      metrics.plugin<GatewayContext>(),
      metrics.parsingPlugin<GatewayContext>(),
      graphqlResponseStatus(),
      ...errorFormatting.plugins,
      trustedDocumentsOnly(trusted),
      operationLimitsPlugin(limits),
      introspectionGuard(limits),
      // Before planning, so no subgraph sees it; each subgraph checks again.
      nulCharacterGuard<GatewayContext>(),
      // Sandbox loads from a CDN that field networks cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      ...(usage ? [usage.plugin()] : []),
    ],
  });
}
