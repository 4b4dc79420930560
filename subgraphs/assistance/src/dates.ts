import { readPage, type CursorValues, type Page, type PageArgs } from '@movement/runtime';

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

/** A date-order cursor's sort key: the full ISO instant `dateCursor` writes. */
const isInstant = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** `readPage` for lists in date order: a cursor must be `[instant, id]`. */
export const readDatePage = (args: PageArgs, prefix = ''): Page => readPage(args, prefix, isInstant);
