import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getOperationAST, GraphQLError, valueFromASTUntyped, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * Runs a subgraph's operations compiled (graphql-jit) instead of interpreted (graphql-js). A
 * subgraph answers the same few operations its gateway's plans send, thousands of times over;
 * graphql-js walks each document's selections and the schema again for every object of every
 * list, which was the largest part of a subgraph request's CPU after the database driver. Each
 * operation is compiled once, the first time its parsed document is run (Apollo Server keeps the
 * parsed and validated documents, so the next request gets the same one), and the compiled form
 * calls the same resolvers with the same arguments, context and info.
 *
 * Apollo Server takes an executor only from a gateway: this is one, serving the subgraph's own
 * schema, which Apollo Server still parses and validates against, and runs its plugins around.
 */

/**
 * An operation compiled, with the default values of its variables as a client would send them.
 * graphql-jit refuses a non-null variable left out even when it has a default, where graphql-js
 * (and the spec) use the default, so the defaults are filled in before the compiled form runs.
 */
interface CompiledOperation {
  query: CompiledQuery;
  defaults: ReadonlyArray<readonly [string, unknown]>;
}

/** Operations compiled per document, by operation name; a document is dropped with Apollo Server's cache entry. */
type Compiled = Map<string | undefined, CompiledOperation | null>;

/** The variables a request gave, with the operation's defaults for those it left out. */
function withDefaults(variables: Record<string, unknown>, defaults: CompiledOperation['defaults']): Record<string, unknown> {
  if (defaults.every(([name]) => variables[name] !== undefined)) return variables;
  const filled = { ...variables };
  for (const [name, value] of defaults) if (filled[name] === undefined) filled[name] = value;
  return filled;
}

/** Most operations a document holds that are kept compiled; a gateway sends one per document. */
const maxOperationsPerDocument = 8;

/**
 * graphql-jit leaves `extensions` out of an error whose original had none (a failure, not an
 * answer: a database error, a bug), where graphql-js gives it an empty object; Apollo Server
 * reads the code from it, and the error masking needs the original to tell what failed. Such an
 * error is rebuilt as graphql-js builds it.
 */
function withExtensions(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((error) => !error.extensions)) return result;
  const errors = result.errors.map((error) => {
    if (error.extensions) return error;
    // graphql-js finds the locations from the field's nodes, which graphql-jit has already resolved.
    return Object.assign(new GraphQLError(error.message, { path: error.path, originalError: error.originalError }), { locations: error.locations });
  });
  return { ...result, errors };
}

/**
 * A result the direct path (direct-requests.ts) has already computed, on the request's context,
 * for Apollo Server to answer with when the direct path leaves an answer with errors to it:
 * Apollo Server then formats, masks and counts them as its own, and nothing runs twice.
 */
const computedResult = Symbol('computed result');

type WithComputedResult = { [computedResult]?: ExecutionResult };

/** Hands `result` to the executor of the request whose context this is (enumerable: Apollo Server copies the context). */
export function answerWith(context: object, result: ExecutionResult): void {
  (context as WithComputedResult)[computedResult] = result;
}

/** Most distinct query texts whose validated document is kept for the direct path. */
const maxKnownDocuments = 500;

/** The subgraph's executor for Apollo Server, and what the direct path needs of it. */
export interface CompiledExecution extends GatewayInterface {
  /**
   * The document Apollo Server parsed and validated for this query text, once it has run one with
   * it (only a document that got that far reaches the executor): undefined before, so a request
   * with a new text goes through Apollo Server's checks first.
   */
  knownDocument(query: string): DocumentNode | undefined;
  /** Runs an operation of a known document compiled; null when graphql-jit does not compile it. */
  run(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, context: object): Promise<ExecutionResult> | null;
}

export function compiledExecution(schema: GraphQLSchema): CompiledExecution {
  const compiled = new WeakMap<DocumentNode, Compiled>();
  // The least recently run text is dropped first.
  const known = new LRUCache<string, DocumentNode>({ max: maxKnownDocuments });

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledOperation | null => {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map();
      compiled.set(document, byName);
    }
    if (byName.has(operationName)) return byName.get(operationName) ?? null;
    // Errors are answers here, never logged with their stack: see errors.ts.
    const query = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    // What graphql-jit does not compile (it says so with errors) graphql-js runs as before.
    const defaults = (getOperationAST(document, operationName)?.variableDefinitions ?? [])
      .filter((definition) => definition.defaultValue !== undefined)
      .map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue!)] as const);
    const result = isCompiledQuery(query) ? { query, defaults } : null;
    if (byName.size < maxOperationsPerDocument) byName.set(operationName, result);
    return result;
  };

  const run = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, context: object) => {
    const operation = compiledFor(document, operationName);
    if (!operation) return null;
    return Promise.resolve(operation.query.query(undefined, context, withDefaults(variables, operation.defaults))).then(withExtensions);
  };

  const executor: GatewayExecutor = async ({ document, operationName, request, source, context: contextValue }) => {
    const computed = (contextValue as WithComputedResult)[computedResult];
    if (computed) return computed;
    if (source !== undefined && !known.has(source)) known.set(source, document);
    const variables = request.variables ?? {};
    return (
      run(document, operationName ?? undefined, variables, contextValue) ??
      execute({ schema, document, operationName, variableValues: variables, contextValue })
    );
  };

  return {
    knownDocument: (query) => known.get(query),
    run,
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
