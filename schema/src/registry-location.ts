import { isAbsolute, join } from 'node:path';
import type { RegistryLocation } from './registry';
import { repositoryRoot } from './subgraphs';

/**
 * Where the registry is, from the environment: `REGISTRY_DATABASE_URL` (PostgreSQL), else the
 * embedded PGlite under `$DATA_DIR/registry` (`.data/registry` from the repository root).
 */
export function registryLocationFromEnvironment(source: Record<string, string | undefined> = process.env): RegistryLocation {
  const databaseUrl = source.REGISTRY_DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('REGISTRY_DATABASE_URL: must be a postgres:// or postgresql:// URL');
  }
  const dataDir = source.DATA_DIR?.trim() || '.data';
  return { databaseUrl, dataDir: join(isAbsolute(dataDir) ? dataDir : join(repositoryRoot, dataDir), 'registry') };
}
