import { forbidden, readPage } from '@movement/runtime';
import type { RedCrossMessageResolvers } from '../generated/graphql';
import { messageConnection } from '../message-pages';
import { organizationReference, personReference } from '../references';
import { messageAccess, routeOf } from '../visibility';

export const RedCrossMessage: RedCrossMessageResolvers = {
  // The loader only fetches visible messages, so `_entities` answers null for one off the route.
  __resolveReference: (reference, { loaders }) => loaders.message.load(reference.id),
  sender: (message) => personReference(message.senderId),
  addressee: (message) => personReference(message.addresseeId),
  // The family's words: @requiresScopes checks the scope; both the scope and the route are checked again
  // here so that no path that ever yields a message off the caller's route can hand out its text.
  content: (message, _args, { principal }) => {
    if (!messageAccess(message, principal).content) {
      throw forbidden(`RedCrossMessage.content: only partners on the route of ${message.reference} with the content scope may read it.`, {
        coordinate: 'RedCrossMessage.content',
      });
    }
    return message.content;
  },
  statusHistory: (message, _args, { loaders }) => loaders.statusHistory.load(message.id),
  collectingPartner: (message) => organizationReference(message.collectingPartnerId),
  deliveringPartner: (message) => (message.deliveringPartnerId ? organizationReference(message.deliveringPartnerId) : null),
  inReplyTo: (message, _args, { loaders }) => (message.inReplyToId ? loaders.message.load(message.inReplyToId) : null),
  replies: async (message, args, { loaders }) => {
    const page = readPage(args, 'replies');
    return messageConnection(await loaders.replies.load({ parentId: message.id, page }), page);
  },
  createdAt: (message) => message.createdAt.toISOString(),
  recordedBy: (message) => organizationReference(message.recordedById),
  sharedWith: (message) => message.sharedWithIds.map(organizationReference),
  route: (message) => routeOf(message).map(organizationReference),
  statusChangedAt: (message) => message.statusChangedAt.toISOString(),
  reviewOn: (message) => message.reviewOn.toISOString().slice(0, 10),
};
