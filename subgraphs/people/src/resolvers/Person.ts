import { forbidden, hasScope, notVisibleOnItsOwn, readPage, toConnection, type FieldAt } from '@movement/runtime';
import type { Context } from '../context';
import type { PersonName, PersonResolvers } from '../generated/graphql';
import { byCaptureDay, byOpenedOnDate, byRelationship } from '../child-pages';
import { isMinorOn, isoDate } from '../dates';
import type { Person as PersonModel } from '../generated/prisma/client';
import { locationRef, organizationRef } from '../references';
import { guardWhereabouts } from '../consent/whereabouts';

/** People are listed by family name, then given name; the id breaks ties so the keyset is total. */
export const byName = (person: PersonModel) => [person.familyName, person.givenName, person.id];

/** A page of a list: reading an empty one discloses nothing, so it is not audited. */
const isConnection = (value: unknown): value is { edges: unknown[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { edges?: unknown }).edges);

/** The scope a child's identifying and locating fields need. */
const childScope = 'people:read:sensitive';

/**
 * Special protection of children: for a minor, the fields that identify or locate the child are
 * sensitive, a rule that depends on the row, so `@requiresScopes` cannot express it. Without
 * `people:read:sensitive` the field is null with FORBIDDEN at its path; with it, the read is
 * recorded in the audit trail like every sensitive read. An adult's fields answer as usual.
 */
async function childField<T>(person: PersonModel, field: string, context: Context, at: FieldAt, read: () => T | Promise<T>): Promise<T> {
  if (!isMinorOn(new Date(), person.birthDate, person.birthYear)) return read();
  if (!hasScope(context.principal, childScope)) {
    throw forbidden(`Person.${field} of a child requires ${childScope}.`, { coordinate: `Person.${field}` }, at);
  }
  const value = await read();
  const empty = value === null || value === undefined || (isConnection(value) && value.edges.length === 0);
  if (!empty) context.audit.record({ recordType: 'Person', recordId: person.id, field, personIds: [person.id] });
  return value;
}

export const Person: PersonResolvers = {
  // Another subgraph names a person only from a record the caller may see (the gateway gives it
  // the caller's records only): the reference shows the person, in the identity-only view when
  // they are not visible on their own (see server.ts), never null as if the record named nobody.
  __resolveReference: (reference, { loaders }) => loaders.personOfRecord.load(reference.id),
  fullName: (person) => `${person.givenName} ${person.familyName}`,
  names: (person) => person.names as unknown as PersonName[],
  birthDate: (person, _args, context, info) => childField(person, 'birthDate', context, info, () => isoDate(person.birthDate)),
  isMinor: (person) => isMinorOn(new Date(), person.birthDate, person.birthYear),
  lastSeenAt: (person, _args, context, info) => {
    guardWhereabouts(person, 'lastSeenAt', info);
    return childField(person, 'lastSeenAt', context, info, () => (person.lastSeenAtId ? locationRef(person.lastSeenAtId) : null));
  },
  lastSeenOn: (person, _args, context, info) => {
    guardWhereabouts(person, 'lastSeenOn', info);
    return childField(person, 'lastSeenOn', context, info, () => isoDate(person.lastSeenOn));
  },
  familyLinks: (person, args, context, info) => {
    const page = readPage(args, 'familyLinks');
    return childField(person, 'familyLinks', context, info, async () =>
      toConnection(await context.loaders.familyLinksOf.load({ parentId: person.id, page }), page, byRelationship),
    );
  },
  tracingRequests: async (person, args, { loaders }) => {
    const page = readPage(args, 'tracingRequests');
    return toConnection(await loaders.tracingRequestsSeeking.load({ parentId: person.id, page }), page, byOpenedOnDate);
  },
  detentionRecords: async (person, args, { loaders }) => {
    const page = readPage(args, 'detentionRecords');
    return toConnection(await loaders.detentionRecordsOf.load({ parentId: person.id, page }), page, byCaptureDay);
  },
  recordedBy: (person) => organizationRef(person.recordedById),
  sharedWith: (person) => person.sharedWithIds.map(organizationRef),
  identityOnly: (person, _args, context) => notVisibleOnItsOwn(person, context),
  reviewOn: (person) => isoDate(person.reviewOn),
  anonymised: (person) => person.anonymisedOn !== null,
};
