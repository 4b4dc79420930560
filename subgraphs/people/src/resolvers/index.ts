import type { Resolvers } from '../generated/graphql';
import { DetentionEvent, DetentionNotification, RecordForReview, TracingConsent } from './Casework';
import { DetentionRecord } from './DetentionRecord';
import { AccessRequestStep, DetentionVisit } from './DetentionVisit';
import { FamilyLink } from './FamilyLink';
import { Location } from './Location';
import { Mutation } from './Mutation';
import { Person } from './Person';
import { Query } from './Query';
import { RedCrossMessage } from './RedCrossMessage';
import { TracingRequest } from './TracingRequest';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Person,
  FamilyLink,
  TracingRequest,
  DetentionRecord,
  DetentionVisit,
  AccessRequestStep,
  Location,
  DetentionEvent,
  DetentionNotification,
  TracingConsent,
  RecordForReview,
  RedCrossMessage,
};
