import type { z } from 'zod';
import { badUserInput } from './errors';

/**
 * Parses a resolver's input with its zod schema. The first problem becomes BAD_USER_INPUT naming
 * its dotted path under `prefix` (`input.items.1.quantity`), so a partner learns which field to fix.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badUserInput([prefix, ...issue.path.map(String)].filter(Boolean).join('.'), issue.message);
}
