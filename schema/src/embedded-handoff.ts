import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SchemaVersion, UsageIncrement } from './registry-records';

/*
 * The embedded registry (PGlite) can be open in one process only, so a gateway cannot read it
 * while `npm run schema -- publish` writes it. The two meet in files instead, beside the database:
 *
 *   <registry dir>/served/supergraph.graphql + version.json   written by every publish/rollback
 *   <registry dir>/usage-spool/*.jsonl                        written by the gateway, ingested by the CLI
 *
 * Every file appears by rename, so a reader never sees one half written.
 */

/** The least a registry follower needs: the newest version number and a version's supergraph. */
export interface SupergraphSource {
  latestVersionNumber(): Promise<number | undefined>;
  get(version: number): Promise<Pick<SchemaVersion, 'version' | 'supergraphSdl'> | undefined>;
}

/** Where usage counts go: the registry itself, or the spool the CLI ingests. */
export interface UsageSink {
  recordUsage(increments: readonly UsageIncrement[], seenAt?: Date): Promise<void>;
}

export const servedDir = (registryDir: string) => join(registryDir, 'served');
export const usageSpoolDir = (registryDir: string) => join(registryDir, 'usage-spool');

interface ServedVersion {
  version: number;
  /** Of supergraph.graphql: the two files are renamed one after the other, so a reader checks they match. */
  sha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Writes the handoff files for `version`, the newest one: the supergraph first, then the number that names it. */
export function writeServedSupergraph(registryDir: string, version: Pick<SchemaVersion, 'version' | 'supergraphSdl'>): void {
  const dir = servedDir(registryDir);
  mkdirSync(dir, { recursive: true });
  writeAtomically(join(dir, 'supergraph.graphql'), version.supergraphSdl);
  const served: ServedVersion = { version: version.version, sha256: sha256(version.supergraphSdl) };
  writeAtomically(join(dir, 'version.json'), `${JSON.stringify(served)}\n`);
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Reads the handoff files of an embedded registry: what a gateway follows in place of the
 * database. Only the latest version is there; asking for another one answers undefined.
 */
export class ServedSupergraphFiles implements SupergraphSource {
  constructor(private readonly registryDir: string) {}

  private async served(): Promise<ServedVersion | undefined> {
    try {
      const parsed = JSON.parse(await readFile(join(servedDir(this.registryDir), 'version.json'), 'utf8')) as Partial<ServedVersion>;
      return typeof parsed.version === 'number' && Number.isInteger(parsed.version) ? { version: parsed.version, sha256: parsed.sha256 ?? '' } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async latestVersionNumber(): Promise<number | undefined> {
    return (await this.served())?.version;
  }

  async get(version: number): Promise<Pick<SchemaVersion, 'version' | 'supergraphSdl'> | undefined> {
    const served = await this.served();
    if (served?.version !== version) return undefined;
    let supergraphSdl: string;
    try {
      supergraphSdl = await readFile(join(servedDir(this.registryDir), 'supergraph.graphql'), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    // A publish between the two reads: the next poll sees the newer pair whole.
    if (served.sha256 && sha256(supergraphSdl) !== served.sha256) return undefined;
    return { version, supergraphSdl };
  }
}

interface SpoolLine {
  seenAt: string;
  increments: UsageIncrement[];
}

/**
 * Spools usage for the CLI to ingest into the embedded registry. Each flush is its own file,
 * made whole by rename, so the CLI can claim and delete any `.jsonl` it sees without racing a
 * write in progress.
 */
export class UsageSpoolFile implements UsageSink {
  private readonly prefix = `${process.pid}-${Date.now()}`;
  private sequence = 0;

  constructor(private readonly registryDir: string) {}

  async recordUsage(increments: readonly UsageIncrement[], seenAt: Date = new Date()): Promise<void> {
    if (increments.length === 0) return;
    const dir = usageSpoolDir(this.registryDir);
    await mkdir(dir, { recursive: true });
    this.sequence += 1;
    const name = `${this.prefix}-${String(this.sequence).padStart(8, '0')}.jsonl`;
    const line: SpoolLine = { seenAt: seenAt.toISOString(), increments: [...increments] };
    const temporary = join(dir, `${name}.tmp`);
    await writeFile(temporary, `${JSON.stringify(line)}\n`);
    await rename(temporary, join(dir, name));
  }
}

/**
 * Moves every spooled usage file into the registry and deletes it. A file is first renamed to
 * `.ingesting`, so it is claimed once; one left by an ingestion that failed half-way is taken
 * up by the next one (only one process can have the embedded registry open).
 */
export async function ingestUsageSpool(registryDir: string, registry: UsageSink): Promise<{ files: number; lines: number }> {
  const dir = usageSpoolDir(registryDir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return { files: 0, lines: 0 };
    throw error;
  }
  const claimed: string[] = [];
  for (const name of names.sort()) {
    if (name.endsWith('.ingesting')) claimed.push(join(dir, name));
    else if (name.endsWith('.jsonl')) {
      const path = join(dir, `${name}.ingesting`);
      await rename(join(dir, name), path);
      claimed.push(path);
    }
  }
  let lines = 0;
  for (const path of claimed) {
    for (const text of (await readFile(path, 'utf8')).split('\n')) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as SpoolLine;
      await registry.recordUsage(line.increments, new Date(line.seenAt));
      lines += 1;
    }
    await rm(path);
  }
  return { files: claimed.length, lines };
}

/** Synchronous twin of the spool listing, for tests and diagnostics: the files still waiting. */
export function spooledUsageFiles(registryDir: string): string[] {
  try {
    return readdirSync(usageSpoolDir(registryDir)).filter((name) => name.endsWith('.jsonl') || name.endsWith('.ingesting'));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Reads the served version number synchronously (diagnostics and tests). */
export function servedVersionNumber(registryDir: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(join(servedDir(registryDir), 'version.json'), 'utf8')) as ServedVersion).version;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
