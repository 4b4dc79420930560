import { keysetOrder, keysetWhere, requireId, toConnection } from '@movement/runtime';
import type { QueryResolvers } from '../generated/graphql';
import { byName, readNamePage } from '../child-pages';

export const Query: QueryResolvers = {
  location: (_root, { id }, { loaders }) => loaders.location.load(requireId(id, 'id')),
  locationByPcode: (_root, { pcode }, { prisma }) => prisma.location.findUnique({ where: { pcode } }),
  locations: async (_root, args, { prisma }) => {
    const page = readNamePage(args);
    const parentId = args.parentId != null ? requireId(args.parentId, 'parentId') : null;
    const rows = await prisma.location.findMany({
      where: {
        ...(args.type ? { type: args.type } : {}),
        ...(parentId ? { parentId } : {}),
        ...keysetWhere(page.after, 'name', 'asc'),
      },
      orderBy: keysetOrder('name', 'asc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byName);
  },
  organization: (_root, { id }, { loaders }) => loaders.organization.load(requireId(id, 'id')),
  organizations: async (_root, args, { prisma }) => {
    const page = readNamePage(args);
    const rows = await prisma.organization.findMany({
      where: { ...(args.type ? { type: args.type } : {}), ...keysetWhere(page.after, 'name', 'asc') },
      orderBy: keysetOrder('name', 'asc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, (row) => [row.name, row.id]);
  },
};
