import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

/** The media types Apollo Server chooses between for a single result, as it does. */
const mediaTypes = ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

/** Decisions per `Accept` header: clients send a handful of distinct ones, and negotiating costs more than the lookup. */
const decided = new LRUCache<string, boolean>({ max: 256 });

/** Whether the answer goes out as `application/graphql-response+json` (the client prefers it). */
function answersGraphQLResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  let answer = decided.get(accept);
  if (answer === undefined) {
    answer = new Negotiator({ headers: { accept } }).mediaType(mediaTypes)?.startsWith('application/graphql-response+json') ?? false;
    decided.set(accept, answer);
  }
  return answer;
}

/**
 * Statuses whose meaning is HTTP's own, kept under every media type: a method not allowed (a
 * mutation over GET), a media type not acceptable or not supported.
 */
const httpStatuses = new Set([405, 406, 415]);

/**
 * Statuses as the GraphQL over HTTP specification asks. Under `application/graphql-response+json`
 * a request error (unparsable, invalid, bad variables, a limit) keeps its 4xx. Under the legacy
 * `application/json` every well-formed GraphQL response is 200, whatever its errors say, since
 * a client of that type reads the errors from the body and intermediaries may hide a 4xx body.
 * A request that is not well-formed (`BAD_REQUEST`) keeps its 4xx under both.
 */
export function graphqlResponseStatus<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const legacy = (status: number | undefined) => status !== undefined && status >= 400 && status < 500 && !httpStatuses.has(status);
  return {
    async requestDidStart({ request }) {
      if (answersGraphQLResponse(request.http?.headers.get('accept'))) return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !legacy(response.http.status)) return;
          // A request that is not well-formed GraphQL (no query, a query that is not a string) is not a GraphQL response: it keeps its 400.
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((error) => error.extensions?.code === 'BAD_REQUEST')) return;
          response.http.status = 200;
        },
      };
    },
    // Errors thrown before parsing (a limit, a refused document) reach the HTTP layer with the status they carry.
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      if (answersGraphQLResponse(requestContext.request.http?.headers.get('accept'))) return;
      const http = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined) : undefined;
      if (http && legacy(http.status)) http.status = 200;
    },
  };
}
