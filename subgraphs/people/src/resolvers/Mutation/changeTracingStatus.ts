import { badUserInput, visibleRecordsSql } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import type { TracingStatus } from '../../generated/prisma/client';
import { assertTransition, tracingTransitions } from '../../lifecycle';
import { closedReasonSchema, uuidSchema, validate } from '../../validation';
import { notVisible } from '../../visibility';

export const changeTracingStatus: MutationResolvers['changeTracingStatus'] = async (_root, { id, status, closedReason }, context) => {
  validate(uuidSchema, id, 'id');
  if (status === 'CLOSED') validate(closedReasonSchema, closedReason ?? '', 'closedReason');
  else if (closedReason != null) throw badUserInput('closedReason', 'is only given when the status is CLOSED');
  return context.prisma.$transaction(async (tx) => {
    // Locks the row so two caseworkers moving the same case cannot both pass the check; a request
    // the principal may not see is answered as absent.
    const visible = visibleRecordsSql(context.principal, 't', 2);
    const [current] = await tx.$queryRawUnsafe<Array<{ status: TracingStatus }>>(
      `SELECT t."status" FROM "people"."TracingRequest" t WHERE t."id" = $1::uuid AND ${visible.sql} FOR UPDATE`,
      id,
      ...visible.params,
    );
    if (!current) throw notVisible('id', 'TracingRequest', id);
    assertTransition('The tracing request', tracingTransitions, current.status, status);
    return tx.tracingRequest.update({ where: { id }, data: { status, closedReason: status === 'CLOSED' ? closedReason!.trim() : null } });
  });
};
