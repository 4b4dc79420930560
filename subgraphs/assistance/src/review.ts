import {
  assertActingAs,
  keysetOrder,
  keysetWhere,
  notFound,
  parseInput,
  requireId,
  reviewAsOf,
  reviewDateChange,
  toConnection,
  visibleRecordsWhere,
} from '@movement/runtime';
import type { MutationResolvers, QueryResolvers } from './generated/graphql';
import { dateCursor, readDatePage } from './dates';

const before = (asOf: string | null | undefined) => ({ reviewOn: { lt: new Date(`${reviewAsOf(asOf)}T00:00:00Z`) } });

/**
 * Records about people past their review date, earliest first, among those the principal may see
 * one by one: retention does not widen what a partner sees.
 */
export const assistanceRecordsPastReview: QueryResolvers['assistanceRecordsPastReview'] = async (_root, args, { prisma, principal }) => {
  const page = readDatePage(args);
  const rows = await prisma.assistanceRecord.findMany({
    where: { AND: [visibleRecordsWhere(principal), before(args.asOf), keysetWhere(page.after, 'reviewOn', 'asc')] },
    orderBy: keysetOrder('reviewOn', 'asc'),
    take: page.limit + 1,
  });
  return toConnection(rows, page, (row) => dateCursor(row.reviewOn, row.id));
};

export const reunificationSupportPastReview: QueryResolvers['reunificationSupportPastReview'] = async (_root, args, { prisma, principal }) => {
  const page = readDatePage(args);
  const rows = await prisma.reunificationSupport.findMany({
    where: { AND: [visibleRecordsWhere(principal), before(args.asOf), keysetWhere(page.after, 'reviewOn', 'asc')] },
    orderBy: keysetOrder('reviewOn', 'asc'),
    take: page.limit + 1,
  });
  return toConnection(rows, page, (row) => dateCursor(row.reviewOn, row.id));
};

/** The new date and reason of a valid input, and the record's id. */
function readChange(input: { id: string; reviewOn: string; reason: string }) {
  const { reviewOn, reason } = parseInput(reviewDateChange, input);
  return { id: requireId(input.id, 'input.id'), data: { reviewOn: new Date(`${reviewOn}T00:00:00Z`), reviewReason: reason } };
}

/**
 * Moves an assistance record's review date. The record must be visible to the caller (else
 * NOT_FOUND), and only the partner that recorded it decides how long it is kept, or the ICRC's
 * mandate. The change, with the person assisted, goes to the audit trail.
 */
export const setAssistanceRecordReviewDate: MutationResolvers['setAssistanceRecordReviewDate'] = async (_root, { input }, context) => {
  const { id, data } = readChange(input);
  const record = await context.prisma.assistanceRecord.findFirst({ where: { AND: [{ id }, visibleRecordsWhere(context.principal)] } });
  if (!record) throw notFound('input.id', `no AssistanceRecord has the id ${input.id}`);
  assertActingAs(context.principal, 'input.id', record.recordedById);
  const updated = await context.prisma.assistanceRecord.update({ where: { id }, data });
  context.audit.record({ recordType: 'AssistanceRecord', recordId: id, field: 'reviewOn', personIds: [record.beneficiaryId] });
  context.logger.info({ assistanceRecordId: id, reviewOn: input.reviewOn }, 'assistance record review date moved');
  return updated;
};

/** Moves a reunification support's review date: the same rules as an assistance record's. */
export const setReunificationSupportReviewDate: MutationResolvers['setReunificationSupportReviewDate'] = async (_root, { input }, context) => {
  const { id, data } = readChange(input);
  const support = await context.prisma.reunificationSupport.findFirst({ where: { AND: [{ id }, visibleRecordsWhere(context.principal)] } });
  if (!support) throw notFound('input.id', `no ReunificationSupport has the id ${input.id}`);
  assertActingAs(context.principal, 'input.id', support.recordedById);
  const updated = await context.prisma.reunificationSupport.update({ where: { id }, data });
  context.audit.record({ recordType: 'ReunificationSupport', recordId: id, field: 'reviewOn', personIds: [support.personId] });
  context.logger.info({ reunificationSupportId: id, reviewOn: input.reviewOn }, 'reunification support review date moved');
  return updated;
};
