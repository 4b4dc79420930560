import type { BorderCrossingPeriodResolvers, BorderCrossingResolvers } from '../generated/graphql';
import { crossingState, isoDay } from '../crossings';

export const BorderCrossing: BorderCrossingResolvers = {
  countries: (crossing) => crossing.countryCodes,
  periods: (crossing) => crossing.periods,
  stateOn: (crossing, { date, towards }) => crossingState(crossing, date, towards),
  checkedOn: (crossing) => isoDay(crossing.checkedOn),
};

export const BorderCrossingPeriod: BorderCrossingPeriodResolvers = {
  from: (period) => isoDay(period.fromDate),
  until: (period) => (period.untilDate ? isoDay(period.untilDate) : null),
  towards: (period) => period.towardsCountry,
};
