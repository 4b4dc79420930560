import { conflict } from '@movement/runtime';

/**
 * The first field of `sent` (the content a write would store) whose value differs from the stored
 * row's, or null when all agree. Dates compare as ISO 8601 days, lists as sets, absent as null.
 */
export function firstDifference(stored: object, sent: Record<string, unknown>): string | null {
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

/**
 * Writes once per idempotency key: returns the row first written with `key` when there is one,
 * otherwise writes. Two concurrent writes with the same key race on the unique index; the loser's
 * unique violation (Prisma P2002) is answered with the winner's row, never a duplicate. A key sent
 * again with different content is a client bug (a key reused for another delivery), not a retry:
 * `differs` names the first field that does not match the first row, and the write is refused
 * with CONFLICT rather than silently answered with a record the client did not send.
 */
export async function once<T>(
  key: string | null | undefined,
  find: (key: string) => Promise<T | null>,
  write: () => Promise<T>,
  differs: (first: T) => string | null | Promise<string | null>,
): Promise<T> {
  if (!key) return write();
  const same = async (first: T): Promise<T> => {
    const field = await differs(first);
    if (field)
      throw conflict(`idempotencyKey "${key}" was first used with a different ${field}; use a new key for a different record`, { field: `input.${field}` });
    return first;
  };
  const existing = await find(key);
  if (existing) return same(existing);
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    const winner = await find(key);
    if (!winner) throw error;
    return same(winner);
  }
}
