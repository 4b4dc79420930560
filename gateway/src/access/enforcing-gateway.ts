import { createHash } from 'node:crypto';
import { ApolloGateway, type GatewayConfig, type SupergraphSdlHook } from '@apollo/gateway';
import {
  Kind,
  execute as executeLocally,
  getOperationAST,
  print,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { LRUCache } from 'lru-cache';
import { graphError, internalError, type AccessRules, type Logger } from '@movement/runtime';
import { scopeSetKey } from '../internal-tokens';
import { MergedExecutions } from '../merged-executions';
import type { GatewayContext } from '../context';
import { withoutApolloTelemetry } from '../environment';
import { accessRulesOf, supergraphForApolloGateway, supergraphHookForApolloGateway } from './apollo-supergraph';
import type { AuditLog } from './audit-log';
import { fieldGate, placeholderAlias, pruneDocument } from './prune';
import { restoreForbidden } from './restore';
import { introspectionRoots } from './introspection';
import { VisibleSchemas, WHOLE_SCHEMA_SCOPE, type VisibleSchema } from './visible-schema';

type GatewayExecutor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];

export interface AccessEnforcementOptions {
  /**
   * Remove what the principal may not read before planning. Off only to measure what that costs:
   * the rules are still loaded (and a supergraph without them refused), and the subgraphs refuse
   * the same fields themselves.
   */
  enforce: boolean;
  auditLog: AuditLog;
  logger: Logger;
}

/** An operation as one scope set may run it: null when pruning removes nothing. */
type Pruned = { document: DocumentNode; operation: OperationDefinitionNode | null; queryHash: string; onlyPlaceholder: boolean } | null;

/** Pruned operations kept per schema; the least recently used is forgotten first. */
const maxPrunedOperations = 2000;

/** What @apollo/gateway needs besides the supergraph, which the enforcing gateway hands it itself. */
export type FederationOptions = Pick<GatewayConfig, 'logger' | 'buildService'> & { supergraphSdl: string | SupergraphSdlHook };

/**
 * `@apollo/gateway` with the graph's access rules in front of it. The rules come from the
 * `@requiresScopes` and `@authenticated` directives of the supergraph being served (re-read on
 * every reload); @apollo/gateway itself enforces neither, and gets the supergraph only through
 * `supergraphForApolloGateway`, so it can never serve one without this class in front. For each
 * request the operation loses the fields the principal may not read before it is planned; they
 * come back null with a FORBIDDEN error at their path, and the rest of the query answers. The
 * sensitive reads the subgraphs report are written to the audit trail before the answer leaves;
 * if that write fails, the answer is withheld. Introspection answers from the schema as the
 * principal's scopes see it (`VisibleSchemas`), never from the whole API schema unless the
 * principal holds `schema:introspect`.
 */
export class AccessEnforcingGateway {
  private readonly rules = new WeakMap<GraphQLSchema, AccessRules>();
  private readonly visible = new WeakMap<GraphQLSchema, VisibleSchemas>();
  private served: VisibleSchemas | undefined;
  /**
   * What pruning made of each (operation, scope set), per schema served: the same operation from
   * principals with the same scopes prunes to the same document, and printing and hashing it
   * cost more than planning a cached plan. Keyed by the schema so a reload starts afresh. Each
   * is held in an object, since the cache holds no null.
   */
  private readonly pruned = new WeakMap<GraphQLSchema, LRUCache<string, { pruned: Pruned }>>();
  private readonly inner: ApolloGateway;
  /** Identical queries of one principal in flight at once, executed once (see merged-executions.ts). */
  private readonly merged = new MergedExecutions<Awaited<ReturnType<GatewayExecutor>>>();

