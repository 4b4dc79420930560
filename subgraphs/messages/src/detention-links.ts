import { badUserInput, forbidden, hasScope, peerEntities } from '@movement/runtime';
import type { Context } from './context';

/** A visit as the people subgraph answers it: its detention record and the detainee. */
interface VisitAnswer {
  detentionRecord: { id: string; person: { id: string } | null };
}

interface RecordAnswer {
  person: { id: string } | null;
}

/**
 * Linking a message to a detention reveals that a person is detained: only a principal that may
 * read detention records may do it (FORBIDDEN naming the field otherwise). Checked before anything
 * is read, like the acting partner.
 */
export function assertMayLinkDetention(context: Context, input: { detentionRecordId?: string | null; visitId?: string | null }): void {
  if (input.visitId) mayLink(context, 'input.visitId');
  if (input.detentionRecordId) mayLink(context, 'input.detentionRecordId');
}

function mayLink(context: Context, field: string): void {
  if (!hasScope(context.principal, 'detention:read')) throw forbidden(`${field}: linking a message to a detention needs detention:read.`, { field });
}

/**
 * Checks, with the people subgraph, the detention record and the visit a collected message names,
 * and that the detainee is the one writing it (a visit) or writing or receiving it (a record):
 * BAD_USER_INPUT on the field otherwise, and for a record or visit the principal may not see.
 * A visit implies its record. Returns the ids to store.
 */
export async function collectedInDetention(
  context: Context,
  input: { senderId: string; addresseeId: string; detentionRecordId?: string | null; visitId?: string | null },
): Promise<{ detentionRecordId: string | null; collectedDuringVisitId: string | null }> {
  let detentionRecordId = input.detentionRecordId ?? null;
  if (input.visitId) {
    mayLink(context, 'input.visitId');
    const visit = await visitOf(context, 'input.visitId', input.visitId);
    if (visit.detentionRecord.person?.id !== input.senderId) throw badUserInput('input.visitId', 'is a visit to another person than the sender');
    if (detentionRecordId && detentionRecordId !== visit.detentionRecord.id) throw badUserInput('input.detentionRecordId', 'is not the record of the visit');
    detentionRecordId = visit.detentionRecord.id;
  } else if (detentionRecordId) {
    mayLink(context, 'input.detentionRecordId');
    const [record] = await peerEntities<RecordAnswer>(context.peers.people, 'DetentionRecord', [detentionRecordId], 'person { id }');
    if (!record) throw badUserInput('input.detentionRecordId', `no DetentionRecord has the id ${detentionRecordId}`);
    if (![input.senderId, input.addresseeId].includes(record.person?.id ?? '')) {
      throw badUserInput('input.detentionRecordId', 'is the record of another person than the sender or the addressee');
    }
  }
  return { detentionRecordId, collectedDuringVisitId: input.visitId ?? null };
}

/** Checks the visit a delivery names: a visit to the message's addressee. */
export async function deliveredInDetention(context: Context, addresseeId: string, visitId: string): Promise<void> {
  mayLink(context, 'input.visitId');
  const visit = await visitOf(context, 'input.visitId', visitId);
  if (visit.detentionRecord.person?.id !== addresseeId) throw badUserInput('input.visitId', 'is a visit to another person than the addressee');
}

async function visitOf(context: Context, field: string, id: string): Promise<VisitAnswer> {
  const [visit] = await peerEntities<VisitAnswer>(context.peers.people, 'DetentionVisit', [id], 'detentionRecord { id person { id } }');
  if (!visit) throw badUserInput(field, `no DetentionVisit has the id ${id}`);
  return visit;
}
