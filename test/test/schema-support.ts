import { readSubgraphSdls, type SchemaRegistry, type SchemaVersion, type SubgraphSdl } from '@movement/schema';

/** The working SDL with one subgraph's text edited in memory: tests never touch the files on disk. */
export function editedSubgraphs(name: SubgraphSdl['name'], edit: (sdl: string) => string): SubgraphSdl[] {
  return readSubgraphSdls().map((subgraph) => {
    if (subgraph.name !== name) return subgraph;
    const sdl = edit(subgraph.sdl);
    if (sdl === subgraph.sdl) throw new Error(`The edit of ${name}'s SDL changed nothing: the test no longer matches the schema`);
    return { ...subgraph, sdl };
  });
}

/** Removes a field and the description line above it from an SDL. */
export const withoutField = (field: string, type: string) => (sdl: string) =>
  sdl.replace(new RegExp(`(type ${type} [^{]*\\{[\\s\\S]*?)\\n  "[^"\\n]*"\\n  ${field}: [^\\n]+`), '$1');

/** Adds a nullable String field, with a description, at the top of a type. */
export const withField = (field: string, type: string) => (sdl: string) =>
  sdl.replace(new RegExp(`(type ${type} [^{]*\\{\\n)`), `$1  "A test field added by the schema evolution tests."\n  ${field}: String\n`);

/** Polls until `probe` returns a value, or fails after `timeoutMs` (a deadline, not a timing assertion). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records a version whose supergraph does not load, straight into the registry (the CLI would refuse it), as a bad publish would leave it. */
export const publishUnloadable = (registry: SchemaRegistry): Promise<SchemaVersion> =>
  registry.publish({
    supergraphSdl: 'type Query { broken: String }',
    apiSdl: 'type Query { broken: String }',
    subgraphs: {},
    author: 'test',
    message: 'Not a supergraph',
    changes: [],
    rollbackOf: null,
  });
