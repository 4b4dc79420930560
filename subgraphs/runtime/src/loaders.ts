import DataLoader from 'dataloader';
import { readRows } from './database';
import { uuidPattern } from './errors';
import type { ChildCondition, Page } from './pagination';

/**
 * Per-request loaders: every entity and relation lookup in one request goes through one of these,
 * so a list of N parents costs one query per relation, not N.
 */

/**
 * Loads rows by id; a missing id resolves to null. So does a value that is not a UUID: such an id
 * names no record, and sending it to SQL would fail the whole batch, valid ids included.
 */
export function byIdLoader<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const wellFormed = ids.filter((id) => uuidPattern.test(id));
    const rows = wellFormed.length > 0 ? await fetch(wellFormed) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The `fetch` of a `byIdLoader` reading `table` (schema-qualified) on the raw driver under
 * `client`, for entity lookups on the hot path (`_entities`, references) where Prisma's query
 * building and result mapping cost more than the database. `where` limits the rows (visibility),
 * its placeholders numbered from `$2`.
 */
export function rowsById<T extends { id: string }>(client: object, table: string, where?: ChildCondition): (ids: string[]) => Promise<T[]> {
  const condition = where?.(2);
  const sql = `SELECT t.* FROM ${table} t WHERE t."id" = ANY($1::uuid[])${condition ? ` AND (${condition.sql})` : ''}`;
  return (ids) => readRows<T>(client, sql, [ids, ...(condition?.params ?? [])]);
}

/** Loads all rows sharing a key (e.g. the links of a person); a key without rows gets []. */
export function manyByKeyLoader<T, K extends string = string>(fetch: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T[]> {
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

/** A parent and the page of its children asked for. */
export interface ChildPageKey {
  parentId: string;
  page: Page;
}

/**
 * Loads a page of children per parent. Parents asking for the same page (`first`/`after`) share
 * one batch, so `fetch` gets the page once with all their ids; different pages never mix.
 */
export function pagedChildrenLoader<T>(
  fetch: (parentIds: string[], page: Page) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<ChildPageKey, T[], string> {
  const cacheKey = (parentId: string, page: Page) => `${parentId}|${JSON.stringify(page)}`;
  return new DataLoader(
    async (keys) => {
      const byPage = new Map<string, { page: Page; parentIds: string[] }>();
      for (const key of keys) {
        const pageKey = JSON.stringify(key.page);
        const group = byPage.get(pageKey) ?? { page: key.page, parentIds: [] };
        group.parentIds.push(key.parentId);
        byPage.set(pageKey, group);
      }
      const results = new Map<string, T[]>();
      for (const { page, parentIds } of byPage.values()) {
        for (const row of await fetch(parentIds, page)) {
          const id = cacheKey(parentOf(row), page);
          results.set(id, [...(results.get(id) ?? []), row]);
        }
      }
      return keys.map((key) => results.get(cacheKey(key.parentId, key.page)) ?? []);
    },
    { cacheKeyFn: (key) => cacheKey(key.parentId, key.page) },
  );
}
