import type { AccessRequestStepResolvers, DetentionVisitResolvers } from '../generated/graphql';
import { isoDate } from '../dates';
import { organizationRef } from '../references';

export const DetentionVisit: DetentionVisitResolvers = {
  visitedOn: (visit) => isoDate(visit.visitedOn),
  visitedBy: (visit) => organizationRef(visit.visitedById),
};

export const AccessRequestStep: AccessRequestStepResolvers = {
  occurredOn: (step) => isoDate(step.occurredOn),
  partner: (step) => organizationRef(step.partnerId),
};
