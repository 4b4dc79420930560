import { badUserInput, keysetOrder, keysetWhere, requireId, toConnection } from '@movement/runtime';
import { assistanceRecordsPastReview, reunificationSupportPastReview } from '../review';
import type { QueryResolvers } from '../generated/graphql';
import { dateCursor, readDatePage } from '../dates';
import { itemTypes } from '../items';
import { distributionReport } from '../distribution-report';
import { assistanceReport } from '../report';
import { distributionReportArgs, parseInput, reportArgs } from '../validation';

export const Query: QueryResolvers = {
  assistanceRecordsPastReview,
  reunificationSupportPastReview,
  programme: (_root, { id }, { loaders }) => loaders.programme.load(requireId(id, 'id')),
  programmes: async (_root, args, { prisma }) => {
    const page = readDatePage(args);
    const rows = await prisma.assistanceProgramme.findMany({
      where: { ...(args.sector ? { sector: args.sector } : {}), ...keysetWhere(page.after, 'startDate', 'desc') },
      orderBy: keysetOrder('startDate', 'desc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, (row) => dateCursor(row.startDate, row.id));
  },
  distribution: (_root, { id }, { loaders }) => loaders.distribution.load(requireId(id, 'id')),
  assistanceRecord: (_root, { id }, { loaders }) => loaders.assistanceRecord.load(requireId(id, 'id')),
  assistanceReport: (_root, args, { prisma }) => {
    parseInput(reportArgs, args, '');
    if (args.from && args.to && args.to < args.from) throw badUserInput('to', `must not be before from ${args.from}`);
    return assistanceReport(prisma, args);
  },
  distributionReport: (_root, args, { prisma }) => {
    parseInput(distributionReportArgs, args, '');
    if (args.from && args.to && args.to < args.from) throw badUserInput('to', `must not be before from ${args.from}`);
    return distributionReport(prisma, args);
  },
  assistanceItems: () => itemTypes,
};
