import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { errorMasking, type Logger, type Principal } from '@movement/runtime';
import type { GraphQLFormattedError } from 'graphql';

/** `ids[1]` → `ids.1`: the dotted form `extensions.field` uses everywhere else. */
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/**
 * The input field at fault in a variable that GraphQL itself refused (wrong type, unknown enum
 * value, missing or unknown input field), read from graphql-js' message, e.g.
 * `Variable "$input" got invalid value "X" at "input.reason"; …` → `input.reason`, or
 * `…; Field "name" of required type "String!" was not provided.` → `input.name`.
 */
export function fieldOfVariableError(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)" /.exec(message)?.[1];
  if (!variable) return undefined;
  const at = / at "([\w.[\]]+)"; /.exec(message)?.[1];
  const base = at ? dotted(at) : variable;
  const inner = /; Field "(\w+)" (?:of required type "[^"]+" was not provided|is not defined by type)/.exec(message)?.[1];
  return inner ? `${base}.${inner}` : base;
}

/** What error formatting needs of a request's context: the gateway's and the admin API's both have it. */
type FormattingContext = BaseContext & { requestId: string; logger: Logger; principal?: Principal };

/** Extensions that name the graph's internal services, which only admins need to read. */
const internalExtensions = ['serviceName'];

/**
 * Partners are not told how the graph is built: `extensions.serviceName` (which subgraph
 * answered, or failed to) goes only to admins, who operate the services. Applied to the answer
 * as it leaves, so every error is covered whichever layer raised it.
 */
function internalNamesForAdminsOnly<Context extends FormattingContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async ({ contextValue }) => {
      if (contextValue.principal?.kind === 'admin') return;
      return {
        willSendResponse: async ({ response }) => {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          if (!result.errors) return;
          result.errors = result.errors.map((error) => {
            if (!error.extensions || !internalExtensions.some((name) => name in error.extensions!)) return error;
            const extensions = Object.fromEntries(Object.entries(error.extensions).filter(([name]) => !internalExtensions.includes(name)));
            return { ...error, extensions };
          });
        },
      };
    },
  };
}

/**
 * How the gateway formats every error: bad variables name their field like the subgraphs' own
 * input errors do, unexpected failures are masked (see `errorMasking`), so no message with a
 * stack, a path or SQL reaches a partner from the gateway either, and internal service names are
 * for admins only.
 */
export function gatewayErrorFormatting<Context extends FormattingContext>(
  logger: Logger,
): { plugins: Array<ApolloServerPlugin<Context>>; formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError } {
  const masking = errorMasking<Context>(logger);
  return {
    plugins: [masking.plugin, internalNamesForAdminsOnly<Context>()],
    formatError: (formatted, error) => {
      if (formatted.extensions?.code === 'BAD_USER_INPUT' && formatted.extensions.field === undefined) {
        const field = fieldOfVariableError(formatted.message);
        if (field) return { ...formatted, extensions: { ...formatted.extensions, field } };
      }
      return masking.formatError(formatted, error);
    },
  };
}
