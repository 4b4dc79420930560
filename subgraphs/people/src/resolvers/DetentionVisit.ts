import type { DetentionVisitResolvers } from '../generated/graphql';
import { isoDate } from '../dates';
import { organizationRef } from '../references';

export const DetentionVisit: DetentionVisitResolvers = {
  visitedOn: (visit) => isoDate(visit.visitedOn),
  visitedBy: (visit) => organizationRef(visit.visitedById),
};
