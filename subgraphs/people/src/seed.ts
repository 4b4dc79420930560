import {
  demoVolumes,
  detentionPlaces,
  lastSeenPlaces,
  recordingPartners,
  syntheticId,
  syntheticIdSql,
  analyseSchema,
  type SeedOptions,
  type SqlDriver,
} from '@movement/runtime';
import { nameLanguages } from './seed-names';

/**
 * Deterministic synthetic people for demos and load tests: person i, tracing request k and
 * detention record d get the same ids and values on every run and engine, so the other subgraphs
 * can reference them without talking to this one. Everything is set-based SQL in batches.
 */

/** Rows per INSERT: big enough for speed, small enough for PGlite's memory and short statements. */
const BATCH = 50_000;

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const partnerIds = recordingPartners.map((key) => syntheticId('organization', key));
const placeIds = lastSeenPlaces.map((key) => syntheticId('location', key));
const detentionPlaceIds = detentionPlaces.map((key) => syntheticId('location', key));
const icrcMoscow = syntheticId('organization', 'ICRC-MOSCOW');
const icrcMinsk = syntheticId('organization', 'ICRC-MINSK');

/** Every name as (language, sex, kind, idx, cyrillic, latin): joined to people by formula. */
function catalogueValues(): string {
  const rows: string[] = [];
  for (const language of nameLanguages) {
    for (const kind of ['given', 'family', 'patronymic'] as const) {
      for (const sex of ['MALE', 'FEMALE'] as const) {
        language[kind][sex].forEach(([cyrillic, latin], idx) => {
          rows.push(`(${literal(language.language)}, ${literal(sex)}, ${literal(kind)}, ${idx}, ${literal(cyrillic)}, ${literal(latin)})`);
        });
      }
    }
  }
  return rows.join(',\n');
}

const languageArray = `ARRAY[${nameLanguages.map((l) => literal(l.language)).join(', ')}]`;
const schemeArray = `ARRAY[${nameLanguages.map((l) => literal(l.scheme)).join(', ')}]`;
const nationalityArray = `ARRAY[${nameLanguages.map((l) => literal(l.nationality)).join(', ')}]`;
const givenCount = nameLanguages[0]!.given.MALE.length;
const familyCount = nameLanguages[0]!.family.MALE.length;
const patronymicCount = nameLanguages[0]!.patronymic.MALE.length;

/**
 * An index into a list of `count` names for person `i`, drawn pseudo-randomly (a multiplicative
 * hash modulo a prime, the same on every engine) and skewed towards the head of the list, where
 * the common names are: the first name of a list of 120 is drawn about 3% of the time, the last
 * about 0.6%. Each list uses its own multiplier, so the given and family names of a person
 * are drawn independently and a population has many distinct names, the common ones repeated.
 */
const skewedPick = (i: string, multiplier: number, count: number) =>
  `floor(${count} * power((((${i})::bigint * ${multiplier} + ${multiplier % 1000}) % 1000003) / 1000003.0, 1.4))::int`;

/** Where person `i` was last seen ($3 holds the places); the tracing request of a sought person repeats it. */
const lastSeenAtSql = (i: string) => `CASE WHEN (${i}) % 11 = 10 THEN NULL ELSE ($3::uuid[])[1 + (${i}) % array_length($3::uuid[], 1)] END`;
const lastSeenOnSql = (i: string) => `CASE WHEN (${i}) % 11 = 10 THEN NULL ELSE DATE '2022-02-24' + ((${i}) * 37) % 1000 END`;
const captureDateSql = (d: string) => `DATE '2022-03-01' + ((${d}) * 17) % 900`;

