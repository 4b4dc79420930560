import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
import { repositoryRoot } from './subgraphs';

/** One operation an internal app ships, from `schema/operations/`. */
export interface PersistedOperation {
  name: string;
  /** The app that ships it: the sub-folder, else an `# app: …` line, else the file's first comment up to `:`. */
  app: string;
  /** Repository-relative path of the `.graphql` file. */
  file: string;
  /** Its id in the generated persisted-documents manifest, when the manifest lists it. */
  persistedId: string | null;
  document: DocumentNode;
}

export const operationsDir = join(repositoryRoot, 'schema', 'operations');
/** Written by graphql-codegen with the typed client (`@movement/client`) at build time. */
export const persistedManifestPath = join(repositoryRoot, 'client', 'src', 'generated', 'persisted-documents.json');

function graphqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(path);
    return entry.name.endsWith('.graphql') ? [path] : [];
  });
}

function appOf(path: string, root: string, text: string): string {
  const folder = relative(root, dirname(path));
  if (folder) return folder.split(sep)[0];
  const tagged = /^#\s*app:\s*(.+)$/im.exec(text);
  if (tagged?.[1]) return tagged[1].trim();
  const comment = /^#\s*([^:\n]+)/.exec(text.trimStart());
  return comment?.[1]?.trim() ?? 'internal app';
}

/** Operation name → manifest id, from the manifest graphql-codegen writes at build time. */
function manifestIds(manifestPath: string): Map<string, string> {
  const ids = new Map<string, string>();
  if (!existsSync(manifestPath)) return ids;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  for (const [id, body] of Object.entries(manifest)) {
    for (const definition of parse(body).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) ids.set(definition.name.value, id);
    }
  }
  return ids;
}

/** Reads every operation of the internal apps, one entry per named operation. */
export function readPersistedOperations(dir: string = operationsDir, manifestPath: string = persistedManifestPath): PersistedOperation[] {
  const ids = manifestIds(manifestPath);
  return graphqlFiles(dir).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    const document = parse(text);
    const app = appOf(path, dir, text);
    return document.definitions.flatMap((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) return [];
      const name = definition.name.value;
      // Fragments the operation spreads live in the same document, so keep it whole.
      return [{ name, app, file: relative(repositoryRoot, path), persistedId: ids.get(name) ?? null, document }];
    });
  });
}