  constructor(
    federation: FederationOptions,
    private readonly options: AccessEnforcementOptions,
  ) {
    const { supergraphSdl } = federation;
    this.inner = withoutApolloTelemetry(
      () =>
        new ApolloGateway({
          ...federation,
          supergraphSdl: typeof supergraphSdl === 'string' ? supergraphForApolloGateway(supergraphSdl) : supergraphHookForApolloGateway(supergraphSdl),
        }),
    );
    this.inner.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      const rules = accessRulesOf(coreSupergraphSdl);
      this.rules.set(apiSchema, rules);
      this.served = new VisibleSchemas(apiSchema, rules);
      this.visible.set(apiSchema, this.served);
    });
  }

  /** The schema being served as these scopes see it; undefined until a supergraph is loaded. */
  visibleSchema(scopes: readonly string[]): VisibleSchema | undefined {
    return this.served?.for(scopes);
  }

  onSchemaLoadOrUpdate(callback: Parameters<ApolloGateway['onSchemaLoadOrUpdate']>[0]): ReturnType<ApolloGateway['onSchemaLoadOrUpdate']> {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  stop() {
    return this.inner.stop();
  }

  async load(options: Parameters<ApolloGateway['load']>[0]): ReturnType<ApolloGateway['load']> {
    const loaded = await this.inner.load(options);
    if (!loaded.executor) throw new Error('the gateway loaded without an executor');
    return { ...loaded, executor: this.wrap(loaded.executor) };
  }

  private wrap(execute: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const context = requestContext.context as GatewayContext;
      context.operationName = requestContext.operationName ?? null;
      const rules = this.rules.get(requestContext.schema);
      // Fail closed: without the rules of the schema being served, nothing is answered.
      if (!rules) throw internalError('Access rules are not loaded for this schema.');
      const introspection = this.introspectVisible(requestContext, context);
      if (introspection) return introspection;
      const result = await this.merged.run(
        {
          schema: requestContext.schema,
          operation: requestContext.operation,
          queryHash: requestContext.queryHash,
          operationName: requestContext.operationName ?? null,
          variables: requestContext.request.variables,
        },
        context,
        () => (this.options.enforce ? this.executeAllowed(execute, requestContext, rules, context) : execute(requestContext)),
      );
      const reads = context.auditReads;
      if (reads.length > 0) {
        try {
          await this.options.auditLog.append({ principal: context.principal, operationName: context.operationName, requestId: context.requestId }, reads);
        } catch (error) {
          context.logger.error({ err: error, reads: reads.length }, 'audit entries could not be written; answer withheld');
          return {
            data: null,
            errors: [graphError('AUDIT_UNAVAILABLE', 'The answer could not be recorded in the audit trail, so it is withheld. Retry later.')],
          };
        }
      }
      return result;
    };
  }

  /**
   * The answer to an introspection operation, from the schema the principal may see; undefined
   * for any other operation, and for a principal who may see the whole schema (@apollo/gateway
   * answers those itself). An operation that mixes introspection with data is refused: the
   * gateway would answer its introspection from the whole schema.
   */
  private introspectVisible(requestContext: GatewayGraphQLRequestContext, context: GatewayContext) {
    if (context.principal.scopes.includes(WHOLE_SCHEMA_SCOPE)) return undefined;
    const roots = introspectionRoots(requestContext.operation, requestContext.document);
    if (!roots.introspects) return undefined;
    if (roots.other) {
      throw graphError(
        'BAD_USER_INPUT',
        `\`${roots.introspects}\` cannot be asked together with data fields (\`${roots.other}\`); send introspection as an operation of its own.`,
        {
          field: roots.introspects,
          http: { status: 400 },
        },
      );
    }
    const visible = this.visible.get(requestContext.schema);
    if (!visible) throw internalError('Access rules are not loaded for this schema.');
    return executeLocally({
      schema: visible.for(context.principal.scopes).schema,
      document: requestContext.document,
      operationName: requestContext.operationName,
      variableValues: requestContext.request.variables,
    });
  }

  private async executeAllowed(execute: GatewayExecutor, requestContext: GatewayGraphQLRequestContext, rules: AccessRules, context: GatewayContext) {
    const allowed = fieldGate(rules, context.principal);
    const pruned = this.prunedFor(requestContext, allowed, context);
    if (!pruned?.operation) return execute(requestContext);
    // Variables are checked against the operation as sent, before pruning can drop the field that
    // used one: a request error stays a request error (no `data`, HTTP 400) whatever the scopes.
    const coerced = getVariableValues(requestContext.schema, requestContext.operation.variableDefinitions ?? [], requestContext.request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const result = pruned.onlyPlaceholder
      ? { data: {} }
      : await execute({
          ...requestContext,
          document: pruned.document,
          operation: pruned.operation,
          // Query plans are cached by this hash: the pruned operation must not share the full one's plan.
          queryHash: pruned.queryHash,
        });
    const original = requestContext.operation;
    const fragments = requestContext.document.definitions.filter(
      (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
    );
    const restored = restoreForbidden(requestContext.schema, original, fragments, coerced.coerced, rules, context.principal, allowed, result.data);
    const { errors: executionErrors = [], ...answer } = result;
    const errors = [...executionErrors, ...restored.errors];
    // GraphQL forbids an empty `errors` list: a removed field that did not occur (skipped, or under a null parent) leaves none.
    return errors.length > 0 ? { ...answer, data: restored.data, errors } : { ...answer, data: restored.data };
  }

  /** The pruned form of the request's operation for the principal's scopes, from the cache when it was made before. */
  private prunedFor(requestContext: GatewayGraphQLRequestContext, allowed: ReturnType<typeof fieldGate>, context: GatewayContext): Pruned {
    let bySchema = this.pruned.get(requestContext.schema);
    if (!bySchema) {
      bySchema = new LRUCache({ max: maxPrunedOperations });
      this.pruned.set(requestContext.schema, bySchema);
    }
    // The query hash names the document as sent (Apollo Server hashes its text); the operation
    // name picks one of its operations (an empty name is no operation name: GraphQL names are
    // never empty); the scopes decide every field.
    const key = `${requestContext.queryHash}\u0000${requestContext.operationName ?? ''}\u0000${scopeSetKey(context.principal.scopes)}`;
    const cached = bySchema.get(key);
    if (cached) return cached.pruned;
    const document = pruneDocument(requestContext.schema, requestContext.document, allowed);
    const operation = document ? (getOperationAST(document, requestContext.operationName) ?? null) : null;
    const made: Pruned = document
      ? {
          document,
          operation,
          queryHash: createHash('sha256').update(print(document)).digest('hex'),
          onlyPlaceholder:
            operation?.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.alias?.value === placeholderAlias) ?? false,
        }
      : null;
    bySchema.set(key, { pruned: made });
    return made;
  }
}
