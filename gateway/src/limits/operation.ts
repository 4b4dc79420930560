import {
  GraphQLError,
  isObjectType,
  isInterfaceType,
  getNamedType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  valueFromAST,
  GraphQLInt,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@movement/runtime';
import type { LimitsConfig } from './environment';
import { limitExceeded } from './errors';

/** What one operation asks of the graph, measured before it runs. */
export interface OperationMeasure {
  /** Deepest field nesting; a root field is depth 1. Fragments add no level of their own. */
  depth: number;
  /** Aliased fields, counting each use of a fragment. `__typename` aliases are free. */
  aliases: number;
  /** Estimated cost, see `measureOperation`. */
  cost: number;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

/** `__schema` and `__type` answer from the schema itself, so their depth is bounded and not the caller's to spend. */
const introspectionRoots = new Set(['__schema', '__type']);

/**
 * Measures an operation. The cost model, an upper bound of the work the subgraphs do:
 * - every selected field costs 1 (`__typename` is free);
 * - a field that takes `first` (every connection) multiplies the cost of its selection by the page
 *   size asked for (a literal or a variable, clamped to 1..100; 20 when not given), as each item
 *   of the page resolves that selection;
 * - other lists (names, status history, ancestors) are short by design and counted once;
 * - the fragments of an abstract type are all counted, whichever type the value turns out to be.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined | null,
  variables?: Variables,
): OperationMeasure {
  let aliases = 0;

  const pageSize = (field: GraphQLField<unknown, unknown> | undefined, args: readonly ArgumentNode[] | undefined): number | undefined => {
    if (!field?.args.some((arg) => arg.name === 'first')) return undefined;
    const given = argumentValue(args, 'first', variables);
    return Math.min(Math.max(given ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  };

  // Returns [depth, cost] of a selection set; `path` holds the fragments being expanded, so a
  // cycle (rejected by standard validation, but this may run without it) cannot recurse forever.
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, path: Set<string>): [number, number] => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias && name !== '__typename') aliases += 1;
        if (name === '__typename') continue;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        const [childDepth, childCost] = selection.selectionSet ? walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, path) : [0, 0];
        if (!introspectionRoots.has(name)) depth = Math.max(depth, 1 + childDepth);
        cost += 1 + childCost * (pageSize(field, selection.arguments) ?? 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? undefined) : parent;
        const [childDepth, childCost] = walk(selection.selectionSet, type, path);
        depth = Math.max(depth, childDepth);
        cost += childCost;
      } else {
        const name = selection.name.value;
        const fragment = fragments(name);
        if (!fragment || path.has(name)) continue;
        path.add(name);
        const [childDepth, childCost] = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, path);
        path.delete(name);
        depth = Math.max(depth, childDepth);
        cost += childCost;
      }
    }
    return [depth, cost];
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const [depth, cost] = walk(operation.selectionSet, root, new Set());
  return { depth, aliases, cost };
}

function argumentValue(args: readonly ArgumentNode[] | undefined, name: string, variables: Variables): number | undefined {
  const arg = args?.find((candidate) => candidate.name.value === name);
  if (!arg) return undefined;
  // valueFromAST resolves variables and answers undefined for anything that is not an Int.
  const value: unknown = valueFromAST(arg.value, GraphQLInt, variables);
  return typeof value === 'number' ? value : undefined;
}

/**
 * Validation rules refusing operations past the depth, alias and cost limits, each with its own
 * `extensions.code`. Cost depends on `first`, so pass the request's variables when they are known;
 * without them a variable page size counts as the default.
 *
 * Apollo Server replaces the code of any validation error with `GRAPHQL_VALIDATION_FAILED`, so in
 * the gateway these run from `operationLimitsPlugin` instead of `validationRules`.
 */
export function operationLimitRules(config: OperationLimits, variables?: Variables): ValidationRule[] {
  const rule: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      const measure = measureOperation(context.getSchema(), operation, (name) => context.getFragment(name), variables);
      for (const error of limitErrors(config, measure, operation.name?.value)) context.reportError(error);
    },
  });
  return [rule];
}

/** The limits `operation` (one operation of `document`) breaks, most basic first; empty when none. */
export function operationLimitErrors(
  config: OperationLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Variables,
): GraphQLError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return limitErrors(
    config,
    measureOperation(schema, operation, (name) => fragments.get(name), variables),
    operation.name?.value,
  );
}

type OperationLimits = Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'maxCost'>;

function limitErrors(config: OperationLimits, measure: OperationMeasure, operationName: string | undefined): GraphQLError[] {
  const subject = operationName ? `Operation ${operationName}` : 'The operation';
  const errors: GraphQLError[] = [];
  if (measure.depth > config.maxDepth) {
    errors.push(
      limitExceeded('OPERATION_TOO_DEEP', `${subject} nests fields ${measure.depth} deep; the limit is ${config.maxDepth}.`, config.maxDepth, measure.depth),
    );
  }
  if (measure.aliases > config.maxAliases) {
    errors.push(
      limitExceeded('TOO_MANY_ALIASES', `${subject} uses ${measure.aliases} aliases; the limit is ${config.maxAliases}.`, config.maxAliases, measure.aliases),
    );
  }
  if (measure.cost > config.maxCost) {
    errors.push(
      limitExceeded(
        'OPERATION_TOO_COMPLEX',
        `${subject} has an estimated cost of ${measure.cost}; the limit is ${config.maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
        config.maxCost,
        measure.cost,
      ),
    );
  }
  return errors;
}

/**
 * Counts the document's lexical tokens (comments excluded), stopping one past `max` so a huge
 * document costs no more than a small one. A lexical error ends the count early: the parser that
 * runs next reports it properly.
 */
export function countTokens(source: string, max = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (tokens <= max && lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return tokens;
}

/** The error for a document past `MAX_TOKENS`, or undefined when it is within the limit. */
export function tokenLimitError(config: Pick<LimitsConfig, 'maxTokens'>, source: string): GraphQLError | undefined {
  const tokens = countTokens(source, config.maxTokens);
  if (tokens <= config.maxTokens) return undefined;
  return limitExceeded('TOO_MANY_TOKENS', `The document has more than ${config.maxTokens} tokens, the limit; it was not parsed.`, config.maxTokens);
}
