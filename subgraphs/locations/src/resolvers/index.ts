import type { Resolvers } from '../generated/graphql';
import { BorderCrossing, BorderCrossingPeriod } from './BorderCrossing';
import { Location } from './Location';
import { Organization } from './Organization';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Location, Organization, BorderCrossing, BorderCrossingPeriod };
