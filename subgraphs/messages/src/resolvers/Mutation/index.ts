import type { MutationResolvers } from '../../generated/graphql';
import { collectMessage } from './collectMessage';
import { deliverMessage } from './deliverMessage';
import { dispatchMessage } from './dispatchMessage';
import { markMessageUndeliverable } from './markMessageUndeliverable';
import { replyToMessage } from './replyToMessage';
import { returnMessage } from './returnMessage';
import { reviewMessage } from './reviewMessage';
import { reviseMessage } from './reviseMessage';
import { setMessageReviewDate } from '../../review';

/** Every change to a message: one file per mutation. */
export const Mutation: MutationResolvers = {
  collectMessage,
  replyToMessage,
  reviseMessage,
  reviewMessage,
  dispatchMessage,
  deliverMessage,
  markMessageUndeliverable,
  returnMessage,
  setMessageReviewDate,
};
