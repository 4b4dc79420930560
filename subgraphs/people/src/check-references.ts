import { badUserInput, missingEntities, visibleRecordsWhere } from '@movement/runtime';
import type { Context } from './context';

/** A reference to records the locations subgraph owns, named by the input field that holds it. */
export interface PeerReference {
  field: string;
  typename: 'Location' | 'Organization';
  ids: Array<string | null | undefined>;
}

/**
 * Asks the locations subgraph whether the places and organisations named exist, before anything
 * is written; the first missing one is reported as BAD_USER_INPUT on its field.
 */
export async function checkPeerReferences(context: Context, references: PeerReference[]): Promise<void> {
  for (const typename of ['Location', 'Organization'] as const) {
    const wanted = references.filter((ref) => ref.typename === typename);
    const ids = wanted.flatMap((ref) => ref.ids.filter((id): id is string => Boolean(id)));
    if (ids.length === 0) continue;
    const missing = new Set(await missingEntities(context.peers.locations, typename, ids));
    for (const ref of wanted) {
      const index = ref.ids.findIndex((id) => id && missing.has(id));
      if (index >= 0) {
        const field = ref.ids.length > 1 || ref.field.endsWith('Ids') ? `${ref.field}.${index}` : ref.field;
        throw badUserInput(field, `no ${typename} has the id ${ref.ids[index]}`);
      }
    }
  }
}

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
