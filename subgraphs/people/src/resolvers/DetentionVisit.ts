import type { AccessRequestStepResolvers, DetentionVisitResolvers } from '../generated/graphql';
import { isoDate } from '../dates';
import { detentionLoaders } from '../detention/loaders';
import { loadRequired } from '../loaders';
import { organizationRef } from '../references';

export const DetentionVisit: DetentionVisitResolvers = {
  // A visit is seen with its detention record: one the principal may not see is absent.
  __resolveReference: (reference, context) => detentionLoaders(context).visit.load(reference.id),
  detentionRecord: (visit, _args, { loaders }) => loadRequired(loaders.detentionRecord, visit.detentionRecordId, 'DetentionRecord'),
  visitedOn: (visit) => isoDate(visit.visitedOn),
  visitedBy: (visit) => organizationRef(visit.visitedById),
};

export const AccessRequestStep: AccessRequestStepResolvers = {
  occurredOn: (step) => isoDate(step.occurredOn),
  partner: (step) => organizationRef(step.partnerId),
};
