import type { Logger } from './logger';
import { conflict } from './errors';

/**
 * The first field of `sent` (what a write would store, by input field) whose value differs from
 * `stored`'s, or null when all agree. Dates compare as ISO 8601 days, lists as sets, strings
 * trimmed, absent as null: the forms the same input takes when it is sent again.
 */
function firstDifference(stored: object, sent: Record<string, unknown>): string | null {
  const normal = (value: unknown): unknown => {
    if (value === undefined || value === null) return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (Array.isArray(value))
      return JSON.stringify(
        value
          .map(normal)
          .map((v) => JSON.stringify(v))
          .sort(),
      );
    if (typeof value === 'string') return value.trim();
    return value;
  };
  const row = stored as Record<string, unknown>;
  for (const [field, value] of Object.entries(sent)) if (normal(row[field]) !== normal(value)) return field;
  return null;
}

/** A write a client may send again with its idempotency key. */
export interface IdempotentWrite<T> {
  /** The client's idempotency key; without one every call writes. */
  key: string | null | undefined;
  /** The row first written with `key`, if any. */
  find: (key: string) => Promise<T | null>;
  /**
   * Writes the row with `key` under a unique index; checks that need other subgraphs belong here,
   * so that a retry is answered from the database alone, even while a peer is down.
   */
  write: () => Promise<T>;
  /** What the input says, by field of the mutation's `input`, in the order the input lists them. */
  sent: Record<string, unknown>;
  /** The same fields as the first row stored them (the row itself unless given). */
  stored?: (first: T) => object | Promise<object>;
  /** Extensions of the CONFLICT naming the first row, for a client to look it up. */
  identify?: (first: T) => Record<string, unknown>;
  /** Where the answer to a lost race is logged. */
  logger?: Logger;
}

/**
 * Writes once per idempotency key: the row first written with the key when there is one, otherwise
 * a new row. Two concurrent writes with the same key race on the unique index (PostgreSQL makes the
 * loser wait for the winner's commit); the loser's unique violation (Prisma's P2002) is answered
 * with the winner's row, never a duplicate. A key sent again with different content is a client's
 * mistake (a key reused for another record), not a retry: answering with the first row would tell
 * the client its new record was written when it was not, so it is CONFLICT naming the first field
 * that differs, as `input.<field>`.
 */
export async function writeOnce<T>(spec: IdempotentWrite<T>): Promise<T> {
  const { key } = spec;
  if (!key) return spec.write();
  const same = async (first: T): Promise<T> => {
    const field = firstDifference(spec.stored ? await spec.stored(first) : (first as object), spec.sent);
    if (!field) return first;
    throw conflict(
      `input.${field}: the idempotency key "${key}" was first used with a different ${field}; send the same input again, or choose a new key for a new record.`,
      { field: `input.${field}`, ...spec.identify?.(first) },
    );
  };
  const existing = await spec.find(key);
  if (existing) return same(existing);
  try {
    return await spec.write();
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    const winner = await spec.find(key);
    if (!winner) throw error;
    spec.logger?.debug('idempotent write answered with the row a concurrent call wrote');
    return same(winner);
  }
}
