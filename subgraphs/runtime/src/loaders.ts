import DataLoader from 'dataloader';

/**
 * Per-request loaders: every entity and relation lookup in one request goes through one of these,
 * so a list of N parents costs one query per relation, not N.
 */

/** Loads rows by id; a missing id resolves to null. */
export function byIdLoader<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Loads all rows sharing a key (e.g. the links of a person); a key without rows gets []. */
export function manyByKeyLoader<T, K extends string = string>(
  fetch: (keys: K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await fetch([...keys]);
    const groups = new Map<K, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Loads a page of children per parent where all parents in a batch ask for the same page
 * (`first`/`after`); the key carries the parent id and the page so different pages never mix.
 */
export function pagedChildrenLoader<T>(
  fetch: (parentIds: string[], pageKey: string) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<{ parentId: string; pageKey: string }, T[], string> {
  return new DataLoader(
    async (keys) => {
      const results = new Map<string, T[]>();
      const byPage = new Map<string, string[]>();
      for (const key of keys) byPage.set(key.pageKey, [...(byPage.get(key.pageKey) ?? []), key.parentId]);
      for (const [pageKey, parentIds] of byPage) {
        const rows = await fetch(parentIds, pageKey);
        for (const row of rows) {
          const id = `${parentOf(row)}|${pageKey}`;
          results.set(id, [...(results.get(id) ?? []), row]);
        }
      }
      return keys.map((key) => results.get(`${key.parentId}|${key.pageKey}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${key.pageKey}` },
  );
}
