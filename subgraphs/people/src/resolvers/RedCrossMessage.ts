import type { RedCrossMessageResolvers } from '../generated/graphql';
import { detentionLoaders } from '../detention/loaders';

export const RedCrossMessage: RedCrossMessageResolvers = {
  // The messages subgraph has already decided that the caller sees the message; what it names
  // here is looked up under this subgraph's own rule, so a record off the caller's view is null.
  __resolveReference: (reference) => reference,
  detentionRecord: (message, _args, { loaders }) => (message.detentionRecordId ? loaders.detentionRecord.load(message.detentionRecordId) : null),
  collectedDuringVisit: (message, _args, context) =>
    message.collectedDuringVisitId ? detentionLoaders(context).visit.load(message.collectedDuringVisitId) : null,
  deliveredDuringVisit: (message, _args, context) =>
    message.deliveredDuringVisitId ? detentionLoaders(context).visit.load(message.deliveredDuringVisitId) : null,
};
