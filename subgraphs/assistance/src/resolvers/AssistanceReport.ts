import type { AssistanceReportResolvers } from '../generated/graphql';
import { reference } from '../references';

export const AssistanceReport: AssistanceReportResolvers = {
  area: (report) => reference('Location', report.areaId),
  totals: (report) => report.totals(),
  records: async (report) => (await report.totals()).reduce((sum, total) => sum + total.records, 0),
  householdsReached: async (report) => (await report.reach()).households,
  personsReached: async (report) => (await report.reach()).persons,
};
