import { assertActingAs, checkReferences, writeOnce, type ReferencedIds, type ReferencedType } from '@movement/runtime';
import type { z } from 'zod';
import type { Context } from './context';
import { parseInput } from './validation';

/** The input fields of `I` that hold an id (the partner acting, for `actingAs`). */
type IdField<I> = { [K in keyof I]: I[K] extends string ? K : never }[keyof I] & string;

/** What one assistance write is made of; `recordOnce` puts it together. */
export interface RecordWrite<I, T, A> {
  /** The input's rules, checked first, so a bad value is refused before anything is read. */
  rules: z.ZodObject;
  /**
   * The fields naming the partner the principal acts as. Checked before anything is read, so an
   * idempotency key never hands back another partner's record.
   */
  actingAs: Array<IdField<I>>;
  /** Checks of the input alone, after its rules. */
  check?: () => void;
  /** What the record says, by input field: compared with the first record when a key comes again. */
  sent: Record<string, unknown>;
  /** The same fields as the first record stored them (the row itself unless given). */
  stored?: (first: T) => Promise<object>;
  /** The record first written with an idempotency key. */
  find: (key: string) => Promise<T | null>;
  /** What the write needs from its own database (a programme, a distribution), read before other subgraphs are asked. */
  before?: () => Promise<void>;
  /** The records of other subgraphs the input names, which must exist. */
  references: Partial<Record<ReferencedType, ReferencedIds>>;
  /** What the write needs to know from other subgraphs besides existence, asked alongside the reference checks. */
  ask: () => Promise<A>;
  /** Writes the record, with what `ask` answered. */
  write: (answer: A) => Promise<T>;
}

/**
 * The shape of every assistance write: the input parsed, the partner acting checked, then written
 * once per idempotency key (see `writeOnce`). A retry is answered from the database alone; only a
 * new key reads what the write needs and asks the other subgraphs, in parallel, before writing.
 */
export function recordOnce<I extends { idempotencyKey?: string | null }, T, A>(context: Context, input: I, spec: RecordWrite<I, T, A>): Promise<T> {
  parseInput(spec.rules, input);
  for (const field of spec.actingAs) assertActingAs(context.principal, `input.${field}`, input[field] as string);
  spec.check?.();
  return writeOnce({
    key: input.idempotencyKey,
    find: spec.find,
    sent: spec.sent,
    stored: spec.stored,
    logger: context.logger,
    write: async () => {
      await spec.before?.();
      const [answer] = await Promise.all([spec.ask(), checkReferences(context.peers, spec.references)]);
      return spec.write(answer);
    },
  });
}
