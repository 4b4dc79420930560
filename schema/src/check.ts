import { readFileSync } from 'node:fs';
import { buildSchema, separateOperations } from 'graphql';
import { affects, diffSchemas, type SchemaChange } from './changes';
import { composeSubgraphs, formatProblems, type CompositionProblem, type SubgraphSdl } from './compose';
import { coordinatesOf } from './operation-usage';
import { readPersistedOperations, type PersistedOperation } from './persisted-operations';
import type { SchemaRegistry } from './registry';
import { apiSchemaPath, supergraphPath } from './subgraphs';

/** An internal app's operation or a partner's recorded operation that a breaking change hits. */
export interface AffectedOperation {
  name: string;
  app: string;
  file: string;
  persistedId: string | null;
}

export interface AffectedPartnerOperation {
  partner: string;
  operationName: string | null;
  signature: string;
  count: number;
  lastSeen: Date;
}

export interface BreakingImpact {
  change: SchemaChange;
  operations: AffectedOperation[];
  partners: AffectedPartnerOperation[];
  /** Approved with `--approve <path>`: reported, but does not fail the check. */
  approved: boolean;
}

export type CheckResult =
  | { composed: false; errors: CompositionProblem[] }
  | {
      composed: true;
      /** The registry version compared against; null when the registry is empty and the checked-in API schema was used. */
      baselineVersion: number | null;
      supergraphSdl: string;
      apiSdl: string;
      changes: SchemaChange[];
      impacts: BreakingImpact[];
      /** Breaking changes not approved: the check fails when there is any. */
      unapproved: number;
    };

export interface CheckOptions {
  subgraphs: readonly SubgraphSdl[];
  /** Compared against its latest version, and asked for partners' recorded operations. */
  registry?: SchemaRegistry;
  /** Internal apps' operations; default: those under `schema/operations/`. */
  operations?: readonly PersistedOperation[];
  /** Change paths (`Type.field`, `Type.field.argument`, …) the admin accepts breaking. */
  approved?: readonly string[];
}

/** Composes the working SDL and classifies every change against the published graph. */
export async function checkSchema(options: CheckOptions): Promise<CheckResult> {
  const composed = composeSubgraphs(options.subgraphs);
  if (!composed.ok) return { composed: false, errors: composed.errors };

  const latest = await options.registry?.latest();
  const baselineSdl = latest?.apiSdl ?? readFileSync(apiSchemaPath, 'utf8');
  const baselineSupergraph = latest?.supergraphSdl ?? readFileSync(supergraphPath, 'utf8');
  const changes = await diffSchemas(
    { apiSdl: baselineSdl, supergraphSdl: baselineSupergraph },
    { apiSdl: composed.apiSchemaSdl, supergraphSdl: composed.supergraphSdl },
  );
  const breaking = changes.filter((change) => change.level === 'breaking');

  // Operations are read against the schema they were written for: the published one.
  const baseline = buildSchema(baselineSdl);
  const operations = (options.operations ?? readPersistedOperations()).map((operation) => {
    const own = separateOperations(operation.document)[operation.name] ?? operation.document;
    return { operation, coordinates: coordinatesOf(baseline, own) };
  });
  const approved = new Set(options.approved ?? []);

  const recorded = options.registry && breaking.length > 0 ? await options.registry.allUsage() : [];
  const impacts: BreakingImpact[] = [];
  for (const change of breaking) {
    const hits = affects(change);
    const matchingOperations = operations
      .filter(({ coordinates }) => coordinates.some(hits))
      .map(({ operation }) => ({ name: operation.name, app: operation.app, file: operation.file, persistedId: operation.persistedId }));
    const partners = recorded
      .filter((usage) => usage.coordinates.some(hits))
      .map((usage) => ({
        partner: usage.partner,
        operationName: usage.operationName,
        signature: usage.signature,
        count: usage.count,
        lastSeen: usage.lastSeen,
      }));
    impacts.push({ change, operations: matchingOperations, partners, approved: change.path !== null && approved.has(change.path) });
  }
  return {
    composed: true,
    baselineVersion: latest?.version ?? null,
    supergraphSdl: composed.supergraphSdl,
    apiSdl: composed.apiSchemaSdl,
    changes,
    impacts,
    unapproved: impacts.filter((impact) => !impact.approved).length,
  };
}

/** The check as an admin reads it in a terminal: every change, grouped breaking, dangerous, safe. */
export function formatCheck(result: CheckResult): string {
  if (!result.composed) return `Composition failed with ${result.errors.length} error(s):\n${formatProblems(result.errors)}\n`;
  const against =
    result.baselineVersion === null ? 'the checked-in schema/api.graphql (the registry has no version yet)' : `published version ${result.baselineVersion}`;
  const lines = [`Composes. ${result.changes.length} change(s) against ${against}.`];
  for (const level of ['breaking', 'dangerous', 'safe'] as const) {
    const ofLevel = result.changes.filter((change) => change.level === level);
    if (ofLevel.length === 0) continue;
    lines.push('', `${level.toUpperCase()} (${ofLevel.length})`);
    for (const change of ofLevel) {
      lines.push(`  - ${change.message}${change.path ? ` [${change.path}]` : ''}`);
      const impact = result.impacts.find((candidate) => candidate.change === change);
      if (!impact) continue;
      if (impact.approved) lines.push('      approved');
      for (const operation of impact.operations) {
        lines.push(
          `      breaks operation ${operation.name} of ${operation.app} (${operation.file}${operation.persistedId ? `, persisted ${operation.persistedId.slice(0, 19)}…` : ''})`,
        );
      }
      for (const usage of impact.partners) {
        lines.push(
          `      breaks partner ${usage.partner}: ${usage.operationName ?? '(anonymous operation)'}, ${usage.count} call(s), last ${usage.lastSeen.toISOString()}`,
        );
      }
      if (impact.operations.length === 0 && impact.partners.length === 0) lines.push('      no known operation uses it');
    }
  }
  lines.push(
    '',
    result.unapproved > 0 ? `${result.unapproved} breaking change(s) not approved: approve each with --approve <path>.` : 'No unapproved breaking change.',
  );
  return `${lines.join('\n')}\n`;
}
