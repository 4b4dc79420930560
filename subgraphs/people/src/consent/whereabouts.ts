import { forbidden, hasScope, mandateScope, type FieldAt, type Principal } from '@movement/runtime';
import type { Person, TracingRequest } from '../generated/prisma/client';

/**
 * A request's consent decision as `TracingRequest.consent` shows it.
 * @public the resolvers' types are generated with it (codegen.ts mappers).
 */
export type ConsentModel = TracingRequest & { forChild: boolean };

/**
 * Consent before disclosure: once a tracing request has found the person it seeks, their
 * whereabouts reach the enquirer only with that person's consent. The people a request is about
 * are shown through it (see visibility.ts); when the rule holds, the person is handed to the
 * Person resolvers as a copy marked here, and `lastSeenAt` / `lastSeenOn` of that copy are
 * FORBIDDEN with the reason. The person read in any other way is unchanged, so the partner that
 * recorded where the person is keeps seeing its own record.
 */
const withheld = new WeakMap<object, string>();

/** Statuses in which the whereabouts wait for consent: found, or closed (after a refusal or without consent). */
const awaitingConsent = new Set(['LOCATED', 'CLOSED']);

/**
 * Why the whereabouts of the people `request` found are withheld from `principal`, or null when
 * they are not: consent was given, the case is still searched (what is known is the enquirer's
 * own account) or the family is reunited, or the principal holds the ICRC's mandate (the Central
 * Tracing Agency, from which nothing is withheld).
 */
function whereaboutsWithheld(principal: Principal, request: TracingRequest): string | null {
  if (hasScope(principal, mandateScope) || request.consent === 'GIVEN' || !awaitingConsent.has(request.status)) return null;
  if (request.status === 'CLOSED' && request.consent === 'NOT_ASKED' && request.locatedPersonId === null) return null;
  return `the whereabouts of the person located are passed to the enquirer only with their consent (tracing request ${request.reference}: consent ${request.consent})`;
}

/** The person as shown through `request`: marked when their whereabouts are withheld. */
export function personThroughRequest(person: Person, request: TracingRequest, principal: Principal): Person {
  const reason = whereaboutsWithheld(principal, request);
  if (!reason) return person;
  const copy = { ...person };
  withheld.set(copy, reason);
  return copy;
}

/** Throws FORBIDDEN with the reason when `person` came through a request that withholds their whereabouts. */
export function guardWhereabouts(person: Person, field: 'lastSeenAt' | 'lastSeenOn', at?: FieldAt): void {
  const reason = withheld.get(person);
  if (reason) throw forbidden(`Person.${field} is withheld: ${reason}.`, { coordinate: `Person.${field}`, reason: 'CONSENT_REQUIRED' }, at);
}
