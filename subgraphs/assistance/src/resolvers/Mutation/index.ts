import type { MutationResolvers } from '../../generated/graphql';
import { createAssistanceProgramme } from './createAssistanceProgramme';
import { recordAssistance } from './recordAssistance';
import { recordDistribution } from './recordDistribution';
import { recordReunificationSupport } from './recordReunificationSupport';
import { setAssistanceRecordReviewDate, setReunificationSupportReviewDate } from '../../review';

export const Mutation: MutationResolvers = {
  createAssistanceProgramme,
  recordDistribution,
  recordAssistance,
  recordReunificationSupport,
  setAssistanceRecordReviewDate,
  setReunificationSupportReviewDate,
};
