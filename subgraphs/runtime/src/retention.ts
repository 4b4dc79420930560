import { z } from 'zod';
import { badUserInput } from './errors';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const inYears = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
};

/** How far ahead a review date may lie: retention is reviewed, not endless. */
export const maxReviewYears = 30;

/** A review date: a calendar date after today and within `maxReviewYears` years. */
export const reviewDate = z
  .string()
  .regex(isoDay, 'must be a date YYYY-MM-DD')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
    'is not a calendar date',
  )
  .refine((value) => value > new Date().toISOString().slice(0, 10), 'must be after today')
  .refine((value) => value <= inYears(maxReviewYears), `must be within ${maxReviewYears} years`);

/** An input's optional `reviewOn`: when given, after today and within `maxReviewYears` years. */
export const reviewOnInput = z.object({ reviewOn: reviewDate.nullish() }).passthrough();

/**
 * Moving a record's review date: the new date (after today, within `maxReviewYears` years) and
 * why, since keeping personal data longer than planned needs a reason the audit can show.
 */
export const reviewDateChange = z
  .object({
    reviewOn: reviewDate,
    reason: z.string().trim().min(3, 'must give the reason, at least 3 characters').max(2000, 'must have at most 2000 characters'),
  })
  .passthrough();

/**
 * The day `recordsPastReview`-like lists review against: `asOf` when given (a calendar date
 * `YYYY-MM-DD`, else BAD_USER_INPUT naming `asOf`), today otherwise.
 */
export function reviewAsOf(asOf: string | null | undefined): string {
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  if (!isoDay.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw badUserInput('asOf', 'must be a date YYYY-MM-DD');
  return day;
}

/** The ISO day of a review date as stored (a DATE column). */
export const reviewDay = (value: Date) => value.toISOString().slice(0, 10);
