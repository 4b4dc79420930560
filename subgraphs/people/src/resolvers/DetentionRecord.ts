import { readPage, toConnection } from '@movement/runtime';
import type { DetentionRecordResolvers } from '../generated/graphql';
import type { DetentionRecord as DetentionRecordModel } from '../generated/prisma/client';
import { accessHistory } from '../access-history';
import { byVisitedOn } from '../child-pages';
import { isoDate } from '../dates';
import { loadRequired } from '../loaders';
import { locationRef, organizationRef } from '../references';
import { detentionLoaders } from '../detention/loaders';

/** Detention records are listed by most recent capture; the id breaks ties. */
export const byCaptureDate = (record: DetentionRecordModel) => [record.captureDate.toISOString(), record.id];

export const DetentionRecord: DetentionRecordResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.detentionRecord.load(reference.id),
  // The detainee is shown with a visible record (see visibility.ts).
  person: (record, _args, { loaders }) => loadRequired(loaders.personOfRecord, record.personId, 'Person'),
  placeOfDetention: (record) => locationRef(record.placeOfDetentionId),
  captureDate: (record) => isoDate(record.captureDate),
  visits: async (record, args, { loaders }) => {
    const page = readPage(args, 'visits');
    return toConnection(await loaders.visitsOf.load({ parentId: record.id, page }), page, byVisitedOn);
  },
  accessHistory: (record, { first }, context) => accessHistory(context, record.id, first),
  detainingAuthority: (record) => (record.detainingAuthorityId ? organizationRef(record.detainingAuthorityId) : null),
  events: (record, _args, context) => detentionLoaders(context).events.load(record.id),
  notifications: (record, _args, context) => detentionLoaders(context).notifications.load(record.id),
  reviewOn: (record) => isoDate(record.reviewOn),
  recordedBy: (record) => organizationRef(record.recordedById),
  sharedWith: (record) => record.sharedWithIds.map(organizationRef),
};
