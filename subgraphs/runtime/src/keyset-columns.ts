import type { CursorValues, SortDirection } from './pagination';

/**
 * A Prisma `where` continuing after `cursor` on a keyset of several columns, e.g.
 * `(familyName, givenName, id)`: rows whose first differing column lies past the cursor.
 * `keysetWhere` covers the common `(field, id)` case; this one is for longer sort keys.
 */
export function keysetWhereColumns(cursor: CursorValues | null, fields: string[], direction: SortDirection): Record<string, unknown> {
  if (!cursor) return {};
  const op = direction === 'asc' ? 'gt' : 'lt';
  const branches = fields.map((field, index) => {
    const branch: Record<string, unknown> = {};
    for (let equal = 0; equal < index; equal += 1) branch[fields[equal] as string] = cursor[equal];
    branch[field] = { [op]: cursor[index] };
    return branch;
  });
  return { OR: branches };
}

/** The Prisma `orderBy` matching `keysetWhereColumns`. */
export function keysetOrderColumns(fields: string[], direction: SortDirection): Array<Record<string, SortDirection>> {
  return fields.map((field) => ({ [field]: direction }));
}
