import { z } from 'zod';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const inYears = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
};

/** A review date: a calendar date after today and within 30 years (retention is reviewed, not endless). */
export const reviewDate = z
  .string()
  .regex(isoDay, 'must be a date YYYY-MM-DD')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
    'is not a calendar date',
  )
  .refine((value) => value > new Date().toISOString().slice(0, 10), 'must be after today')
  .refine((value) => value <= inYears(30), 'must be within 30 years');

/** An input's optional `reviewOn`: when given, after today and within 30 years. */
export const reviewOnInput = z.object({ reviewOn: reviewDate.nullish() }).passthrough();
