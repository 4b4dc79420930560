/**
 * Writes once per idempotency key: returns the row first written with `key` when there is one,
 * otherwise writes. Two concurrent writes with the same key race on the unique index; the loser's
 * unique violation (Prisma P2002) is answered with the winner's row, never a duplicate.
 */
export async function once<T>(key: string | null | undefined, find: (key: string) => Promise<T | null>, write: () => Promise<T>): Promise<T> {
  if (!key) return write();
  const existing = await find(key);
  if (existing) return existing;
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    const winner = await find(key);
    if (!winner) throw error;
    return winner;
  }
}
