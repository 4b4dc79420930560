import { keysetOrder, keysetWhere, readPage, toConnection } from '@movement/runtime';
import type { QueryResolvers } from '../generated/graphql';
import { byName } from './Location';

export const Query: QueryResolvers = {
  location: (_root, { id }, { loaders }) => loaders.location.load(id),
  locationByPcode: (_root, { pcode }, { prisma }) => prisma.location.findUnique({ where: { pcode } }),
  locations: async (_root, args, { prisma }) => {
    const page = readPage(args);
    const rows = await prisma.location.findMany({
      where: {
        ...(args.type ? { type: args.type } : {}),
        ...(args.parentId ? { parentId: args.parentId } : {}),
        ...keysetWhere(page.after, 'name', 'asc'),
      },
      orderBy: keysetOrder('name', 'asc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byName);
  },
  organization: (_root, { id }, { loaders }) => loaders.organization.load(id),
  organizations: async (_root, args, { prisma }) => {
    const page = readPage(args);
    const rows = await prisma.organization.findMany({
      where: { ...(args.type ? { type: args.type } : {}), ...keysetWhere(page.after, 'name', 'asc') },
      orderBy: keysetOrder('name', 'asc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, (row) => [row.name, row.id]);
  },
};
