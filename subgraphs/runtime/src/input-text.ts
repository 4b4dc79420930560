import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, visit, type DocumentNode, type GraphQLError, type ValueNode } from 'graphql';
import { badUserInput } from './errors';

/**
 * PostgreSQL cannot store the NUL character (U+0000) in any text, so a string carrying one fails
 * deep inside a query as a database error. No name, code or note of the graph has a use for it:
 * it is refused up front, for every argument and input field at any depth, in the variables and
 * written inline alike, as bad input naming the field.
 */
const nul = '\u0000';

/**
 * Whether a variable's value holds a NUL in any string, at any depth. Walked for every request
 * (an entity batch's representations included), so it builds no path: `nulInValue` does, once one is found.
 */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(nul);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasNul(item)) return true;
    return false;
  }
  for (const key in value) if (hasNul((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** The dotted path of the first string holding a NUL in a variable's value, e.g. `input.names.1.value`. */
function nulInValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(nul) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulInValue(item, `${path}.${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulInValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The same in a value written in the document (variables it uses are checked on their own). */
function nulInLiteral(node: ValueNode, path: string): string | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes(nul) ? path : undefined;
    case Kind.LIST:
      for (const [index, item] of node.values.entries()) {
        const found = nulInLiteral(item, `${path}.${index}`);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = nulInLiteral(field.value, `${path}.${field.name.value}`);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The argument of `document` whose inline value holds a NUL, or null: remembered per document,
 * since Apollo Server hands every request of an operation it has seen the same parsed document
 * and walking it again each time cost as much as the rest of this check.
 */
const inlineNul = new WeakMap<DocumentNode, string | null>();

function argumentWithNulCharacter(document: DocumentNode): string | null {
  const known = inlineNul.get(document);
  if (known !== undefined) return known;
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      found ??= nulInLiteral(node.value, node.name.value);
      return found ? false : undefined;
    },
  });
  inlineNul.set(document, found ?? null);
  return found ?? null;
}

/** The field (variable path, or argument path for a value written inline) holding a NUL character; undefined when none does. */
export function fieldWithNulCharacter(document: DocumentNode, variables: Readonly<Record<string, unknown>> | undefined): string | undefined {
  // The path is built only for the variable found to hold one.
  const given = variables ?? {};
  for (const name in given) if (hasNul(given[name])) return nulInValue(given[name], name);
  return argumentWithNulCharacter(document) ?? undefined;
}

/** The refusal of a request whose input holds a NUL character: HTTP 400, like any other request GraphQL cannot run. */
export function nulCharacterError(field: string): GraphQLError {
  return badUserInput(field, 'must not contain the NUL character (U+0000).', { http: { status: 400 } });
}

/**
 * Refuses, before anything is planned or resolved, an operation whose arguments or variables hold
 * a NUL character. The gateway runs it for partners; every subgraph runs it again, so a string
 * that reached one some other way still never becomes a database error.
 */
export function nulCharacterGuard<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ document, request }) => {
        const field = fieldWithNulCharacter(document, request.variables);
        if (field) throw nulCharacterError(field);
      },
    }),
  };
}