/** Status by position: 1 in 20 detained (the persons with detention records), some missing, some children displaced. */
const personSql = `
WITH catalogue(language, sex, kind, idx, cyrillic, latin) AS (VALUES ${catalogueValues()}),
base AS (
  SELECT i,
    (${languageArray})[1 + i % 3] AS language,
    (${schemeArray})[1 + i % 3] AS scheme,
    (${nationalityArray})[1 + i % 3] AS nation,
    CASE WHEN (i / 3) % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END AS name_sex,
    CASE WHEN i % 10 = 5 THEN 2010 + (i / 10) % 14 WHEN i % 10 = 8 THEN 1935 + (i / 10) % 15 ELSE 1960 + (i / 10) % 40 END AS year,
    CASE
      WHEN i % 20 = 3 THEN 'DETAINED'
      WHEN i % 20 IN (1, 11) THEN 'MISSING'
      WHEN i % 20 = 17 THEN 'DECEASED'
      WHEN i % 10 = 5 AND (i / 10) % 3 < 2 THEN 'DISPLACED'
      WHEN i % 4 = 0 THEN 'DISPLACED'
      ELSE 'CIVILIAN'
    END AS status
  FROM generate_series($1::int, $2::int) AS i
)
INSERT INTO "people"."Person" ("id", "givenName", "familyName", "patronymic", "names", "sex", "birthDate", "birthYear", "nationality",
  "status", "vulnerabilities", "lastSeenAtId", "lastSeenOn", "purpose", "legalBasis", "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('person', 'b.i')},
  g.cyrillic, f.cyrillic, p.cyrillic,
  jsonb_build_array(
    jsonb_build_object('script', 'Cyrl', 'scheme', 'original', 'language', b.language, 'value', concat_ws(' ', g.cyrillic, p.cyrillic, f.cyrillic)),
    jsonb_build_object('script', 'Latn', 'scheme', b.scheme, 'language', b.language, 'value', concat_ws(' ', g.latin, p.latin, f.latin))
  ),
  (CASE WHEN b.i % 101 = 100 THEN 'UNKNOWN' ELSE b.name_sex END)::"people"."Sex",
  CASE WHEN b.i % 31 = 30 OR b.i % 7 = 6 THEN NULL ELSE make_date(b.year, 1 + b.i % 12, 1 + b.i % 28) END,
  CASE WHEN b.i % 31 = 30 THEN NULL ELSE b.year END,
  CASE WHEN b.i % 53 = 52 THEN NULL ELSE b.nation END,
  b.status::"people"."PersonStatus",
  array_remove(ARRAY[
    CASE WHEN b.i % 10 = 5 AND (b.i / 10) % 3 = 0 THEN 'UNACCOMPANIED_CHILD'
         WHEN b.i % 10 = 5 AND (b.i / 10) % 3 = 1 THEN 'SEPARATED_CHILD'
         WHEN b.i % 10 = 8 THEN 'ELDERLY' END,
    CASE WHEN b.i % 13 = 0 THEN 'DISABILITY' END
  ], NULL)::"people"."Vulnerability"[],
  ${lastSeenAtSql('b.i')},
  ${lastSeenOnSql('b.i')},
  CASE b.status WHEN 'DETAINED' THEN 'protection of persons deprived of liberty' WHEN 'DECEASED' THEN 'management of the dead and information to families'
    ELSE 'restoring family links' END,
  (CASE WHEN b.status = 'DETAINED' THEN 'LEGAL_OBLIGATION'
    ELSE (ARRAY['VITAL_INTEREST', 'PUBLIC_INTEREST', 'CONSENT', 'LEGITIMATE_INTEREST'])[1 + b.i % 4] END)::"people"."LegalBasis",
  ($4::uuid[])[1 + b.i % array_length($4::uuid[], 1)],
  CASE WHEN b.i % 3 = 0 THEN ARRAY[($4::uuid[])[1 + (b.i + 1) % array_length($4::uuid[], 1)]] ELSE ARRAY[]::uuid[] END
FROM base b
JOIN catalogue g ON g.language = b.language AND g.sex = b.name_sex AND g.kind = 'given' AND g.idx = ${skewedPick('b.i', 7919, givenCount)}
JOIN catalogue f ON f.language = b.language AND f.sex = b.name_sex AND f.kind = 'family' AND f.idx = ${skewedPick('b.i', 104729, familyCount)}
LEFT JOIN catalogue p ON b.i % 9 <> 0 AND p.language = b.language AND p.sex = b.name_sex AND p.kind = 'patronymic' AND p.idx = ${skewedPick('b.i', 1299709, patronymicCount)}
ON CONFLICT ("id") DO NOTHING`;

/**
 * Every spelling of person i's name (the `names` array: original and romanisation) as a searchable
 * form. The key is built from the given and family names only (first and last word), so a search
 * without the patronymic scores as well as one with it.
 */
const nameFormSql = `
INSERT INTO "people"."PersonNameForm" ("id", "personId", "script", "scheme", "language", "value", "nameKey", "phoneticKey", "birthYear")
SELECT ${syntheticIdSql('person-name', 'b.i * 4 + n.ord')}, p."id", n.f->>'script', n.f->>'scheme', n.f->>'language', n.f->>'value',
  k.key, "people"."name_phonetic"(k.key), p."birthYear"
FROM generate_series($1::int, $2::int) AS b(i)
JOIN "people"."Person" p ON p."id" = ${syntheticIdSql('person', 'b.i')}
CROSS JOIN LATERAL jsonb_array_elements(p."names") WITH ORDINALITY AS n(f, ord)
CROSS JOIN LATERAL (SELECT "people"."name_fold"(split_part(n.f->>'value', ' ', 1) || ' ' || regexp_replace(n.f->>'value', '^.* ', '')) AS key) k
ON CONFLICT ("id") DO NOTHING`;

