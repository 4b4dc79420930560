import type { AssistanceRecordResolvers } from '../generated/graphql';
import { isoDate } from '../dates';
import { reference } from '../references';

export const AssistanceRecord: AssistanceRecordResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.assistanceRecord.load(ref.id),
  beneficiary: (record) => reference('Person', record.beneficiaryId),
  distribution: (record, _args, { loaders }) => (record.distributionId ? loaders.distribution.load(record.distributionId) : null),
  date: (record) => isoDate(record.date),
  location: (record) => reference('Location', record.locationId),
  partner: (record) => reference('Organization', record.partnerId),
  recordedBy: (record) => reference('Organization', record.recordedById),
  sharedWith: (record) => (record.sharedWithIds ?? []).map((id) => reference('Organization', id)),
  reviewOn: (record) => isoDate(record.reviewOn),
};
