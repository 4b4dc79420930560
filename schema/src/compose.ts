import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { GraphQLError, parse, printSchema, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { subgraphs as defaultSubgraphs, type SubgraphSource } from './subgraphs';

/** One subgraph's SDL as text, ready to compose. */
export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** A composition error or hint, reduced to what a person needs to fix it. */
export interface CompositionProblem {
  code: string;
  message: string;
  /** Subgraphs the problem was found in; empty when composition cannot tell. */
  subgraphs: string[];
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string; apiSchemaSdl: string; hints: CompositionProblem[] }
  | { ok: false; errors: CompositionProblem[]; hints: CompositionProblem[] };

/** Reads every subgraph's `schema.graphql` from disk. */
export function readSubgraphSdls(sources: readonly SubgraphSource[] = defaultSubgraphs): SubgraphSdl[] {
  return sources.map((source) => ({ name: source.name, url: source.defaultUrl, sdl: readFileSync(source.sdlPath, 'utf8') }));
}

/**
 * Composition nodes carry the subgraph they came from when it knows; otherwise the message
 * starts with `[name]` or names them as `subgraph "x"` / `subgraphs "x" and "y"`.
 */
function subgraphsOf(error: GraphQLError, known: readonly string[]): string[] {
  const found = new Set<string>();
  for (const node of error.nodes ?? []) {
    const subgraph = (node as { subgraph?: unknown }).subgraph;
    if (typeof subgraph === 'string') found.add(subgraph);
  }
  const prefix = /^\[([^\]]+)\]/.exec(error.message);
  if (prefix?.[1]) found.add(prefix[1]);
  for (const name of known) {
    if (new RegExp(`subgraphs? [^.]*"${name}"`).test(error.message)) found.add(name);
  }
  return [...found].filter((name) => known.includes(name)).sort();
}

function problemOf(error: GraphQLError, known: readonly string[]): CompositionProblem {
  const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'COMPOSITION_ERROR';
  return { code, message: error.message, subgraphs: subgraphsOf(error, known) };
}

// Composition is deterministic and costs about a second of CPU: a process that composes the same
// SDL again (a check, then the publish it precedes) takes the earlier outcome. A few are kept.
const outcomes = new LRUCache<string, CompositionOutcome>({ max: 8 });

/** Composes subgraph SDL strings into a supergraph and the public API schema derived from it. */
export function composeSubgraphs(inputs: readonly SubgraphSdl[]): CompositionOutcome {
  const key = JSON.stringify(inputs.map((input) => [input.name, input.url, input.sdl]));
  let outcome = outcomes.get(key);
  if (!outcome) {
    outcome = composeAnew(inputs);
    outcomes.set(key, outcome);
  }
  // A copy, so that a caller changing its outcome cannot change another's.
  return structuredClone(outcome);
}

function composeAnew(inputs: readonly SubgraphSdl[]): CompositionOutcome {
  const names = inputs.map((input) => input.name);
  const parsed: Array<{ name: string; url: string; typeDefs: DocumentNode }> = [];
  const syntaxErrors: CompositionProblem[] = [];
  for (const input of inputs) {
    try {
      parsed.push({ name: input.name, url: input.url, typeDefs: parse(input.sdl) });
    } catch (error) {
      // A syntax error stops composition before it starts, so report it like a composition error.
      const message = error instanceof GraphQLError ? error.message : String(error);
      syntaxErrors.push({ code: 'INVALID_GRAPHQL', message: `[${input.name}] ${message}`, subgraphs: [input.name] });
    }
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors, hints: [] };

  const result = composeServices(parsed);
  if (result.errors) return { ok: false, errors: result.errors.map((error) => problemOf(error, names)), hints: [] };
  const hints = result.hints.map((hint) => ({
    code: hint.definition.code,
    message: hint.message,
    subgraphs: [...new Set((hint.nodes ?? []).map((node) => node.subgraph))].sort(),
  }));
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
    hints,
  };
}

/** Composes the repository's subgraphs as they are on disk. */
export function composeRepository(sources: readonly SubgraphSource[] = defaultSubgraphs): CompositionOutcome {
  return composeSubgraphs(readSubgraphSdls(sources));
}

/** One line per problem: `CODE [subgraph, …] message`, for terminals and test failures. */
export function formatProblems(problems: readonly CompositionProblem[]): string {
  return problems
    .map((problem) => {
      const where = problem.subgraphs.length > 0 ? ` (${problem.subgraphs.join(', ')})` : '';
      return `${problem.code}${where}: ${problem.message}`;
    })
    .join('\n');
}
