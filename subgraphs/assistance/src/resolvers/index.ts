import type { Resolvers } from '../generated/graphql';
import { AssistanceProgramme } from './AssistanceProgramme';
import { AssistanceRecord } from './AssistanceRecord';
import { AssistanceReport } from './AssistanceReport';
import { AssistanceTotal } from './AssistanceTotal';
import { Mutation } from './Mutation';
import { Distribution } from './Distribution';
import { Location } from './Location';
import { Person } from './Person';
import { Query } from './Query';
import { ReunificationSupport } from './ReunificationSupport';
import { TracingRequest } from './TracingRequest';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  AssistanceReport,
  AssistanceTotal,
  AssistanceProgramme,
  Distribution,
  AssistanceRecord,
  ReunificationSupport,
  Person,
  Location,
  TracingRequest,
};
