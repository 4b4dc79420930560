import { badUserInput, missingEntities } from '@movement/runtime';
import type { Context } from './context';

/** References to check, by the input field that holds them; null/undefined ones are skipped. */
export interface ReferencesToCheck {
  people?: Record<string, string | null | undefined>;
  organizations?: Record<string, string | null | undefined>;
  locations?: Record<string, string | null | undefined>;
}

/**
 * Asks the subgraphs that own people, organisations and places whether the records the input
 * names exist (in parallel), and answers the first missing one as BAD_USER_INPUT on its field.
 * Runs before any write, so a missing reference leaves nothing behind.
 */
export async function checkReferences(context: Context, references: ReferencesToCheck): Promise<void> {
  const groups: Array<[string | undefined, string, Record<string, string | null | undefined>]> = [
    [context.peers.people, 'Person', references.people ?? {}],
    [context.peers.locations, 'Organization', references.organizations ?? {}],
    [context.peers.locations, 'Location', references.locations ?? {}],
  ];
  const answers = await Promise.all(
    groups.map(async ([url, typename, fields]) => {
      const ids = Object.values(fields).filter((id): id is string => Boolean(id));
      return { typename, fields, missing: ids.length ? await missingEntities(url, typename, ids) : [] };
    }),
  );
  for (const { typename, fields, missing } of answers) {
    for (const [field, id] of Object.entries(fields)) {
      if (id && missing.includes(id)) throw badUserInput(field, `no ${typename} has the id ${id}.`);
    }
  }
}
