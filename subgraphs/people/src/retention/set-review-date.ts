import { assertActingAs, forbidden, hasScope, requireId, reviewDateChange, visibleRecordsWhere } from '@movement/runtime';
import type { MutationResolvers, ReviewedRecordType } from '../generated/graphql';
import { validate } from '../validation';
import { notVisible } from '../visibility';
import type { ReviewRow } from './review';

/** What the review-date change writes, on each kind of record. */
const change = (reviewOn: string, reason: string) => ({ reviewOn: new Date(`${reviewOn}T00:00:00Z`), reviewReason: reason });
const typename: Record<ReviewedRecordType, string> = { PERSON: 'Person', TRACING_REQUEST: 'TracingRequest', DETENTION_RECORD: 'DetentionRecord' };

/**
 * Moves the review date of a record about a person. The record must be visible to the caller
 * (else NOT_FOUND, as for any record it may not see), and only the partner that recorded it may
 * move it, or the ICRC's mandate: a partner the record is only shared with does not decide how long
 * it is kept. The change, with the people the record is about, goes to the audit trail.
 */
export const setReviewDate: MutationResolvers['setReviewDate'] = async (_root, { input }, context) => {
  const { reviewOn, reason } = validate(reviewDateChange, input, 'input');
  requireId(input.id, 'input.id');
  const { prisma, principal } = context;
  if (input.recordType === 'DETENTION_RECORD' && !(hasScope(principal, 'detention:write') && hasScope(principal, 'detention:read'))) {
    throw forbidden("A detention record's review date needs detention:write and detention:read.", { field: 'input.recordType' });
  }
  const where = { AND: [{ id: input.id }, visibleRecordsWhere(principal)] };
  const found = await (input.recordType === 'PERSON'
    ? prisma.person.findFirst({ where, select: { recordedById: true } })
    : input.recordType === 'TRACING_REQUEST'
      ? prisma.tracingRequest.findFirst({ where, select: { recordedById: true } })
      : prisma.detentionRecord.findFirst({ where, select: { recordedById: true } }));
  if (!found) throw notVisible('input.id', typename[input.recordType], input.id);
  assertActingAs(principal, 'input.id', found.recordedById);
  const data = change(reviewOn, reason);
  let row: ReviewRow;
  let personIds: string[];
  if (input.recordType === 'PERSON') {
    const person = await prisma.person.update({ where: { id: input.id }, data });
    row = {
      recordType: 'PERSON',
      id: person.id,
      reviewOn: person.reviewOn,
      reviewReason: person.reviewReason,
      closed: person.anonymisedOn !== null,
      personId: person.id,
    };
    personIds = [person.id];
  } else if (input.recordType === 'TRACING_REQUEST') {
    const request = await prisma.tracingRequest.update({ where: { id: input.id }, data });
    row = {
      recordType: 'TRACING_REQUEST',
      id: request.id,
      reviewOn: request.reviewOn,
      reviewReason: request.reviewReason,
      closed: request.status === 'REUNITED' || request.status === 'CLOSED',
      personId: request.soughtPersonId,
    };
    personIds = [request.enquirerId, request.soughtPersonId, ...(request.locatedPersonId ? [request.locatedPersonId] : [])];
  } else {
    const record = await prisma.detentionRecord.update({ where: { id: input.id }, data });
    row = {
      recordType: 'DETENTION_RECORD',
      id: record.id,
      reviewOn: record.reviewOn,
      reviewReason: record.reviewReason,
      closed: record.custodyStatus !== 'IN_CUSTODY',
      personId: record.personId,
    };
    personIds = [record.personId];
  }
  context.audit.record({ recordType: typename[input.recordType], recordId: row.id, field: 'reviewOn', personIds: [...new Set(personIds)] });
  context.logger.info({ recordType: input.recordType, recordId: row.id, reviewOn }, 'review date moved');
  return row;
};
