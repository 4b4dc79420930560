import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode } from '@apollo/query-planner';
import { executeSync, parse } from 'graphql';

/**
 * The floor under any gateway: the query plan `@apollo/gateway` would build for an operation,
 * executed by a small client straight against the subgraphs. It sends what the gateway sends
 * (the same fetches, the same representations, duplicates included) and merges the answers, with
 * none of a gateway's own work (parsing, validation, access, audit, result shaping). Used to
 * measure the subgraphs alone, and to capture the subgraph operations of a client query.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One request a plan made to a subgraph: what a per-subgraph benchmark replays. */
export interface SubgraphFetch {
  subgraph: string;
  operationName: string | undefined;
  body: { query: string; variables: JsonObject };
}

export interface DirectResult {
  data: JsonObject;
  errors: unknown[];
  fetches: SubgraphFetch[];
}

/** Posts one subgraph request; the caller signs it as the gateway would. */
export type SubgraphPost = (subgraph: string, body: SubgraphFetch['body']) => Promise<{ data?: JsonObject | null; errors?: unknown[] }>;

export function readSupergraphSdl(): string {
  return readFileSync(join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
}

/**
 * The supergraph as `@apollo/gateway` and its query planner accept it: they refuse the
 * `@requiresScopes` and `@authenticated` features while these are `for: SECURITY` (they enforce
 * neither), so for these two links only that purpose is dropped.
 */
export function forApolloGateway(supergraphSdl: string): string {
  return supergraphSdl.replace(/(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:requiresScopes|authenticated)\/v[\d.]+"),\s*for:\s*SECURITY\)/g, '$1)');
}

/** Plans operations as the gateway does, from the checked-in supergraph. */
export function createPlanner(supergraphSdl: string = readSupergraphSdl()): (query: string, operationName?: string) => QueryPlan {
  const supergraph = Supergraph.build(forApolloGateway(supergraphSdl));
  const planner = new QueryPlanner(supergraph);
  const apiSchema = supergraph.apiSchema();
  return (query, operationName) => planner.buildQueryPlan(operationFromDocument(apiSchema, parse(query), { operationName }));
}

/**
 * What a client sees of a plan's merged answer: only the fields its query selects, under their
 * response keys. The merged data also holds what the plan fetched for itself (keys,
 * `__typename`, fields other subgraphs `@require`), which differs between supergraphs.
 */
export function clientView(supergraphSdl: string): (query: string, data: JsonObject) => unknown {
  const schema = Supergraph.build(forApolloGateway(supergraphSdl)).apiSchema().toGraphQLJSSchema();
  return (query, data) =>
    executeSync({
      schema,
      document: parse(query),
      rootValue: data,
      fieldResolver: (source: unknown, _args, _context, info) => (isObject(source as Json) ? (source as JsonObject)[info.path.key] : undefined),
    }).data;
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges a subgraph's answer into the response being built, as the gateway's executor does. */
function deepMerge(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) deepMerge(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value))
      existing.forEach((item, index) => isObject(item) && isObject(value[index]) && deepMerge(item, value[index]));
    else target[key] = value;
  }
}

/** The objects at `path` (`@` walks a list) under `roots`. */
function objectsAt(roots: JsonObject[], path: ReadonlyArray<string | number>): JsonObject[] {
  let current: Json[] = roots;
  for (const step of path) {
    const next: Json[] = [];
    for (const value of current) {
      if (step === '@') {
        if (Array.isArray(value)) next.push(...value);
      } else if (isObject(value) && value[step] !== undefined) {
        next.push(value[step]);
      }
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value])).filter(isObject);
}

/** An entity's representation: the fields the plan `requires` of it (its `__typename` and key). */
function representation(entity: JsonObject, selections: readonly QueryPlanSelectionNode[]): JsonObject | null {
  const result: JsonObject = {};
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (selection.typeCondition && entity.__typename !== selection.typeCondition) continue;
      const inner = representation(entity, selection.selections);
      if (!inner) return null;
      Object.assign(result, inner);
    } else {
      const value = entity[selection.alias ?? selection.name];
      if (value === undefined) return null;
      result[selection.name] = selection.selections && isObject(value) ? representation(value, selection.selections) : value;
    }
  }
  return Object.keys(result).length > 0 ? result : null;
}

/** Runs `plan` for `variables`, posting each fetch through `post`; returns the merged answer and the fetches made. */
export async function executePlan(plan: QueryPlan, variables: JsonObject, post: SubgraphPost): Promise<DirectResult> {
  const data: JsonObject = {};
  const errors: unknown[] = [];
  const fetches: SubgraphFetch[] = [];

  const fetchNode = async (node: FetchNode, entities: JsonObject[] | null): Promise<void> => {
    if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) {
      throw new Error(`fetch to ${node.serviceName} rewrites its data, which this client does not do`);
    }
    const used: JsonObject = Object.fromEntries((node.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]));
    const targets: JsonObject[] = [];
    if (entities && node.requires) {
      const representations: JsonObject[] = [];
      for (const entity of entities) {
        const found = representation(entity, node.requires);
        if (found) {
          representations.push(found);
          targets.push(entity);
        }
      }
      if (representations.length === 0) return;
      used.representations = representations;
    }
    const body = { query: node.operation, variables: used };
    fetches.push({ subgraph: node.serviceName, operationName: node.operationName, body });
    const answer = await post(node.serviceName, body);
    if (answer.errors) errors.push(...answer.errors);
    if (!answer.data) return;
    if (!entities) {
      deepMerge(data, answer.data);
      return;
    }
    const found = answer.data._entities;
    if (Array.isArray(found)) targets.forEach((entity, index) => isObject(found[index]) && deepMerge(entity, found[index]));
  };

  const run = async (node: PlanNode, entities: JsonObject[] | null): Promise<void> => {
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await run(child, entities);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => run(child, entities)));
        return;
      case 'Flatten':
        return run(node.node, objectsAt([data], node.path));
      case 'Fetch':
        return fetchNode(node, entities);
      default:
        throw new Error(`plan node ${node.kind} is not used by the benchmarked queries`);
    }
  };

  if (plan.node) {
    if (plan.node.kind === 'Subscription') throw new Error('subscriptions are not planned here');
    await run(plan.node, null);
  }
  return { data, errors, fetches };
}
