import type { Resolvers } from '../generated/graphql';
import { DetentionVisit } from './DetentionVisit';
import { MessageStatusChange } from './MessageStatusChange';
import { Mutation } from './Mutation';
import { PartnerMessageCounts } from './PartnerMessageCounts';
import { Person } from './Person';
import { Query } from './Query';
import { RedCrossMessage } from './RedCrossMessage';

export const resolvers: Resolvers = { Query, Mutation, RedCrossMessage, MessageStatusChange, PartnerMessageCounts, Person, DetentionVisit };