/** The distinct keys of the batch's name forms, for the trigram index. */
const nameKeySql = `
INSERT INTO "people"."PersonNameKey" ("nameKey")
SELECT DISTINCT f."nameKey"
FROM generate_series($1::int, $2::int) AS b(i)
JOIN "people"."PersonNameForm" f ON f."personId" = ${syntheticIdSql('person', 'b.i')}
ON CONFLICT DO NOTHING`;

/** Link l joins the pair (2p, 2p+1), p = l / 2, once from each side, 2p recorded as the parent. */
const familyLinkSql = `
INSERT INTO "people"."FamilyLink" ("id", "personId", "relativeId", "relationship", "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('family-link', 'l')},
  ${syntheticIdSql('person', 'CASE WHEN l % 2 = 0 THEN (l / 2) * 2 ELSE (l / 2) * 2 + 1 END')},
  ${syntheticIdSql('person', 'CASE WHEN l % 2 = 0 THEN (l / 2) * 2 + 1 ELSE (l / 2) * 2 END')},
  (CASE WHEN l % 2 = 0 THEN 'CHILD' ELSE 'PARENT' END)::"people"."Relationship",
  ($3::uuid[])[1 + ((l / 2) * 2) % array_length($3::uuid[], 1)],
  ARRAY[]::uuid[]
FROM generate_series($1::int, $2::int) AS l
ON CONFLICT ("id") DO NOTHING`;

/** Request k: person 2k looks for their child 2k+1 (the same pair as the family links). */
const tracingRequestSql = `
INSERT INTO "people"."TracingRequest" ("id", "reference", "enquirerId", "soughtPersonId", "enquirerRelationship", "circumstances",
  "lastSeenAtId", "lastSeenOn", "status", "openedOn", "closedReason", "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('tracing-request', 'k')},
  'TR-2024-' || lpad((k + 1)::text, 6, '0'),
  ${syntheticIdSql('person', '(2 * k) % $5::int')},
  ${syntheticIdSql('person', '(2 * k + 1) % $5::int')},
  'PARENT'::"people"."Relationship",
  (ARRAY['Lost contact during the evacuation of Shebekino.', 'Separated at the Novaya Guta border crossing.',
         'No news since the fighting near Sudzha.', 'Last phone call from Belgorod; no news since.'])[1 + k % 4],
  ${lastSeenAtSql('(2 * k + 1) % $5::int')},
  ${lastSeenOnSql('(2 * k + 1) % $5::int')},
  (ARRAY['OPEN', 'SEARCHING', 'LOCATED', 'REUNITED', 'CLOSED'])[1 + k % 5]::"people"."TracingStatus",
  DATE '2024-01-01' + (k * 7) % 366,
  CASE WHEN k % 5 = 4 THEN (ARRAY['The enquirer withdrew the request.', 'No further information could be found.'])[1 + (k / 5) % 2] END,
  ($4::uuid[])[1 + k % array_length($4::uuid[], 1)],
  CASE WHEN k % 2 = 0 AND ($4::uuid[])[1 + k % array_length($4::uuid[], 1)] <> $6::uuid THEN ARRAY[$6::uuid] ELSE ARRAY[]::uuid[] END
FROM generate_series($1::int, $2::int) AS k
ON CONFLICT ("id") DO NOTHING`;

/** Record d is about person 20d+3, whom the person seed made DETAINED. */
const detentionRecordSql = `
INSERT INTO "people"."DetentionRecord" ("id", "personId", "placeOfDetentionId", "captureDate", "registrationNumber", "accessStatus",
  "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('detention-record', 'd')},
  ${syntheticIdSql('person', '(20 * d + 3) % $4::int')},
  ($3::uuid[])[1 + d % array_length($3::uuid[], 1)],
  ${captureDateSql('d')},
  'ICRC-RU-' || lpad((d + 1)::text, 7, '0'),
  (ARRAY['GRANTED', 'REQUESTED', 'GRANTED', 'DENIED', 'NOT_REQUESTED'])[1 + d % 5]::"people"."AccessStatus",
  $5::uuid,
  CASE WHEN d % 3 = 0 THEN ARRAY[$6::uuid] ELSE ARRAY[]::uuid[] END
FROM generate_series($1::int, $2::int) AS d
ON CONFLICT ("id") DO NOTHING`;

/** Visits v = 2d and 2d+1 go to record d when access was granted (d % 5 in 0, 2). */
const grantedVisit = (v: number) => [0, 2].includes(Math.floor(v / 2) % 5);
const detentionVisitSql = `
INSERT INTO "people"."DetentionVisit" ("id", "detentionRecordId", "visitedOn", "visitedById", "privateInterview", "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('detention-visit', 'v')},
  ${syntheticIdSql('detention-record', 'v / 2')},
  ${captureDateSql('v / 2')} + 60 * (v % 2 + 1),
  $3::uuid,
  v % 3 <> 2,
  $3::uuid,
  ARRAY[]::uuid[]
FROM generate_series($1::int, $2::int) AS v
WHERE (v / 2) % 5 IN (0, 2)
ON CONFLICT ("id") DO NOTHING`;

