import { badUserInput, visibleRecordsWhere } from '@movement/runtime';
import type { Context } from './context';
import { uuidSchema, validate } from './validation';
import { checkPeople, notVisible } from './visibility';

/** Loads the request for a match decision, refusing one whose case is no longer searched. */
export async function openRequest(context: Context, tracingRequestId: string, personId: string) {
  validate(uuidSchema, tracingRequestId, 'tracingRequestId');
  validate(uuidSchema, personId, 'personId');
  const request = await context.prisma.tracingRequest.findFirst({ where: { AND: [{ id: tracingRequestId }, visibleRecordsWhere(context.principal)] } });
  if (!request) throw notVisible('tracingRequestId', 'TracingRequest', tracingRequestId);
  await checkPeople(context, [{ field: 'personId', id: personId }]);
  if (personId === request.enquirerId || personId === request.soughtPersonId) {
    throw badUserInput('personId', 'must be a candidate, not the enquirer or the record of the sought person');
  }
  return request;
}
