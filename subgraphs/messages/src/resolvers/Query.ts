import { keysetOrder, keysetWhere, readPage } from '@movement/runtime';
import type { QueryResolvers } from '../generated/graphql';
import { messageConnection } from '../message-pages';

export const Query: QueryResolvers = {
  message: (_root, { id }, { loaders }) => loaders.message.load(id),
  messages: async (_root, args, { prisma }) => {
    const page = readPage(args);
    const rows = await prisma.redCrossMessage.findMany({
      where: { ...(args.status ? { status: args.status } : {}), ...keysetWhere(page.after, 'createdAt', 'desc') },
      orderBy: keysetOrder('createdAt', 'desc'),
      take: page.limit + 1,
    });
    return messageConnection(rows, page);
  },
};
