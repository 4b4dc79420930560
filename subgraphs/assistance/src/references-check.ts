import { badUserInput, missingEntities } from '@movement/runtime';
import type { Context } from './context';

/** One reference to check: the dotted input field it came from and the id(s) it names. */
export interface Reference {
  field: string;
  ids: string[];
}

/**
 * Checks that every named record exists in the subgraph that owns it, asking each owner once per
 * type; the first missing id is reported as BAD_USER_INPUT naming its input field.
 */
export async function requireExisting(
  peers: Context['peers'],
  references: { Person?: Reference[]; TracingRequest?: Reference[]; Organization?: Reference[] },
): Promise<void> {
  const owners = { Person: peers.people, TracingRequest: peers.people, Organization: peers.locations } as const;
  const checks = (Object.keys(references) as Array<keyof typeof owners>).map(async (typename) => {
    const list = references[typename] ?? [];
    const missing = new Set(
      await missingEntities(
        owners[typename],
        typename,
        list.flatMap((r) => r.ids),
      ),
    );
    for (const reference of list) {
      const index = reference.ids.findIndex((id) => missing.has(id));
      if (index >= 0) {
        const field = reference.ids.length > 1 || reference.field.endsWith('Ids') ? `${reference.field}.${index}` : reference.field;
        return badUserInput(field, `no ${typename} with id ${reference.ids[index]}`);
      }
    }
    return null;
  });
  const failures = await Promise.all(checks);
  const first = failures.find((failure) => failure !== null);
  if (first) throw first;
}
