import { readFileSync } from 'node:fs';
import { buildSupergraphSchema } from '@apollo/federation-internals';

/** A subgraph the supergraph routes to, with the URL the supergraph itself names. */
export interface SupergraphSubgraph {
  name: string;
  url: string;
}

export function readSupergraph(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The subgraphs a supergraph SDL routes to, read from its `join__Graph` enum. */
export function subgraphsOf(supergraphSdl: string): SupergraphSubgraph[] {
  const [supergraph] = buildSupergraphSchema(supergraphSdl);
  return supergraph.subgraphs().values().map((subgraph) => ({ name: subgraph.name, url: subgraph.url }));
}

/**
 * The URL the gateway calls for a subgraph: the configured override when there is one, else the
 * URL composition wrote into the supergraph (the default for a local run).
 */
export function subgraphUrl(name: string, supergraphUrl: string, overrides: Readonly<Record<string, string>>): string {
  return overrides[name] ?? supergraphUrl;
}
