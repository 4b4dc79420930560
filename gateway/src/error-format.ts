import type { ApolloServerPlugin } from '@apollo/server';
import { errorMasking, type Logger } from '@movement/runtime';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './context';

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

/**
 * How the gateway formats every error: bad variables name their field like the subgraphs' own
 * input errors do, and unexpected failures are masked (see `errorMasking`), so no message with
 * a stack, a path or SQL reaches a partner from the gateway either.
 */
export function gatewayErrorFormatting(logger: Logger): { plugin: ApolloServerPlugin<GatewayContext>; formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError } {
  const masking = errorMasking<GatewayContext>(logger);
  return {
    plugin: masking.plugin,
    formatError: (formatted, error) => {
      if (formatted.extensions?.code === 'BAD_USER_INPUT' && formatted.extensions.field === undefined) {
        const field = fieldOfVariableError(formatted.message);
        if (field) return { ...formatted, extensions: { ...formatted.extensions, field } };
      }
      return masking.formatError(formatted, error);
    },
  };
}
