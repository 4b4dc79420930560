/** `YYYY-MM-DD` of a `@db.Date` column, which Prisma reads as midnight UTC. */
export function isoDate(value: Date): string;
export function isoDate(value: Date | null): string | null;
export function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/**
 * Under 18 on `today`. With only a birth year the person might still be 17 until their birthday,
 * so they count as a minor through the year they turn 18: for child protection, erring towards
 * "minor" is the safe side. Unknown age counts as adult, as nothing suggests otherwise.
 */
export function isMinorOn(today: Date, birthDate: Date | null, birthYear: number | null): boolean {
  if (birthDate) {
    const adulthood = new Date(Date.UTC(birthDate.getUTCFullYear() + 18, birthDate.getUTCMonth(), birthDate.getUTCDate()));
    return today.getTime() < adulthood.getTime();
  }
  if (birthYear !== null) return today.getUTCFullYear() - birthYear <= 18;
  return false;
}

/** The `@db.Date` value of a `YYYY-MM-DD` input: midnight UTC. */
export const dateOf = (value: string): Date => new Date(`${value}T00:00:00Z`);

/** The `@db.Date` value of an optional `YYYY-MM-DD` input; null when it is left out or cleared. */
export const dateOrNull = (value: string | null | undefined): Date | null => (value ? dateOf(value) : null);
