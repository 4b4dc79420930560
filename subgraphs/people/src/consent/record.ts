import { assertActingAs, badUserInput, checkReferences, conflict, uuidPattern, visibleRecordsSql } from '@movement/runtime';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql';
import type { TracingStatus } from '../generated/prisma/client';
import { isMinorOn } from '../dates';
import { validate } from '../validation';
import { notVisible } from '../visibility';

const uuid = z.string().regex(uuidPattern, 'must be a UUID');
const consentSchema = z
  .object({
    tracingRequestId: uuid,
    bestInterestReason: z.string().trim().min(1, 'must have at least 1 character(s)').max(500, 'must have at most 500 characters').nullish(),
    recordedById: uuid,
  })
  .passthrough();

/** The reason an adult's refusal closes the case with. */
export const refusalReason = 'The person located did not consent to their whereabouts being passed to the enquirer; only a message may be relayed.';

export const recordTracingConsent: MutationResolvers['recordTracingConsent'] = async (_root, { input }, context) => {
  validate(consentSchema, input, 'input');
  if (input.decision === 'NOT_ASKED') throw badUserInput('input.decision', 'must be GIVEN, REFUSED or NOT_POSSIBLE: every request starts NOT_ASKED');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  await checkReferences(context.peers, { Organization: { 'input.recordedById': input.recordedById } });
  return context.prisma.$transaction(async (tx) => {
    // Locks the request so a decision and a status change cannot cross; a request the principal
    // may not see is answered as absent.
    const visible = visibleRecordsSql(context.principal, 't', 2);
    const [request] = await tx.$queryRawUnsafe<Array<{ status: TracingStatus; soughtPersonId: string; locatedPersonId: string | null }>>(
      `SELECT t."status", t."soughtPersonId", t."locatedPersonId" FROM "people"."TracingRequest" t WHERE t."id" = $1::uuid AND ${visible.sql} FOR UPDATE`,
      input.tracingRequestId,
      ...visible.params,
    );
    if (!request) throw notVisible('input.tracingRequestId', 'TracingRequest', input.tracingRequestId);
    if (request.status !== 'LOCATED') {
      throw conflict(`Consent is asked of a person located; the request is ${request.status}.`, { allowed: [], current: request.status });
    }
    const person = await tx.person.findUniqueOrThrow({
      where: { id: request.locatedPersonId ?? request.soughtPersonId },
      select: { birthDate: true, birthYear: true },
    });
    const child = isMinorOn(new Date(), person.birthDate, person.birthYear);
    const reason = input.bestInterestReason?.trim() || null;
    if (child && !reason)
      throw badUserInput('input.bestInterestReason', "is required: for a child the decision is taken in the child's best interest, with the reason recorded");
    if (!child && reason) throw badUserInput('input.bestInterestReason', 'is only for a child; an adult decides for themselves');
    // An adult's refusal ends the search for the enquirer; a child's case stays open for the child's sake.
    const closes = input.decision === 'REFUSED' && !child;
    context.logger.info({ tracingRequestId: input.tracingRequestId, decision: input.decision, child }, 'consent recorded');
    return tx.tracingRequest.update({
      where: { id: input.tracingRequestId },
      data: {
        consent: input.decision,
        consentRecordedOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
        consentRecordedById: input.recordedById,
        consentBestInterestReason: reason,
        ...(closes ? { status: 'CLOSED', closedReason: refusalReason } : {}),
      },
    });
  });
};
