import type { PersonName, PersonResolvers } from '../generated/graphql';
import { isMinorOn, isoDate } from '../dates';
import type { Person as PersonModel } from '../generated/prisma/client';
import { locationRef, organizationRef } from '../references';

/** People are listed by family name, then given name; the id breaks ties so the keyset is total. */
export const byName = (person: PersonModel) => [person.familyName, person.givenName, person.id];

export const Person: PersonResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.person.load(reference.id),
  fullName: (person) => `${person.givenName} ${person.familyName}`,
  names: (person) => person.names as unknown as PersonName[],
  birthDate: (person) => isoDate(person.birthDate),
  isMinor: (person) => isMinorOn(new Date(), person.birthDate, person.birthYear),
  lastSeenAt: (person) => (person.lastSeenAtId ? locationRef(person.lastSeenAtId) : null),
  lastSeenOn: (person) => isoDate(person.lastSeenOn),
  familyLinks: (person, _args, { loaders }) => loaders.familyLinksOf.load(person.id),
  tracingRequests: (person, _args, { loaders }) => loaders.tracingRequestsSeeking.load(person.id),
  detentionRecords: (person, _args, { loaders }) => loaders.detentionRecordsOf.load(person.id),
  recordedBy: (person) => organizationRef(person.recordedById),
  sharedWith: (person) => person.sharedWithIds.map(organizationRef),
};
