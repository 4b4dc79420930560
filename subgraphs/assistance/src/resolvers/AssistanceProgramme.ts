import { toConnection } from '@movement/runtime';
import type { AssistanceProgrammeResolvers } from '../generated/graphql';
import { dateCursor, isoDate, readDatePage } from '../dates';
import { reference } from '../references';

export const AssistanceProgramme: AssistanceProgrammeResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.programme.load(ref.id),
  partner: (programme) => reference('Organization', programme.partnerId),
  startDate: (programme) => isoDate(programme.startDate),
  endDate: (programme) => (programme.endDate ? isoDate(programme.endDate) : null),
  targetAreas: (programme) => programme.targetAreaIds.map((id) => reference('Location', id)),
  distributions: async (programme, args, { loaders }) => {
    const page = readDatePage(args, 'distributions');
    const rows = await loaders.distributionsOfProgramme.load({ parentId: programme.id, page });
    return toConnection(rows, page, (row) => dateCursor(row.date, row.id));
  },
};
