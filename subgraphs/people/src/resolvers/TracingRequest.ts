import type { TracingRequestResolvers } from '../generated/graphql';
import type { TracingRequest as TracingRequestModel } from '../generated/prisma/client';
import { isoDate } from '../dates';
import { loadRequired } from '../loaders';
import { possibleMatches } from '../matching';
import { validate } from '../validation';
import { z } from 'zod';
import { locationRef, organizationRef } from '../references';
import { personThroughRequest } from '../consent/whereabouts';
import { isMinorOn } from '../dates';

/** Tracing requests are listed newest first; the id breaks ties. */
export const byOpenedOn = (request: TracingRequestModel) => [request.openedOn.toISOString(), request.id];

export const TracingRequest: TracingRequestResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.tracingRequest.load(reference.id),
  // The people a visible request is about are shown with it (see visibility.ts).
  enquirer: (request, _args, { loaders }) => loadRequired(loaders.personOfRecord, request.enquirerId, 'Person'),
  soughtPerson: async (request, _args, { loaders, principal }) =>
    personThroughRequest(await loadRequired(loaders.personOfRecord, request.soughtPersonId, 'Person'), request, principal),
  lastSeenAt: (request) => (request.lastSeenAtId ? locationRef(request.lastSeenAtId) : null),
  lastSeenOn: (request) => isoDate(request.lastSeenOn),
  openedOn: (request) => isoDate(request.openedOn),
  locatedPerson: async (request, _args, { loaders, principal }) => {
    const person = request.locatedPersonId ? await loaders.personOfRecord.load(request.locatedPersonId) : null;
    return person && personThroughRequest(person, request, principal);
  },
  consent: async (request, _args, { loaders }) => {
    const person = await loadRequired(loaders.personOfRecord, request.locatedPersonId ?? request.soughtPersonId, 'Person');
    return { ...request, forChild: isMinorOn(new Date(), person.birthDate, person.birthYear) };
  },
  reviewOn: (request) => isoDate(request.reviewOn),
  possibleMatches: (request, args, { prisma, principal }) => {
    const first = validate(z.number().int().min(1, 'must be between 1 and 50').max(50, 'must be between 1 and 50'), args.first ?? 10, 'first');
    // A case no longer searched has nothing to propose.
    if (!['OPEN', 'SEARCHING'].includes(request.status)) return [];
    return possibleMatches(prisma, principal, request, first);
  },
  recordedBy: (request) => organizationRef(request.recordedById),
  sharedWith: (request) => request.sharedWithIds.map(organizationRef),
};
