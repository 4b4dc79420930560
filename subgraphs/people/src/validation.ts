import { parseInput, uuidPattern } from '@movement/runtime';
import { z } from 'zod';

/**
 * Input checks shared by the mutations and the search. Each schema's issues are reported as
 * BAD_USER_INPUT naming the dotted path of the field at fault (e.g. `input.birthDate`).
 */

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

/** A real calendar date `YYYY-MM-DD`, not in the future. */
export const pastDate = z
  .string()
  .regex(isoDatePattern, 'must be a date YYYY-MM-DD')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
    'is not a calendar date',
  )
  .refine((value) => value <= today(), 'must not be in the future');

const birthDate = pastDate.refine((value) => value >= '1900-01-01', 'is not a plausible birth date (before 1900)');
const birthYear = z
  .number()
  .int()
  .min(1900, 'is not a plausible birth year (before 1900)')
  .refine((year) => year <= new Date().getUTCFullYear(), 'must not be in the future');
const text = (min: number, max: number) => z.string().trim().min(min, `must have at least ${min} character(s)`).max(max, `must have at most ${max} characters`);
const personName = text(1, 100).regex(/^[\p{L}\p{M}' ’ʼ.-]+$/u, 'may contain only letters, spaces, apostrophes, dots and hyphens');
// Any 8-4-4-4-12 hex id: synthetic ids are md5-based and carry no RFC 4122 version bits.
const nationality = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as UA');
const uuid = z.string().regex(uuidPattern, 'must be a UUID');

export const registerPersonSchema = z
  .object({
    givenName: personName,
    familyName: personName,
    patronymic: personName.nullish(),
    otherSpellings: z.array(text(2, 300)).max(10, 'must have at most 10 spellings').nullish(),
    birthDate: birthDate.nullish(),
    birthYear: birthYear.nullish(),
    nationality: nationality.nullish(),
    lastSeenAtId: uuid.nullish(),
    lastSeenOn: pastDate.nullish(),
    purpose: text(1, 200),
    recordedById: uuid,
    sharedWithIds: z.array(uuid).max(50).nullish(),
    familyLinks: z
      .array(z.object({ relativeId: uuid }).passthrough())
      .max(20, 'must have at most 20 links')
      .nullish(),
  })
  .passthrough()
  .superRefine((input, ctx) => {
    if (input.birthDate && input.birthYear != null && Number(input.birthDate.slice(0, 4)) !== input.birthYear) {
      ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'does not agree with birthDate' });
    }
  });

export const updatePersonSchema = z
  .object({
    givenName: personName.nullish(),
    familyName: personName.nullish(),
    patronymic: personName.nullish(),
    birthDate: birthDate.nullish(),
    birthYear: birthYear.nullish(),
    nationality: nationality.nullish(),
    lastSeenAtId: uuid.nullish(),
    lastSeenOn: pastDate.nullish(),
  })
  .passthrough();

export const linkFamilySchema = z
  .object({ personId: uuid, relativeId: uuid, recordedById: uuid })
  .passthrough()
  .refine((input) => input.personId !== input.relativeId, { path: ['relativeId'], message: 'must be another person than personId' });

export const openTracingSchema = z
  .object({
    enquirerId: uuid,
    soughtPersonId: uuid,
    circumstances: text(1, 2000),
    lastSeenAtId: uuid.nullish(),
    lastSeenOn: pastDate.nullish(),
    recordedById: uuid,
    sharedWithIds: z.array(uuid).max(50).nullish(),
  })
  .passthrough()
  .refine((input) => input.enquirerId !== input.soughtPersonId, { path: ['soughtPersonId'], message: 'must be another person than the enquirer' });

export const closedReasonSchema = text(1, 500);

export const registerDetentionSchema = z
  .object({
    personId: uuid,
    placeOfDetentionId: uuid,
    captureDate: pastDate,
    registrationNumber: text(1, 40),
    recordedById: uuid,
    sharedWithIds: z.array(uuid).max(50).nullish(),
  })
  .passthrough();

export const recordVisitSchema = z.object({ detentionRecordId: uuid, visitedOn: pastDate, visitedById: uuid, recordedById: uuid }).passthrough();

export const searchSchema = z
  .object({
    name: text(2, 200),
    first: z.number().int().min(1, 'must be between 1 and 50').max(50, 'must be between 1 and 50').nullish(),
    filters: z
      .object({
        birthYear: z.number().int().min(1900).max(2100).nullish(),
        birthYearTolerance: z.number().int().min(0, 'must be between 0 and 10').max(10, 'must be between 0 and 10').nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

export const uuidSchema = uuid;

/** Parses `value` or throws BAD_USER_INPUT naming `prefix` + the path of the first issue. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  return parseInput(schema, value, prefix);
}
