import { visibleRecordsSql, type Principal } from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';

/** A person whose name is like the one searched, with the spelling that matched best. */
export interface NameCandidate {
  personId: string;
  formId: string;
  script: string;
  scheme: string;
  language: string | null;
  value: string;
  score: number;
}

export interface NameSearchOptions {
  birthYear?: number | null;
  birthYearTolerance?: number;
  sex?: string | null;
  status?: string | null;
  /** People never to return (the sought person, the enquirer, rejected candidates). */
  excludeIds?: string[];
  /**
   * Only people this principal may see (see visibility.ts). Every resolver passes it; only tools
   * working over the whole database (the search benchmark) leave it out.
   */
  principal?: Principal;
  limit: number;
}

/** How many name forms the exact and phonetic index paths may each contribute before ranking. */
const CANDIDATES_PER_PATH = 200;
/** The trigram path walks the GiST index of distinct keys nearest first and takes this many keys. */
const TRIGRAM_KEYS = 40;
/** Spellings taken per near key on the trigram path. */
const FORMS_PER_KEY = 10;
/**
 * A birth-year filter keeps people whose birth year is unknown, since often only the name of the
 * person sought is known, but scales their score by this so that those whose known year fits
 * rank first.
 */
const UNKNOWN_YEAR_FACTOR = 0.85;

interface FoldedQuery {
  key: string;
  swapped: string;
  p1: string;
  p2: string;
}

/**
 * Ranks people by how alike their name is to `name`, in two indexed queries:
 * 1. the query is folded by `people.name_fold` — the key every stored spelling carries — so script,
 *    romanisation system, diacritics and doubled letters no longer matter (computed first, so
 *    the second query's planner sees plain constants);
 * 2. candidates come from three index paths: the same key in either name order (B-tree), the same
 *    double-metaphone sound in either order (B-tree), and the spellings of the nearest distinct keys
 *    by trigram distance (GiST over `PersonNameKey`, for misspellings); a phonetic agreement lifts
 *    a weaker trigram score.
 * The score is the best spelling's trigram similarity, from 0 to 1 (trigrams ignore word order),
 * scaled by `UNKNOWN_YEAR_FACTOR` when a birth year is sought and the person's is unknown. The
 * filters (birth year, sex, status, excluded people, the people the principal may see) are part of
 * every candidate path, so a filtered search still returns a full page of the best matches.
 */
export async function searchNames(prisma: PrismaClient, name: string, options: NameSearchOptions): Promise<NameCandidate[]> {
  const [folded] = await prisma.$queryRawUnsafe<FoldedQuery[]>(
    `SELECT k.key, k.swapped, "people"."name_phonetic"(k.key) AS p1, "people"."name_phonetic"(k.swapped) AS p2
     FROM (SELECT f.key, regexp_replace(f.key, '^(\\S+) (.*)$', '\\2 \\1') AS swapped FROM (SELECT "people"."name_fold"($1) AS key) f) k`,
    name,
  );
  const { key, swapped, p1, p2 } = folded;
  if (key.length < 2) return [];
  const tolerance = options.birthYearTolerance ?? 2;
  // Visibility is one more filter of every candidate path: a primary-key probe of the person per
  // spelling, after the trigram or B-tree index has picked the spellings. Left out under the
  // mandate so the unrestricted search keeps its plan.
  const visible = options.principal ? visibleRecordsSql(options.principal, 'v', 11) : { sql: 'TRUE', params: [] };
  const visibleFilter =
    visible.sql === 'TRUE' ? '' : `\n                   AND EXISTS (SELECT 1 FROM "people"."Person" v WHERE v."id" = f."personId" AND ${visible.sql})`;
  // Every filter is applied inside each candidate path, before its LIMIT, so a filtered search
  // still fills its page with the best matching people rather than what survives a later cut.
  const filters = `($4::int IS NULL OR f."birthYear" BETWEEN $4::int - $5::int AND $4::int + $5::int
                     OR f."birthYear" IS NULL)
                   AND NOT (f."personId" = ANY($10::uuid[]))
                   AND ($8::text IS NULL AND $9::text IS NULL OR EXISTS (
                     SELECT 1 FROM "people"."Person" p WHERE p."id" = f."personId"
                       AND ($8::text IS NULL OR p."sex"::text = $8::text) AND ($9::text IS NULL OR p."status"::text = $9::text)))${visibleFilter}`;
  return prisma.$queryRawUnsafe<NameCandidate[]>(
    `
    WITH cand AS (
      (SELECT f."id", f."personId", f."nameKey", f."phoneticKey", f."birthYear" FROM "people"."PersonNameForm" f
        WHERE f."nameKey" IN ($1, $2) AND ${filters} LIMIT ${CANDIDATES_PER_PATH})
      UNION
      (SELECT f."id", f."personId", f."nameKey", f."phoneticKey", f."birthYear" FROM "people"."PersonNameForm" f
        WHERE f."phoneticKey" IN ($6, $7) AND ${filters} LIMIT ${CANDIDATES_PER_PATH})
      UNION
      (SELECT f."id", f."personId", f."nameKey", f."phoneticKey", f."birthYear"
        FROM (SELECT k."nameKey" FROM "people"."PersonNameKey" k WHERE k."nameKey" % $1
              ORDER BY k."nameKey" <-> $1 LIMIT ${TRIGRAM_KEYS}) near
        -- A few spellings per near key, so a common name cannot crowd out a rarer, nearer one.
        CROSS JOIN LATERAL (
          SELECT f."id", f."personId", f."nameKey", f."phoneticKey", f."birthYear" FROM "people"."PersonNameForm" f
          WHERE f."nameKey" = near."nameKey" AND ${filters} LIMIT ${FORMS_PER_KEY}) f)
    ),
    named AS (
      SELECT c."id", c."personId", c."birthYear",
             CASE WHEN c."phoneticKey" IN ($6, $7)
                  THEN greatest(similarity(c."nameKey", $1), 0.5 + 0.5 * similarity(c."nameKey", $1))
                  ELSE similarity(c."nameKey", $1) END AS score
      FROM cand c
    ),
    scored AS (
      SELECT n."id", n."personId",
             CASE WHEN $4::int IS NOT NULL AND n."birthYear" IS NULL THEN n.score * ${UNKNOWN_YEAR_FACTOR} ELSE n.score END AS score
      FROM named n
      WHERE n.score >= 0.25
    ),
    best AS (
      SELECT DISTINCT ON (s."personId") s."personId", s."id", s.score
      FROM scored s
      ORDER BY s."personId", s.score DESC
    )
    SELECT b."personId", b."id" AS "formId", f."script", f."scheme", f."language", f."value", b.score::float8 AS score
    FROM best b
    JOIN "people"."PersonNameForm" f ON f."id" = b."id"
    ORDER BY b.score DESC, b."personId"
    LIMIT $3::int`,
    key,
    swapped,
    options.limit,
    options.birthYear ?? null,
    tolerance,
    p1,
    p2,
    options.sex ?? null,
    options.status ?? null,
    options.excludeIds ?? [],
    ...visible.params,
  );
}
