import type { MessageStatusChangeResolvers } from '../generated/graphql';
import { locationReference, organizationReference } from '../references';

export const MessageStatusChange: MessageStatusChangeResolvers = {
  at: (change) => change.at.toISOString(),
  partner: (change) => organizationReference(change.partnerId),
  location: (change) => (change.locationId ? locationReference(change.locationId) : null),
};
