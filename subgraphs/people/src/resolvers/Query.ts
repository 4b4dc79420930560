import { keysetOrder, keysetOrderColumns, keysetWhere, keysetWhereColumns, readPage, toConnection } from '@movement/runtime';
import type { QueryResolvers } from '../generated/graphql';
import { byCaptureDate } from './DetentionRecord';
import { byName } from './Person';
import { byOpenedOn } from './TracingRequest';

const nameOrder = ['familyName', 'givenName', 'id'];

export const Query: QueryResolvers = {
  person: (_root, { id }, { loaders }) => loaders.person.load(id),
  people: async (_root, args, { prisma }) => {
    const page = readPage(args);
    const rows = await prisma.person.findMany({
      where: { ...(args.status ? { status: args.status } : {}), ...keysetWhereColumns(page.after, nameOrder, 'asc') },
      orderBy: keysetOrderColumns(nameOrder, 'asc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byName);
  },
  tracingRequest: (_root, { id }, { loaders }) => loaders.tracingRequest.load(id),
  tracingRequests: async (_root, args, { prisma }) => {
    const page = readPage(args);
    const rows = await prisma.tracingRequest.findMany({
      where: { ...(args.status ? { status: args.status } : {}), ...keysetWhere(page.after, 'openedOn', 'desc') },
      orderBy: keysetOrder('openedOn', 'desc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byOpenedOn);
  },
  detentionRecord: (_root, { id }, { loaders }) => loaders.detentionRecord.load(id),
  detentionRecords: async (_root, args, { prisma }) => {
    const page = readPage(args);
    const rows = await prisma.detentionRecord.findMany({
      where: { ...(args.placeOfDetentionId ? { placeOfDetentionId: args.placeOfDetentionId } : {}), ...keysetWhere(page.after, 'captureDate', 'desc') },
      orderBy: keysetOrder('captureDate', 'desc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byCaptureDate);
  },
};
