import { readFileSync } from 'node:fs';

/** The supergraph SDL the gateway serves, as composed by `npm run schema -- compose`. */
export function readSupergraph(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * The URL the gateway calls for a subgraph: the configured override when there is one, else the
 * URL composition wrote into the supergraph (the default for a local run).
 */
export function subgraphUrl(name: string, supergraphUrl: string | undefined, overrides: Readonly<Record<string, string>>): string {
  const url = overrides[name] ?? supergraphUrl;
  if (!url) throw new Error(`No URL for subgraph "${name}": the supergraph names none and none is configured`);
  return url;
}
