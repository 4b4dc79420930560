import { isDeepStrictEqual } from 'node:util';
import type { Principal } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { demoPartnerKeys } from '@movement/launcher';

/**
 * What the side-by-side benchmarks share: the principal they measure as, the statistics of their
 * rounds, and the check that contenders answer the same.
 */

/**
 * A National Society's key: its records and those shared with it, so every list is filtered by
 * ownership, and fields its scopes do not cover are pruned.
 */
export const benchPrincipal: Principal = {
  subject: 'bench-russian-red-cross',
  kind: 'partner',
  partnerId: syntheticId('organization', demoPartnerKeys.russianRedCross.partnerKey),
  scopes: [...demoPartnerKeys.russianRedCross.scopes],
};

/** The value at or below which `p` % of `xs` lie (nearest rank). */
export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
export const median = (xs: number[]) => percentile(xs, 50);

export const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
/** Ratios of the rounds as the tables print them: median (min–max). */
export const ratioRange = (xs: number[]) => `${fmt(median(xs), 2)} (${fmt(Math.min(...xs), 2)}–${fmt(Math.max(...xs), 2)})`;

/** The first path where two answers differ, for the same-data check. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`;
}
