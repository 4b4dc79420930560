import type { FamilyLinkResolvers } from '../generated/graphql';
import { loadRequired } from '../loaders';

export const FamilyLink: FamilyLinkResolvers = {
  // A link is only reached from its person, and only links to relatives the principal may see
  // are loaded (see loaders.ts), so both ends are already known to be shown.
  person: (link, _args, { loaders }) => loadRequired(loaders.personOfRecord, link.personId, 'Person'),
  relative: (link, _args, { loaders }) => loadRequired(loaders.personOfRecord, link.relativeId, 'Person'),
};
