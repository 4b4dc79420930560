import { checkSchema, type CheckResult } from './check';
import { diffSchemas } from './changes';
import { formatProblems, type SubgraphSdl } from './compose';
import type { SchemaRegistry, SchemaVersion } from './registry';

export class PublishRefused extends Error {
  constructor(
    message: string,
    readonly check?: CheckResult,
  ) {
    super(message);
    this.name = 'PublishRefused';
  }
}

export interface PublishOptions {
  subgraphs: readonly SubgraphSdl[];
  author: string;
  message: string;
  /** Breaking change paths the admin accepts; any other breaking change refuses the publish. */
  approved?: readonly string[];
}

/** Checks the working SDL and records it as the next version; refuses what `check` would fail. */
export async function publishSchema(registry: SchemaRegistry, options: PublishOptions): Promise<{ version: SchemaVersion; check: CheckResult }> {
  const check = await checkSchema({ subgraphs: options.subgraphs, registry, approved: options.approved });
  if (!check.composed) throw new PublishRefused(`The subgraphs do not compose:\n${formatProblems(check.errors)}`, check);
  if (check.unapproved > 0) throw new PublishRefused(`${check.unapproved} breaking change(s) not approved`, check);
  const version = await registry.publish({
    supergraphSdl: check.supergraphSdl,
    apiSdl: check.apiSdl,
    subgraphs: Object.fromEntries(options.subgraphs.map((subgraph) => [subgraph.name, subgraph.sdl])),
    author: options.author,
    message: options.message,
    changes: check.changes,
    rollbackOf: null,
  });
  return { version, check };
}

/**
 * Restores an earlier version by publishing its schema again as a new version, so history stays
 * append-only and gateways following the registry pick it up like any other publish.
 */
export async function rollbackSchema(registry: SchemaRegistry, target: number, options: { author: string; message?: string }): Promise<SchemaVersion> {
  const earlier = await registry.get(target);
  if (!earlier) throw new PublishRefused(`Version ${target} is not in the registry`);
  const latest = await registry.latest();
  if (latest && latest.version === target) throw new PublishRefused(`Version ${target} is already the latest`);
  const changes = latest ? await diffSchemas(latest, earlier) : [];
  return registry.publish({
    supergraphSdl: earlier.supergraphSdl,
    apiSdl: earlier.apiSdl,
    subgraphs: earlier.subgraphs,
    author: options.author,
    message: options.message ?? `Rollback to version ${target}`,
    changes,
    rollbackOf: target,
  });
}
