import { join } from 'node:path';

/** Where a subgraph's SDL lives and where it answers when run on its own. */
export interface SubgraphSource {
  name: 'locations' | 'people' | 'assistance' | 'messages';
  /** Absolute path of the subgraph's `schema.graphql`. */
  sdlPath: string;
  /** URL written into the composed supergraph; the gateway may override it per environment. */
  defaultUrl: string;
}

/** Both `src/` and `dist/` sit two levels below the repository root. */
export const repositoryRoot = join(__dirname, '..', '..');

const subgraph = (name: SubgraphSource['name'], port: number): SubgraphSource => ({
  name,
  sdlPath: join(repositoryRoot, 'subgraphs', name, 'schema.graphql'),
  defaultUrl: `http://127.0.0.1:${port}/graphql`,
});

/** The graph's subgraphs, in the order composition sees them. */
export const subgraphs: readonly SubgraphSource[] = [
  subgraph('locations', 4001),
  subgraph('people', 4002),
  subgraph('assistance', 4003),
  subgraph('messages', 4004),
];

/** The checked-in composition outputs. */
export const supergraphPath = join(repositoryRoot, 'schema', 'supergraph.graphql');
export const apiSchemaPath = join(repositoryRoot, 'schema', 'api.graphql');
