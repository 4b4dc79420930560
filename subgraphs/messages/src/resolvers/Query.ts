import { forbidden, hasScope, requireId, keysetOrder, keysetWhere, mandateScope, readPage, toConnection } from '@movement/runtime';
import type { QueryResolvers } from '../generated/graphql';
import type { Prisma } from '../generated/prisma/client';
import { messageCountsByStatus } from '../message-counts';
import { messageConnection } from '../message-pages';
import { messagesPastReview } from '../review';
import { messageCountsArgs, messagesFilter, messagesWaitingArgs, parse } from '../validation';
import { visibleMessagesWhere } from '../visibility';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Messages on a partner's route: recorded by it, or shared with it. */
const onRoute = (partnerId: string | null | undefined): Prisma.RedCrossMessageWhereInput =>
  partnerId ? { OR: [{ recordedById: partnerId }, { sharedWithIds: { has: partnerId } }] } : {};

export const Query: QueryResolvers = {
  // The loader only fetches visible messages: one off the caller's route is null, as if absent.
  message: (_root, { id }, { loaders }) => loaders.message.load(requireId(id, 'id')),
  messages: async (_root, args, { prisma, principal }) => {
    const page = readPage(args);
    const filter = parse(messagesFilter, args, '');
    const createdAt = { ...(filter.createdFrom ? { gte: filter.createdFrom } : {}), ...(filter.createdBefore ? { lt: filter.createdBefore } : {}) };
    const rows = await prisma.redCrossMessage.findMany({
      where: {
        AND: [
          visibleMessagesWhere(principal),
          args.status ? { status: args.status } : {},
          onRoute(filter.partnerId),
          filter.createdFrom || filter.createdBefore ? { createdAt } : {},
          keysetWhere(page.after, 'createdAt', 'desc'),
        ],
      },
      orderBy: keysetOrder('createdAt', 'desc'),
      take: page.limit + 1,
    });
    return messageConnection(rows, page);
  },
  messageCountsByStatus: async (_root, args, { prisma, principal }) => {
    const { partnerIds } = parse(messageCountsArgs, args, '');
    // A partner's counts describe every message on its route, so only that partner (or the
    // mandate) may read them; refusing rather than filtering keeps the answer's shape honest.
    if (!hasScope(principal, mandateScope)) {
      const others = partnerIds.filter((id) => id !== principal.partnerId?.toLowerCase());
      if (others.length > 0) {
        throw forbidden(
          `partnerIds: the caller may only read the counts of its own partner${principal.partnerId ? ` (${principal.partnerId})` : ''}, not of ${others.join(', ')}.`,
          {
            field: 'partnerIds',
          },
        );
      }
    }
    return messageCountsByStatus(prisma, partnerIds);
  },
  messagesPastReview,
  messagesWaiting: async (_root, args, { prisma, principal }) => {
    const page = readPage(args);
    const { partnerId, olderThanDays } = parse(messagesWaitingArgs, args, '');
    // Longest waiting first, on the (status, statusChangedAt, id) index.
    const rows = await prisma.redCrossMessage.findMany({
      where: {
        AND: [
          visibleMessagesWhere(principal),
          { status: args.status, statusChangedAt: { lt: new Date(Date.now() - olderThanDays * DAY_MS) } },
          onRoute(partnerId),
          keysetWhere(page.after, 'statusChangedAt', 'asc'),
        ],
      },
      orderBy: keysetOrder('statusChangedAt', 'asc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, (row) => [row.statusChangedAt.toISOString(), row.id]);
  },
};
