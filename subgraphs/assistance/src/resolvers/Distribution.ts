import type { DistributionResolvers } from '../generated/graphql';
import { isoDate } from '../dates';
import { reference } from '../references';

export const Distribution: DistributionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.distribution.load(ref.id),
  programme: async (distribution, _args, { loaders }) => {
    const programme = await loaders.programme.load(distribution.programmeId);
    // The foreign key guarantees the programme; a miss means the database is inconsistent.
    if (!programme) throw new Error(`Programme ${distribution.programmeId} of distribution ${distribution.id} is missing`);
    return programme;
  },
  location: (distribution) => reference('Location', distribution.locationId),
  date: (distribution) => isoDate(distribution.date),
  partner: (distribution) => reference('Organization', distribution.partnerId),
  recordedBy: (distribution) => reference('Organization', distribution.recordedById),
  items: (distribution, _args, { loaders }) => loaders.distributionItems.load(distribution.id),
};