/**
 * Steps s = 2d (the request) and 2d+1 (the answer) of the access history of record d, matching its
 * status: requested 10 days after capture, answered 30 days after (before the first visit).
 */
const accessStepKept = (s: number) => {
  const status = Math.floor(s / 2) % 5;
  return s % 2 === 0 ? status !== 4 : [0, 2, 3].includes(status);
};
const accessStepSql = `
INSERT INTO "people"."DetentionAccessStep" ("id", "detentionRecordId", "status", "occurredOn", "partnerId", "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('detention-access-step', 's')},
  ${syntheticIdSql('detention-record', 's / 2')},
  (CASE WHEN s % 2 = 0 THEN 'REQUESTED' ELSE (ARRAY['GRANTED', NULL, 'GRANTED', 'DENIED'])[1 + (s / 2) % 5] END)::"people"."AccessStatus",
  ${captureDateSql('s / 2')} + CASE WHEN s % 2 = 0 THEN 10 ELSE 30 END,
  $3::uuid,
  $3::uuid,
  ARRAY[]::uuid[]
FROM generate_series($1::int, $2::int) AS s
WHERE CASE WHEN s % 2 = 0 THEN (s / 2) % 5 <> 4 ELSE (s / 2) % 5 IN (0, 2, 3) END
ORDER BY s
ON CONFLICT ("id") DO NOTHING`;

/** How many of `count` candidate steps or visits (0..count-1) are written. */
const kept = (count: number, keep: (n: number) => boolean) => {
  let rows = 0;
  for (let n = 0; n < count; n += 1) if (keep(n)) rows += 1;
  return rows;
};

/**
 * Records `seed` reports through `onProgress` for `people` persons: people (with their names),
 * family links, tracing requests, detention records, access steps and visits.
 */
export function expectedRows(people: number): number {
  const volumes = demoVolumes(people);
  if (people <= 0) return 0;
  const detentionSlots = volumes.detentionRecords * 2;
  return (
    people +
    (people > 1 ? volumes.familyLinks : 0) +
    volumes.tracingRequests +
    volumes.detentionRecords +
    kept(detentionSlots, accessStepKept) +
    kept(detentionSlots, grantedVisit)
  );
}

/** `onProgress` receives the records each batch wrote (an increment, as the seed command adds them up). */
export async function seed(driver: SqlDriver, options: SeedOptions): Promise<void> {
  const volumes = demoVolumes(options.people);
  const inBatches = async (count: number, run: (from: number, to: number) => Promise<number>) => {
    for (let from = 0; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH) - 1;
      // Written before reporting: `onProgress?.(await run())` would skip the batch without a listener.
      const rows = await run(from, to);
      options.onProgress?.(rows);
    }
  };
  const people = volumes.people;
  await inBatches(people, async (from, to) => {
    await driver.query(personSql, [from, to, placeIds, partnerIds]);
    await driver.query(nameFormSql, [from, to]);
    await driver.query(nameKeySql, [from, to]);
    return to - from + 1;
  });
  await inBatches(people > 1 ? volumes.familyLinks : 0, async (from, to) => {
    await driver.query(familyLinkSql, [from, to, partnerIds]);
    return to - from + 1;
  });
  await inBatches(people > 0 ? volumes.tracingRequests : 0, async (from, to) => {
    await driver.query(tracingRequestSql, [from, to, placeIds, partnerIds, people, icrcMoscow]);
    return to - from + 1;
  });
  await inBatches(people > 0 ? volumes.detentionRecords : 0, async (from, to) => {
    await driver.query(detentionRecordSql, [from, to, detentionPlaceIds, people, icrcMoscow, icrcMinsk]);
    return to - from + 1;
  });
  await inBatches(people > 0 ? volumes.detentionRecords * 2 : 0, async (from, to) => {
    await driver.query(accessStepSql, [from, to, icrcMoscow]);
    return kept(to + 1, accessStepKept) - kept(from, accessStepKept);
  });
  await inBatches(people > 0 ? volumes.detentionRecords * 2 : 0, async (from, to) => {
    await driver.query(detentionVisitSql, [from, to, icrcMoscow]);
    return kept(to + 1, grantedVisit) - kept(from, grantedVisit);
  });
  if (options.analyse !== false) await analyseSchema(driver, 'people');
}

export async function isSeeded(driver: SqlDriver): Promise<boolean> {
  const [row] = await driver.query<{ seeded: boolean }>('SELECT EXISTS (SELECT 1 FROM "people"."Person") AS "seeded"');
  return row?.seeded === true;
}
