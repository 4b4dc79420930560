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

export function entityBatches<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => {
      // For each representation the gateway sent, the index of its first copy in the deduplicated list.
      let positions: number[] | null = null;
      return {
        didResolveOperation: async ({ operation, request }) => {
          const variable = operation?.operation === OperationTypeNode.QUERY ? representationsVariable(operation) : null;
          const representations: unknown = variable ? request.variables?.[variable] : undefined;
          if (!variable || !Array.isArray(representations)) return;
          const first = new Map<string, number>();
          const distinct: unknown[] = [];
          positions = representations.map((representation) => {
            const key = JSON.stringify(representation);
            let index = first.get(key);
            if (index === undefined) {
              index = distinct.push(representation) - 1;
              first.set(key, index);
            }
            return index;
          });
          if (distinct.length === representations.length) positions = null;
          else request.variables = { ...request.variables, [variable]: distinct };
        },
        willSendResponse: async ({ response }) => {
          if (!positions || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const entities = (result.data as { _entities?: unknown[] } | null | undefined)?._entities;
          if (Array.isArray(entities)) result.data = { ...result.data, _entities: positions.map((index) => entities[index] ?? null) };
          // In the order an execution of every copy would have raised them.
          if (result.errors) result.errors = result.errors.flatMap((error) => copiesOf(error, positions!)).sort((a, b) => entityIndex(a) - entityIndex(b));
        },
      };
    },
  };
}

/** An error at `_entities.<i>…` once for every copy of representation `i`; others as they are. */
function copiesOf(error: GraphQLFormattedError, positions: number[]): GraphQLFormattedError[] {
  const [root, index, ...rest] = error.path ?? [];
  if (root !== '_entities' || typeof index !== 'number') return [error];
  return positions.flatMap((position, original) => (position === index ? [{ ...error, path: ['_entities', original, ...rest] }] : []));
}

const entityIndex = (error: GraphQLFormattedError) => (error.path?.[0] === '_entities' && typeof error.path[1] === 'number' ? error.path[1] : -1);
