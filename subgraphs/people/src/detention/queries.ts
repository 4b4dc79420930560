import { badUserInput, keysetOrder, keysetWhere, readPage, toConnection, visibleRecordsWhere } from '@movement/runtime';
import type { QueryResolvers } from '../generated/graphql';
import type { Prisma } from '../generated/prisma/client';
import type { Context } from '../context';
import { byCaptureDate } from '../resolvers/DetentionRecord';

/** A page of the visible detention records matching `where`, most recent capture first, as `detentionRecords` lists them. */
async function detentionPage(context: Context, args: { first?: number | null; after?: string | null }, where: Prisma.DetentionRecordWhereInput) {
  const page = readPage(args);
  const rows = await context.prisma.detentionRecord.findMany({
    where: { AND: [where, keysetWhere(page.after, 'captureDate', 'desc'), visibleRecordsWhere(context.principal)] },
    orderBy: keysetOrder('captureDate', 'desc'),
    take: page.limit + 1,
  });
  return toConnection(rows, page, byCaptureDate);
}

const MAX_DAYS = 3650;

export const detentionRecordsAwaitingNotification: QueryResolvers['detentionRecordsAwaitingNotification'] = (_root, args, context) => {
  if (!Number.isInteger(args.days) || args.days < 0 || args.days > MAX_DAYS) throw badUserInput('days', `must be between 0 and ${MAX_DAYS}`);
  const capturedBy = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  capturedBy.setUTCDate(capturedBy.getUTCDate() - args.days);
  return detentionPage(context, args, {
    captureDate: { lte: capturedBy },
    notifications: { none: { kind: 'CENTRAL_AGENCY_NOTIFICATION' } },
  });
};

export const detentionRecordsFamilyNotInformed: QueryResolvers['detentionRecordsFamilyNotInformed'] = (_root, args, context) =>
  detentionPage(context, args, { notifications: { none: { familyInformedOn: { not: null } } } });
