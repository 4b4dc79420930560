import type { ReunificationSupportResolvers } from '../generated/graphql';
import { isoDate } from '../dates';
import { reference } from '../references';

export const ReunificationSupport: ReunificationSupportResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.reunificationSupportById.load(ref.id),
  tracingRequest: (support) => reference('TracingRequest', support.tracingRequestId),
  person: (support) => reference('Person', support.personId),
  borderCrossing: (support) => (support.borderCrossingId ? reference('Location', support.borderCrossingId) : null),
  date: (support) => isoDate(support.date),
  partner: (support) => reference('Organization', support.partnerId),
  recordedBy: (support) => reference('Organization', support.recordedById),
  sharedWith: (support) => (support.sharedWithIds ?? []).map((id) => reference('Organization', id)),
  reviewOn: (support) => isoDate(support.reviewOn),
};
