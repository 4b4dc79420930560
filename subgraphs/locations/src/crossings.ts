import { badUserInput, byIdLoader } from '@movement/runtime';
import type { BorderCrossing, BorderCrossingPeriod, PrismaClient } from './generated/prisma/client';

/** A border crossing with its periods, earliest first (`id` is its place's). */
export type CrossingModel = BorderCrossing & { id: string; periods: BorderCrossingPeriod[] };

/** The crossings of many places in one statement. */
export const crossingLoader = (prisma: PrismaClient) =>
  byIdLoader<CrossingModel>(async (ids) => {
    const rows = await prisma.borderCrossing.findMany({ where: { locationId: { in: ids } }, include: { periods: { orderBy: { fromDate: 'asc' } } } });
    return rows.map((row) => ({ ...row, id: row.locationId }));
  });

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: Date) => value.toISOString().slice(0, 10);

/**
 * OPEN when a period covering `date` was open (towards `towards`, when open one way only), CLOSED
 * when it was closed or open only the other way, UNKNOWN when no published period covers the day
 * or the day is after `checkedOn`: a period still running when the sources were last read says
 * nothing of later days, and a crossing is never assumed open.
 */
export function crossingState(crossing: CrossingModel, date: string, towards: string | null | undefined): 'OPEN' | 'CLOSED' | 'UNKNOWN' {
  if (!isoDay.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw badUserInput('date', 'must be a date YYYY-MM-DD');
  if (towards != null && !crossing.countryCodes.includes(towards)) {
    throw badUserInput('towards', `must be one of the countries the crossing joins: ${crossing.countryCodes.join(', ')}`);
  }
  if (date > day(crossing.checkedOn)) return 'UNKNOWN';
  const period = crossing.periods.find((p) => day(p.fromDate) <= date && (p.untilDate === null || date <= day(p.untilDate)));
  if (!period) return 'UNKNOWN';
  return period.open && (!towards || !period.towardsCountry || period.towardsCountry === towards) ? 'OPEN' : 'CLOSED';
}

export { day as isoDay };
