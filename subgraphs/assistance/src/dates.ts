import { badUserInput, readPage, uuidPattern, type CursorValues, type Page, type PageArgs } from '@movement/runtime';

/**
 * Prisma returns `@db.Date` columns as midnight UTC; raw SQL through a driver adapter may hand back
 * the same column as text. Both become a Date here.
 */
export const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(`${String(value).slice(0, 10)}T00:00:00.000Z`));

/** The API's `YYYY-MM-DD` form of a date column. */
export const isoDate = (value: Date | string): string => asDate(value).toISOString().slice(0, 10);

/**
 * Keyset cursor on `(date, id)`: the full ISO instant, which `keysetWhere` turns back into a Date
 * and PostgreSQL reads as a date in raw SQL.
 */
export const dateCursor = (date: Date | string, id: string): CursorValues => [asDate(date).toISOString(), id];

/**
 * `readPage` for lists in date order. A cursor of another list decodes too, and its values would
 * reach SQL as a date and an id: one that is not `[date, id]` is refused here as bad input.
 */
export function readDatePage(args: PageArgs, prefix = ''): Page {
  const page = readPage(args, prefix);
  const [date, id] = page.after ?? [];
  const isDate = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(date) && !Number.isNaN(Date.parse(date));
  if (page.after && (page.after.length !== 2 || !isDate || typeof id !== 'string' || !uuidPattern.test(id))) {
    throw badUserInput(prefix ? `${prefix}.after` : 'after', 'is not a cursor returned by this list; pass an endCursor from a previous page.');
  }
  return page;
}
