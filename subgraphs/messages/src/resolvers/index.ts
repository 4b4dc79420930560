import type { Resolvers } from '../generated/graphql';
import { MessageStatusChange } from './MessageStatusChange';
import { Person } from './Person';
import { Query } from './Query';
import { RedCrossMessage } from './RedCrossMessage';

export const resolvers: Resolvers = { Query, RedCrossMessage, MessageStatusChange, Person };
