import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { graphError } from '@movement/runtime';
import type { TrustedDocuments } from './manifest';

/** What the plugin needs of a request's context: whether its principal may run trusted documents only. */
export interface TrustedOnlyContext extends BaseContext {
  trustedDocumentsOnly: boolean;
}

/**
 * A principal restricted to trusted documents (an API key issued so, or a token with the
 * `trusted_documents_only` claim) runs only the operations of the manifest, whether it names them
 * by `documentId`, by persisted-query hash or sends their exact text; anything else is refused
 * with `PERSISTED_QUERY_NOT_ALLOWED` before it is parsed. A leaked app token then cannot run
 * arbitrary queries.
 */
export function trustedDocumentsOnly<TContext extends TrustedOnlyContext>(trusted: TrustedDocuments): ApolloServerPlugin<TContext> {
  const refused = new WeakSet<GraphQLError>();
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.trustedDocumentsOnly) return;
      return {
        async didResolveSource({ queryHash }) {
          if (trusted.has(queryHash)) return;
          const error = graphError(
            'PERSISTED_QUERY_NOT_ALLOWED',
            'These credentials may run only the trusted documents of the manifest; send its `documentId`.',
            { http: { status: 400 } },
          );
          refused.add(error);
          throw error;
        },
      };
    },
    // Thrown before parsing, Apollo answers a bare 500; thrown again here it keeps its code and status.
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof GraphQLError && refused.has(error)) throw error;
    },
  };
}
