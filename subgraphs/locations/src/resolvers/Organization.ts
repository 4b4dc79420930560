import type { OrganizationResolvers } from '../generated/graphql';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.organization.load(reference.id),
  parent: (organization, _args, { loaders }) => (organization.parentId ? loaders.organization.load(organization.parentId) : null),
  places: (organization, _args, { loaders }) => loaders.placesOperatedBy.load(organization.id),
};
