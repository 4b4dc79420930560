import type { FamilyLinkResolvers } from '../generated/graphql';
import { loadRequired } from '../loaders';

export const FamilyLink: FamilyLinkResolvers = {
  person: (link, _args, { loaders }) => loadRequired(loaders.person, link.personId, 'Person'),
  relative: (link, _args, { loaders }) => loadRequired(loaders.person, link.relativeId, 'Person'),
};
