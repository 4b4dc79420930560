import type { PartnerMessageCountsResolvers } from '../generated/graphql';
import { organizationReference } from '../references';

export const PartnerMessageCounts: PartnerMessageCountsResolvers = {
  partner: (counts) => organizationReference(counts.partnerId),
};
