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
 * What tells pages apart: their size and where they start. Most pages are first pages, whose key
 * needs no serialising; it is computed for every parent of every list, so it must stay cheap.
 */
const pageKey = (page: Page) => (page.after === null ? String(page.limit) : `${page.limit}|${JSON.stringify(page.after)}`);

/**
 * Loads a page of children per parent. Parents asking for the same page (`first`/`after`) share
 * one batch, so `fetch` gets the page once with all their ids; different pages never mix.
 */
export function pagedChildrenLoader<T>(
  fetch: (parentIds: string[], page: Page) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<ChildPageKey, T[], string> {
  const cacheKey = (parentId: string, page: Page) => `${parentId}|${pageKey(page)}`;
  return new DataLoader(
    async (keys) => {
      const byPage = new Map<string, { page: Page; parentIds: string[] }>();
      for (const key of keys) {
        const shape = pageKey(key.page);
        const group = byPage.get(shape);
        if (group) group.parentIds.push(key.parentId);
        else byPage.set(shape, { page: key.page, parentIds: [key.parentId] });
      }
      // Rows by parent, per page shape: a batch of one shape (the usual case) reads its rows once.
      const results = new Map<string, Map<string, T[]>>();
      for (const [shape, { page, parentIds }] of byPage) {
        const byParent = new Map<string, T[]>();
        for (const row of await fetch(parentIds, page)) {
          const parentId = parentOf(row);
          const rows = byParent.get(parentId);
          if (rows) rows.push(row);
          else byParent.set(parentId, [row]);
        }
        results.set(shape, byParent);
      }
      return keys.map((key) => results.get(pageKey(key.page))?.get(key.parentId) ?? []);
    },
    { cacheKeyFn: (key) => cacheKey(key.parentId, key.page) },
  );
}

/** A parent, the page of its children asked for, and which of the loader's relations they hang from. */
export interface RelationPageKey<Relation extends string> extends ChildPageKey {
  relation: Relation;
}

/** The parents asking for one page of one relation, as a `pagedRelationsLoader` fetches them. */
export interface RelationPagePart<Relation extends string> {
  relation: Relation;
  parentIds: string[];
  page: Page;
}

/**
 * Loads pages of several relations (a person's messages sent and received) in one `fetch` per
 * batch, as `pagedChildrenLoader` loads one: `fetch` gets a part per relation and page asked for
 * and returns every row tagged with the index of its part (see `readChildPagesTogether`), and
 * `parentOf` tells each relation's rows apart by parent.
 */
export function pagedRelationsLoader<T, Relation extends string>(
  fetch: (parts: Array<RelationPagePart<Relation>>) => Promise<Array<T & { relationPart: number }>>,
  parentOf: Record<Relation, (row: T) => string>,
): DataLoader<RelationPageKey<Relation>, T[], string> {
  const partKey = (key: RelationPageKey<Relation>) => `${key.relation}|${pageKey(key.page)}`;
  return new DataLoader(
    async (keys) => {
      const byPart = new Map<string, RelationPagePart<Relation>>();
      for (const key of keys) {
        const shape = partKey(key);
        const part = byPart.get(shape);
        if (part) part.parentIds.push(key.parentId);
        else byPart.set(shape, { relation: key.relation, parentIds: [key.parentId], page: key.page });
      }
      const parts = [...byPart.values()];
      const byParent = parts.map(() => new Map<string, T[]>());
      for (const row of await fetch(parts)) {
        const index = row.relationPart;
        const parentId = parentOf[parts[index].relation](row);
        const rows = byParent[index].get(parentId);
        if (rows) rows.push(row);
        else byParent[index].set(parentId, [row]);
      }
      const indexOf = new Map([...byPart.keys()].map((shape, index) => [shape, index]));
      return keys.map((key) => byParent[indexOf.get(partKey(key)) ?? -1]?.get(key.parentId) ?? []);
    },
    { cacheKeyFn: (key) => `${key.relation}|${key.parentId}|${pageKey(key.page)}` },
  );
}
