import type { MutationResolvers } from '../generated/graphql';
import { recordAccessRequest, recordVisit, registerDetention } from './Mutation/detention';
import { linkFamilyMembers, registerPerson, updatePerson } from './Mutation/people';
import { changeTracingStatus, confirmPossibleMatch, openTracingRequest, rejectPossibleMatch } from './Mutation/tracing';
import { recordTracingConsent } from '../consent/record';
import { setReviewDate } from '../retention/set-review-date';
import { recordDetentionEvent } from '../detention/events';
import { recordDetentionNotification, recordFamilyInformed } from '../detention/notifications';

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
