import { assertActingAs, keysetOrder, keysetWhere, notFound, readPage, requireId, reviewAsOf, reviewDateChange, toConnection } from '@movement/runtime';
import type { MutationResolvers, QueryResolvers } from './generated/graphql';
import { parse } from './validation';
import { visibleMessagesWhere } from './visibility';

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T/;

/**
 * The messages on the caller's route whose review date is before `asOf`, earliest date first, on
 * the (reviewOn, id) index. The same rows the caller may list with `messages`: retention does not
 * widen what a partner sees.
 */
export const messagesPastReview: QueryResolvers['messagesPastReview'] = async (_root, args, { prisma, principal }) => {
  const page = readPage(args, '', (value) => typeof value === 'string' && isoTimestamp.test(value));
  const asOf = reviewAsOf(args.asOf);
  const rows = await prisma.redCrossMessage.findMany({
    where: { AND: [visibleMessagesWhere(principal), { reviewOn: { lt: new Date(`${asOf}T00:00:00Z`) } }, keysetWhere(page.after, 'reviewOn', 'asc')] },
    orderBy: keysetOrder('reviewOn', 'asc'),
    take: page.limit + 1,
  });
  return toConnection(rows, page, (row) => [row.reviewOn.toISOString(), row.id]);
};

/**
 * Moves a message's review date. Only the partner that recorded it decides how long it is kept
 * (or the ICRC's mandate); partners on its route that carried it do not. The change, with the
 * sender and addressee it is about, goes to the audit trail.
 */
export const setMessageReviewDate: MutationResolvers['setMessageReviewDate'] = async (_root, { input }, context) => {
  const { reviewOn, reason } = parse(reviewDateChange, input);
  const id = requireId(input.messageId, 'input.messageId');
  const message = await context.prisma.redCrossMessage.findFirst({ where: { AND: [{ id }, visibleMessagesWhere(context.principal)] } });
  if (!message) throw notFound('input.messageId', `no message has the id ${input.messageId}.`);
  assertActingAs(context.principal, 'input.messageId', message.recordedById);
  const updated = await context.prisma.redCrossMessage.update({ where: { id }, data: { reviewOn: new Date(`${reviewOn}T00:00:00Z`), reviewReason: reason } });
  context.audit.record({ recordType: 'RedCrossMessage', recordId: id, field: 'reviewOn', personIds: [...new Set([message.senderId, message.addresseeId])] });
  context.logger.info({ messageId: id, reviewOn }, 'message review date moved');
  return updated;
};
