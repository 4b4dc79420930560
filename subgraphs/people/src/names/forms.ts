import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client';
import type { NameSpelling } from './romanise';

/**
 * Replaces a person's searchable name forms. The folded key and phonetic key come from the SQL
 * functions `people.name_fold` / `people.name_phonetic`, the same ones the seed and the search
 * use, so keys always agree.
 */
export async function writeNameForms(tx: Prisma.TransactionClient, personId: string, birthYear: number | null, spellings: NameSpelling[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM "people"."PersonNameForm" WHERE "personId" = ${personId}::uuid`;
  for (const spelling of spellings) {
    await tx.$executeRaw`
      INSERT INTO "people"."PersonNameForm" ("id", "personId", "script", "scheme", "language", "value", "nameKey", "phoneticKey", "birthYear")
      SELECT ${randomUUID()}::uuid, ${personId}::uuid, ${spelling.script}, ${spelling.scheme}, ${spelling.language}, ${spelling.value}, k.key,
             "people"."name_phonetic"(k.key), ${birthYear}::int
      FROM (SELECT "people"."name_fold"(${spelling.keySource}) AS key) k`;
  }
  await tx.$executeRaw`
    INSERT INTO "people"."PersonNameKey" ("nameKey")
    SELECT DISTINCT "nameKey" FROM "people"."PersonNameForm" WHERE "personId" = ${personId}::uuid
    ON CONFLICT DO NOTHING`;
}

/** The stored JSON of `Person.names` (without the internal key source). */
export const namesJson = (spellings: NameSpelling[]) => spellings.map(({ script, scheme, language, value }) => ({ script, scheme, language, value }));
