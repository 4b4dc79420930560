import { OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { AuditRead } from '@movement/runtime';
import type { GatewayContext } from './context';
import { InFlight } from './in-flight';
import { principalKey } from './internal-tokens';

/** What the executor answers a client request with. */
export interface ExecutionAnswer {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<unknown>;
  extensions?: Record<string, unknown>;
}

/** A client request as far as its answer depends on it. */
export interface ExecutionRequest {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  /** Apollo Server's hash of the document's text. */
  queryHash: string;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
}

/** One execution and what it gave: the answer and the sensitive reads the subgraphs reported for it. */
interface Shared<Answer> {
  answer: Answer;
  reads: AuditRead[];
  /** The request that executed; every other gets a copy. */
  executedFor: GatewayContext;
}

/**
 * Identical client queries in flight at the same time, executed once: under load many clients
 * of one principal ask the same thing at once, and planning, executing and shaping the answer
 * again for each costs the gateway more than the rest of the request. Only the execution is
 * shared: every request is still authenticated, rate-limited, checked against the limits,
 * counted in usage and metrics, and audited on its own, since all of that happens around the
 * executor.
 *
 * Identical means everything the answer depends on: the schema served, the principal (kind,
 * subject, partner and scopes: no answer crosses principals, as access rules and partner
 * visibility depend on all of them), the document's text, the operation and the variables.
 * Mutations and subscriptions are never merged: each is a write or a stream of its own. Each
 * request that joins another gets its own copy of the data and its own copy of the audited reads,
 * which it records under its own request id.
 */
export class MergedExecutions<Answer extends ExecutionAnswer> {
  private readonly bySchema = new WeakMap<GraphQLSchema, InFlight<Shared<Answer>>>();

  run(request: ExecutionRequest, context: GatewayContext, execute: () => Promise<Answer>): Promise<Answer> {
    if (request.operation.operation !== OperationTypeNode.QUERY) return execute();
    let inFlight = this.bySchema.get(request.schema);
    if (!inFlight) {
      inFlight = new InFlight(copyShared);
      this.bySchema.set(request.schema, inFlight);
    }
    const key = `${principalKey(context.principal)}\u0000${request.queryHash}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
    const before = context.auditReads.length;
    return inFlight
      .run(key, async () => {
        const answer = await execute();
        return { answer, reads: context.auditReads.slice(before), executedFor: context };
      })
      .then((shared) => {
        if (shared.executedFor !== context) context.auditReads.push(...shared.reads);
        return shared.answer;
      });
  }
}

/**
 * A joining request's copy: its own data (Apollo Server and the plugins may write into the answer
 * they are handed) and its own list of errors; the errors themselves are only read.
 */
function copyShared<Answer extends ExecutionAnswer>(shared: Shared<Answer>): Shared<Answer> {
  const { data, errors, extensions } = shared.answer;
  const answer: Answer = {
    ...shared.answer,
    ...(data === undefined ? {} : { data: structuredClone(data) }),
    ...(errors === undefined ? {} : { errors: [...errors] }),
    ...(extensions === undefined ? {} : { extensions: structuredClone(extensions) }),
  };
  return { ...shared, answer, reads: structuredClone(shared.reads) };
}
