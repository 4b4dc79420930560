import type { DetentionEventResolvers, DetentionNotificationResolvers, RecordForReviewResolvers, TracingConsentResolvers } from '../generated/graphql';
import { isoDate } from '../dates';
import { loadRequired } from '../loaders';
import { locationRef, organizationRef } from '../references';

export const DetentionEvent: DetentionEventResolvers = {
  occurredOn: (event) => isoDate(event.occurredOn),
  place: (event) => locationRef(event.placeId),
  fromPlaceOfDetention: (event) => (event.fromPlaceOfDetentionId ? locationRef(event.fromPlaceOfDetentionId) : null),
  recordedBy: (event) => organizationRef(event.recordedById),
};

export const DetentionNotification: DetentionNotificationResolvers = {
  transmittedOn: (notification) => isoDate(notification.transmittedOn),
  familyInformed: (notification) => notification.familyInformedOn !== null,
  familyInformedOn: (notification) => isoDate(notification.familyInformedOn),
  recordedBy: (notification) => organizationRef(notification.recordedById),
};

export const TracingConsent: TracingConsentResolvers = {
  decision: (request) => request.consent,
  recordedOn: (request) => isoDate(request.consentRecordedOn),
  recordedBy: (request) => (request.consentRecordedById ? organizationRef(request.consentRecordedById) : null),
  bestInterestReason: (request) => request.consentBestInterestReason,
};

export const RecordForReview: RecordForReviewResolvers = {
  reviewOn: (row) => isoDate(row.reviewOn),
  // The record is visible, and sharing a record shares who it is about (see visibility.ts).
  person: (row, _args, { loaders }) => loadRequired(loaders.personOfRecord, row.personId, 'Person'),
};
