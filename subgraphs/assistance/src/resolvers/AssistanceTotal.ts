import type { AssistanceTotalResolvers } from '../generated/graphql';
import { reference } from '../references';

export const AssistanceTotal: AssistanceTotalResolvers = {
  partner: (total) => reference('Organization', total.partnerId),
};
