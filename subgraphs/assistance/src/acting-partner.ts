import { forbidden, hasScope, mandateScope, type Principal } from '@movement/runtime';

/**
 * A partner records only as itself: every input field naming the partner that gave, carried out or
 * recorded something must be the principal's own partner, unless the principal holds the ICRC's
 * mandate (which records on behalf of others, e.g. when a National Society's paper forms are
 * entered centrally). Checked before anything is read or written, so a refusal writes nothing and
 * an idempotency key can never hand back another partner's record.
 */
export function requireActingPartner(principal: Principal, fields: Record<string, string>): void {
  if (hasScope(principal, mandateScope)) return;
  for (const [field, partnerId] of Object.entries(fields)) {
    if (principal.partnerId === null || partnerId !== principal.partnerId) {
      const actingFor = principal.partnerId === null ? 'no partner' : `partner ${principal.partnerId}`;
      throw forbidden(`${field}: you act for ${actingFor} and may not record as partner ${partnerId}.`, { field });
    }
  }
}
