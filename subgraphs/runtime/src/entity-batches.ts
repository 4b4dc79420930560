import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, OperationTypeNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';

/**
 * A gateway asks for an entity once per place it appears in a response: for 50 people it sends
 * the locations subgraph one representation per person, although they were last seen at a dozen
 * places. Loaders already fetch each entity once; this resolves each distinct representation once
 * too (graphql would otherwise execute the same selection for every copy) and hands the answer
 * back in the gateway's order, copies included, errors at every copy's path.
 */

/** The variable holding the representations when the operation is one `_entities` field. */
function representationsVariable(operation: OperationDefinitionNode): string | null {
  const [field, ...others] = operation.selectionSet.selections;
  if (others.length > 0 || field?.kind !== Kind.FIELD || field.name.value !== '_entities' || field.alias) return null;
  const argument = field.arguments?.find((arg) => arg.name.value === 'representations');
  return argument?.value.kind === Kind.VARIABLE ? argument.value.name.value : null;
}

/**
 * What tells representations apart: the type and id of the usual `{ __typename, id }` (no JSON
 * to write for each of a batch's hundreds), any other shape as JSON (which starts with a brace,
 * where a type's name cannot).
 */
function representationKey(representation: unknown): string {
  if (representation !== null && typeof representation === 'object') {
    const { __typename: typename, id } = representation as { __typename?: unknown; id?: unknown };
    let members = 0;
    for (const _member in representation) members += 1;
    if (members === 2 && typeof typename === 'string' && typeof id === 'string') return `${typename}\u0000${id}`;
  }
  return JSON.stringify(representation);
}

/**
 * The representations an `_entities` operation asks for, each distinct one once: the variables to
 * run with and, for each representation the gateway sent, the index of its first copy in the
 * deduplicated list. Null when the operation is not one `_entities` field or sent no copies.
 */
export function distinctRepresentations(
  operation: OperationDefinitionNode | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
): { variables: Record<string, unknown>; positions: number[] } | null {
  const variable = operation?.operation === OperationTypeNode.QUERY ? representationsVariable(operation) : null;
  const representations: unknown = variable ? variables?.[variable] : undefined;
  if (!variable || !Array.isArray(representations)) return null;
  const first = new Map<string, number>();
  const distinct: unknown[] = [];
  const positions = representations.map((representation) => {
    const key = representationKey(representation);
    let index = first.get(key);
    if (index === undefined) {
      index = distinct.push(representation) - 1;
      first.set(key, index);
    }
    return index;
  });
  if (distinct.length === representations.length) return null;
  return { variables: { ...variables, [variable]: distinct }, positions };
}

/** The answer to the deduplicated list as the gateway asked: every copy's entity in its order. */
export function everyCopy(data: unknown, positions: number[]): unknown {
  const entities = (data as { _entities?: unknown[] } | null | undefined)?._entities;
  return Array.isArray(entities) ? { ...(data as object), _entities: positions.map((index) => entities[index] ?? null) } : data;
}

export function entityBatches<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => {
      let positions: number[] | null = null;
      return {
        didResolveOperation: async ({ operation, request }) => {
          const distinct = distinctRepresentations(operation, request.variables);
          if (!distinct) return;
          positions = distinct.positions;
          request.variables = distinct.variables;
        },
        willSendResponse: async ({ response }) => {
          if (!positions || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.data = everyCopy(result.data, positions) as typeof result.data;
          if (result.errors) result.errors = everyCopyErrors(result.errors, positions);
        },
      };
    },
  };
}

/** The errors at every copy's path, in the order an execution of every copy would have raised them. */
export function everyCopyErrors(errors: readonly GraphQLFormattedError[], positions: number[]): GraphQLFormattedError[] {
  return errors.flatMap((error) => copiesOf(error, positions)).sort((a, b) => entityIndex(a) - entityIndex(b));
}

/** An error at `_entities.<i>…` once for every copy of representation `i`; others as they are. */
function copiesOf(error: GraphQLFormattedError, positions: number[]): GraphQLFormattedError[] {
  const [root, index, ...rest] = error.path ?? [];
  if (root !== '_entities' || typeof index !== 'number') return [error];
  return positions.flatMap((position, original) => (position === index ? [{ ...error, path: ['_entities', original, ...rest] }] : []));
}

const entityIndex = (error: GraphQLFormattedError) => (error.path?.[0] === '_entities' && typeof error.path[1] === 'number' ? error.path[1] : -1);
