import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { diffAccessRules } from './access-changes';

export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

/** One difference between two API schemas, as classified by GraphQL Inspector. */
export interface SchemaChange {
  /** Inspector's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  level: ChangeLevel;
  message: string;
  /** Dotted path of what changed: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`. */
  path: string | null;
  /** Why Inspector classified it so, when it says. */
  reason: string | null;
}

const levels: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

const order: Record<ChangeLevel, number> = { breaking: 0, dangerous: 1, safe: 2 };

const byLevelAndPath = (a: SchemaChange, b: SchemaChange) => order[a.level] - order[b.level] || (a.path ?? '').localeCompare(b.path ?? '');

/** Every change from `before` to `after` (API schema SDL), breaking ones first. */
export async function diffApiSchemas(before: string, after: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  return changes
    .map((change) => ({
      type: String(change.type),
      level: levels[change.criticality.level],
      message: change.message,
      path: change.path ?? null,
      reason: change.criticality.reason ?? null,
    }))
    .sort(byLevelAndPath);
}

/** A schema version as the diff reads it: its API schema, and its supergraph for the access rules the API schema leaves out. */
export interface ComparedSchema {
  apiSdl: string;
  supergraphSdl: string;
}

/** Every change of the API schema and of its access rules from `before` to `after`, breaking ones first. */
export async function diffSchemas(before: ComparedSchema, after: ComparedSchema): Promise<SchemaChange[]> {
  const changes = [...(await diffApiSchemas(before.apiSdl, after.apiSdl)), ...diffAccessRules(before.supergraphSdl, after.supergraphSdl)];
  return changes.sort(byLevelAndPath);
}

/**
 * Which operation coordinates (see `coordinatesOf`) a change can break. Argument paths become
 * `Type.field(argument:)`; a removed or re-kinded type hits every coordinate inside it; a new
 * required argument or input field hits every use of the field or input type; a removed enum value
 * hits its literal uses and every variable of that enum type.
 */
export function affects(change: SchemaChange): (coordinate: string) => boolean {
  const parts = change.path?.split('.') ?? [];
  const [type, member, argument] = parts;
  if (!type) return () => false;
  // A bare `Enum` coordinate is an enum passed in a variable: any of its values may be sent.
  if (parts.length === 1) return (coordinate) => coordinate === type || coordinate.startsWith(`${type}.`);
  if (change.type === 'ENUM_VALUE_REMOVED') return (coordinate) => coordinate === type || coordinate === `${type}.${member}`;
  if (change.type === 'INPUT_FIELD_ADDED') return (coordinate) => coordinate.startsWith(`${type}.`);
  if (argument !== undefined) {
    if (change.type === 'FIELD_ARGUMENT_ADDED') return (coordinate) => coordinate === `${type}.${member}`;
    return (coordinate) => coordinate === `${type}.${member}(${argument}:)`;
  }
  return (coordinate) => coordinate === `${type}.${member}` || coordinate.startsWith(`${type}.${member}(`);
}
