import type { ApolloServerPlugin, BaseContext, GraphQLRequestListenerValidationDidEnd } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { forbidden } from '@movement/runtime';
import type { LimitsConfig } from './environment';
import { operationLimitErrors, tokenLimitError } from './operation';

/** Documents remembered as within the token limit; the least recently used is forgotten first. */
const maxRemembered = 1000;

/**
 * Refuses documents past `MAX_TOKENS` before they are parsed, and operations past `MAX_DEPTH`,
 * `MAX_ALIASES` or `MAX_COST` before they are planned, each with its own code and HTTP 400.
 *
 * A plugin rather than `validationRules` because Apollo Server rewrites every validation error's
 * code to `GRAPHQL_VALIDATION_FAILED`, and because the cost depends on the request's variables.
 * It checks the operation that will run, after standard validation, on every request (documents
 * cached by Apollo skip validation, not this); only a passing verdict that no variable can change
 * is remembered, per parsed operation. When several limits are broken the first is reported.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(
  config: Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'maxCost' | 'maxTokens'>,
): ApolloServerPlugin<TContext> {
  // Errors this plugin throws before parsing, recognised again when Apollo reports them.
  const refusedSources = new WeakSet<GraphQLError>();
  // Clients send the same few documents again and again: counting a document's tokens, or
  // measuring an operation that no variable can change, costs more than looking the answer up.
  const withinTokenLimit = new LRUCache<string, true>({ max: maxRemembered });
  const withinLimits = new WeakMap<GraphQLSchema, WeakSet<OperationDefinitionNode>>();
  return {
    async requestDidStart() {
      return {
        async didResolveSource({ source }) {
          if (withinTokenLimit.get(source)) return;
          const error = tokenLimitError(config, source);
          if (!error) {
            withinTokenLimit.set(source, true);
            return;
          }
          refusedSources.add(error);
          throw error;
        },
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // Without variable definitions no variable can change the page sizes, so the verdict
          // holds for every request of this operation (Apollo Server keeps one parsed document per
          // text); a refusal is made anew each time, as each answer gets an error of its own.
          const fixed = (operation.variableDefinitions?.length ?? 0) === 0;
          let passed = withinLimits.get(schema);
          if (fixed && passed?.has(operation)) return;
          const [error] = operationLimitErrors(config, schema, document, operation, request.variables);
          if (error) throw error;
          if (!fixed) return;
          if (!passed) withinLimits.set(schema, (passed = new WeakSet()));
          passed.add(operation);
        },
      };
    },
    // Apollo answers an error thrown before parsing with a bare 500; thrown again from this hook it
    // reaches the HTTP layer as is, with its code and status 400 (the way graphql-armor does it).
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof GraphQLError && refusedSources.has(error)) throw error;
    },
  };
}

/**
 * The caller as the introspection guard needs it; structurally the gateway's principal, so the
 * gateway's context satisfies it without this module importing authentication.
 */
export interface LimitsPrincipal {
  subject: string;
  partnerId: string | null;
  scopes: readonly string[];
  kind: 'partner' | 'app' | 'admin';
}

export interface PrincipalContext extends BaseContext {
  principal?: LimitsPrincipal | null;
}

/** The scope that shows the whole schema to introspection, and spelling hints in production. */
const INTROSPECTION_SCOPE = 'schema:introspect';

const didYouMean = / ?Did you mean .+\?$/;

/**
 * In production, introspection (`__schema`, `__type`) answers only authenticated principals — the
 * gateway shows each the schema its scopes may read, and the whole schema to `schema:introspect`
 * — and others get `FORBIDDEN` (HTTP 403). Principals without `schema:introspect` get validation
 * errors without "Did you mean …?" suggestions, which would otherwise spell out field by field
 * the parts of the schema their introspection does not show. Elsewhere it does nothing.
 *
 * Apollo Server turns introspection off by itself when `NODE_ENV=production`, for everyone: the
 * server must be built with `introspection: true` so this plugin decides instead.
 */
export function introspectionGuard<TContext extends PrincipalContext>(config: Pick<LimitsConfig, 'nodeEnv'>): ApolloServerPlugin<TContext> {
  if (config.nodeEnv !== 'production') return {};
  return {
    async requestDidStart({ contextValue }) {
      const principal = contextValue.principal;
      if (principal?.scopes.includes(INTROSPECTION_SCOPE)) return;
      return {
        validationDidStart: withoutSuggestions,
        async didResolveOperation({ document }) {
          if (principal || !introspects(document)) return;
          throw forbidden('Introspection needs credentials.', { http: { status: 403 } });
        },
      };
    },
  };
}

/** Strips "Did you mean …?" from the validation errors of a request. */
async function withoutSuggestions(): Promise<GraphQLRequestListenerValidationDidEnd> {
  return async (errors) => {
    for (const error of errors ?? []) error.message = error.message.replace(didYouMean, '');
  };
}

/**
 * Introspection answers only principals `allowed` lets through, in every mode; the others get
 * `FORBIDDEN` (HTTP 403) with `message`, and validation errors without "Did you mean …?".
 */
export function introspectionOnlyFor<TContext extends PrincipalContext>(
  allowed: (principal: LimitsPrincipal | null | undefined) => boolean,
  message: string,
  extensions: Record<string, unknown> = {},
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (allowed(contextValue.principal)) return;
      return {
        validationDidStart: withoutSuggestions,
        async didResolveOperation({ document }) {
          if (!introspects(document)) return;
          throw forbidden(message, { ...extensions, http: { status: 403 } });
        },
      };
    },
  };
}

/** Whether any field of the document (operations and fragments alike) is `__schema` or `__type`. */
function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return false;
      }
      return undefined;
    },
  });
  return found;
}
