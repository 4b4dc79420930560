import type { RedCrossMessageResolvers } from '../generated/graphql';
import { organizationReference, personReference } from '../references';
import { routeOf } from '../visibility';

export const RedCrossMessage: RedCrossMessageResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.message.load(reference.id),
  sender: (message) => personReference(message.senderId),
  addressee: (message) => personReference(message.addresseeId),
  statusHistory: (message, _args, { loaders }) => loaders.statusHistory.load(message.id),
  collectingPartner: (message) => organizationReference(message.collectingPartnerId),
  deliveringPartner: (message) => (message.deliveringPartnerId ? organizationReference(message.deliveringPartnerId) : null),
  inReplyTo: (message, _args, { loaders }) => (message.inReplyToId ? loaders.message.load(message.inReplyToId) : null),
  replies: (message, _args, { loaders }) => loaders.replies.load(message.id),
  createdAt: (message) => message.createdAt.toISOString(),
  recordedBy: (message) => organizationReference(message.recordedById),
  sharedWith: (message) => message.sharedWithIds.map(organizationReference),
  route: (message) => routeOf(message).map(organizationReference),
  statusChangedAt: (message) => message.statusChangedAt.toISOString(),
};
