import { badUserInput, parseInput as parse, uuidPattern } from '@movement/runtime';
import { z } from 'zod';
import { asDate } from './dates';
import { itemType, MAX_RECORDS_PER_DISTRIBUTION } from './items';

/** Earliest date the graph accepts; anything before is a typing error, not history. */
const EARLIEST = '1990-01-01';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO 8601 date (YYYY-MM-DD)')
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value), 'is not a calendar date')
  .refine((value) => value >= EARLIEST, `must not be before ${EARLIEST}`);
// Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type accepts: demo ids are md5 digests, not RFC 4122 versions.
const uuid = z.string().regex(uuidPattern, 'must be a UUID');
const key = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullish();
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as RUB')
  .nullish();
const uuids = z.array(uuid).max(50, 'must name at most 50 organisations').nullish();

export const programmeInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  partnerId: uuid,
  startDate: isoDate,
  endDate: isoDate.nullish(),
  targetAreaIds: z.array(uuid).min(1, 'must name at least one area').max(100, 'must name at most 100 areas'),
  idempotencyKey: key,
});

const distributionItem = z.object({ quantity: z.number().finite(), currency });

export const distributionInput = z.object({
  programmeId: uuid,
  locationId: uuid,
  date: isoDate,
  partnerId: uuid,
  recordedById: uuid,
  items: z.array(distributionItem).min(1, 'must list at least one item').max(50, 'must list at most 50 items'),
  idempotencyKey: key,
});

export const assistanceInput = z.object({
  beneficiaryId: uuid,
  householdSize: z.number().int().min(1, 'must be at least 1').max(30, 'must be at most 30').nullish(),
  distributionId: uuid.nullish(),
  quantity: z.number().finite(),
  currency,
  date: isoDate,
  locationId: uuid,
  partnerId: uuid,
  recordedById: uuid,
  sharedWithIds: uuids,
  idempotencyKey: key,
});

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as UA');

export const reunificationInput = z.object({
  tracingRequestId: uuid,
  personId: uuid,
  borderCrossingId: uuid.nullish(),
  fromCountry: countryCode.nullish(),
  toCountry: countryCode.nullish(),
  date: isoDate,
  partnerId: uuid,
  recordedById: uuid,
  sharedWithIds: uuids,
  idempotencyKey: key,
});

export const reportArgs = z.object({
  areaId: uuid,
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  partnerId: uuid.nullish(),
  item: z.string().max(100, 'must be at most 100 characters').nullish(),
});

export const distributionReportArgs = z.object({
  areaId: uuid,
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  partnerId: uuid.nullish(),
  programmeId: uuid.nullish(),
});

/**
 * Parses `value` with `schema`; the first problem becomes BAD_USER_INPUT naming its dotted path
 * under `prefix` (e.g. `input.items.1.quantity`). Unknown keys pass through untouched.
 */
export function parseInput<T extends z.ZodObject>(schema: T, value: unknown, prefix = 'input'): void {
  parse(schema.loose(), value, prefix);
}

/** Today as `YYYY-MM-DD` in UTC: delivered assistance cannot be dated later. */
const today = (): string => new Date().toISOString().slice(0, 10);

/** Refuses a date after today. */
export function notInFuture(field: string, date: string): void {
  if (date > today()) throw badUserInput(field, `${date} is in the future; record assistance once it has been given`);
}

/** Checks one item: a known item, in a unit and modality it allows, a sensible quantity and currency. */
export function checkItem(
  field: string,
  value: { item: string; unit: string; modality: string; quantity: number; currency?: string | null },
  records = 1,
): void {
  const type = itemType(value.item);
  if (!type) throw badUserInput(`${field}.item`, `"${value.item}" is not a known item; see Query.assistanceItems`);
  if (!type.units.includes(value.unit as (typeof type.units)[number])) {
    throw badUserInput(`${field}.unit`, `${value.item} is counted in ${type.units.join(' or ')}, not ${value.unit}`, { allowed: type.units });
  }
  if (!type.modalities.includes(value.modality as (typeof type.modalities)[number])) {
    throw badUserInput(`${field}.modality`, `${value.item} is given as ${type.modalities.join(' or ')}, not ${value.modality}`, { allowed: type.modalities });
  }
  if (!(value.quantity > 0)) throw badUserInput(`${field}.quantity`, 'must be greater than zero');
  const max = type.maxQuantityPerRecord * records;
  if (value.quantity > max)
    throw badUserInput(`${field}.quantity`, `${value.quantity} ${value.unit} of ${value.item} is more than the ${max} one record may carry`);
  if (value.unit === 'CURRENCY' && !value.currency) throw badUserInput(`${field}.currency`, 'is required when the unit is CURRENCY');
  if (value.unit !== 'CURRENCY' && value.currency) throw badUserInput(`${field}.currency`, `applies only to the CURRENCY unit, not ${value.unit}`);
}

/** A distribution's total of one item: many households' worth at most. */
export const checkDistributionItem = (field: string, value: Parameters<typeof checkItem>[1]) => checkItem(field, value, MAX_RECORDS_PER_DISTRIBUTION);

/** Refuses a date outside a programme's period. */
export function insideProgramme(field: string, date: string, programme: { startDate: Date; endDate: Date | null; name: string }): void {
  const start = asDate(programme.startDate).toISOString().slice(0, 10);
  const end = programme.endDate ? asDate(programme.endDate).toISOString().slice(0, 10) : null;
  if (date < start || (end !== null && date > end)) {
    throw badUserInput(field, `${date} is outside the period of programme "${programme.name}" (${start} to ${end ?? 'open-ended'})`);
  }
}
