import type { MutationResolvers } from '../../generated/graphql';
import { recordTracingConsent } from '../../consent/record';
import { recordDetentionEvent } from '../../detention/events';
import { recordDetentionNotification, recordFamilyInformed } from '../../detention/notifications';
import { setReviewDate } from '../../retention/set-review-date';
import { changeTracingStatus } from './changeTracingStatus';
import { confirmPossibleMatch } from './confirmPossibleMatch';
import { linkFamilyMembers } from './linkFamilyMembers';
import { openTracingRequest } from './openTracingRequest';
import { recordAccessRequest } from './recordAccessRequest';
import { recordVisit } from './recordVisit';
import { registerDetention } from './registerDetention';
import { registerPerson } from './registerPerson';
import { rejectPossibleMatch } from './rejectPossibleMatch';
import { updatePerson } from './updatePerson';

/** Every change to people, tracing and detention: one file per mutation. */
export const Mutation: MutationResolvers = {
  registerPerson,
  updatePerson,
  linkFamilyMembers,
  openTracingRequest,
  changeTracingStatus,
  confirmPossibleMatch,
  rejectPossibleMatch,
  registerDetention,
  recordAccessRequest,
  recordVisit,
  recordDetentionEvent,
  recordDetentionNotification,
  recordFamilyInformed,
  recordTracingConsent,
  setReviewDate,
};
