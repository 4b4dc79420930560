import type { TracingRequestResolvers } from '../generated/graphql';
import type { TracingRequest as TracingRequestModel } from '../generated/prisma/client';
import { isoDate } from '../dates';
import { loadRequired } from '../loaders';
import { locationRef, organizationRef } from '../references';

/** Tracing requests are listed newest first; the id breaks ties. */
export const byOpenedOn = (request: TracingRequestModel) => [request.openedOn.toISOString(), request.id];

export const TracingRequest: TracingRequestResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.tracingRequest.load(reference.id),
  enquirer: (request, _args, { loaders }) => loadRequired(loaders.person, request.enquirerId, 'Person'),
  soughtPerson: (request, _args, { loaders }) => loadRequired(loaders.person, request.soughtPersonId, 'Person'),
  lastSeenAt: (request) => (request.lastSeenAtId ? locationRef(request.lastSeenAtId) : null),
  lastSeenOn: (request) => isoDate(request.lastSeenOn),
  openedOn: (request) => isoDate(request.openedOn),
  recordedBy: (request) => organizationRef(request.recordedById),
  sharedWith: (request) => request.sharedWithIds.map(organizationRef),
};
