import { toConnection } from '@movement/runtime';
import { byName, readNamePage } from '../child-pages';
import type { OrganizationResolvers } from '../generated/graphql';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.organization.load(reference.id),
  parent: (organization, _args, { loaders }) => (organization.parentId ? loaders.organization.load(organization.parentId) : null),
  places: async (organization, args, { loaders }) => {
    const page = readNamePage(args, 'places');
    const rows = await loaders.placesOperatedBy.load({ parentId: organization.id, page });
    return toConnection(rows, page, byName);
  },
};
