import { badUserInput, notFound, visibleRecordsWhere } from '@movement/runtime';
import type { Context } from './context';

/**
 * The Movement's need-to-know for the people subgraph. A person, a tracing request and a detention
 * record are each visible to the partner that recorded them, to the partners they are shared with,
 * and to every principal holding the ICRC's mandate. The rule is the runtime's
 * `visibleRecordsWhere` (or `visibleRecordsSql`, in search.ts) inside the queries themselves, so
 * lists, pages and counts never see the hidden rows.
 *
 * Sharing a tracing request or a detention record shares the identity of the people it is about
 * (the enquirer, the sought person, the person located, the detainee), and so does a message or
 * assistance record of another subgraph: the record is of no use without them. It shares no more
 * than that: a person not visible on their own is shown in the identity-only view (names and
 * birth year; the runtime's identity-view.ts), every other field withheld with FORBIDDEN.
 *
 * A hidden record gets the same refusal as one that does not exist, so it cannot be probed.
 */
/** The same refusal as for a record that does not exist, so a hidden record cannot be probed. */
export const notVisible = (field: string, typename: string, id: string) => notFound(field, `no ${typename} has the id ${id}`);

/**
 * Throws BAD_USER_INPUT on `field` unless every listed person exists here and the principal may
 * see them: a hidden person is answered as if absent, so a write cannot probe for one.
 */
export async function checkPeople(context: Context, people: Array<{ field: string; id: string }>): Promise<void> {
  const found = await context.prisma.person.findMany({
    where: { AND: [{ id: { in: people.map((p) => p.id) } }, visibleRecordsWhere(context.principal)] },
    select: { id: true },
  });
  const existing = new Set(found.map((p) => p.id));
  const missing = people.find((p) => !existing.has(p.id));
  if (missing) throw badUserInput(missing.field, `no Person has the id ${missing.id}`);
}
