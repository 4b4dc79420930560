import { analyseSchema, type SqlDriver } from '@movement/runtime';
import {
  demoVolumes,
  detainingAuthorities,
  detentionPlaces,
  lastSeenPlaces,
  recordingPartners,
  syntheticId,
  syntheticIdSql,
  type SeedOptions,
} from '@movement/runtime/demo';
import { nameLanguages } from './seed-names';
import { refusalReason } from './consent/record';

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
const authorityIds = detainingAuthorities.map((key) => syntheticId('organization', key));
/** Prisoners are exchanged on the Belarus–Ukraine border, in Chernihiv Oblast. */
const repatriationPlace = syntheticId('location', 'UA74');

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
const givenCount = nameLanguages[0].given.MALE.length;
const familyCount = nameLanguages[0].family.MALE.length;
const patronymicCount = nameLanguages[0].patronymic.MALE.length;

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

/**
 * Review dates: the people of every third closed case (request k = i / 2 REUNITED or CLOSED, see
 * the tracing requests) were due for review in 2026, so the demo has closed cases past retention;
 * everyone else is reviewed from 2029 on.
 */
const personReviewSql = (i: string) =>
  `CASE WHEN ((${i}) / 2) % 5 IN (3, 4) AND ((${i}) / 2) % 3 = 0 THEN DATE '2026-01-01' + (${i}) % 200 ELSE DATE '2029-01-01' + (${i}) % 1000 END`;

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
  "status", "vulnerabilities", "lastSeenAtId", "lastSeenOn", "purpose", "legalBasis", "recordedById", "sharedWithIds", "reviewOn")
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
  CASE WHEN b.i % 3 = 0 THEN ARRAY[($4::uuid[])[1 + (b.i + 1) % array_length($4::uuid[], 1)]] ELSE ARRAY[]::uuid[] END,
  ${personReviewSql('b.i')}
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

/**
 * The consent of the person found, by request k's status: a LOCATED case has it given, not asked
 * yet, or not possible in turn; a REUNITED family had it given; one closed case in three was closed
 * on a refusal (with the reason `recordTracingConsent` writes); other cases were never asked.
 */
const consentSql = (k: string) => `CASE
  WHEN (${k}) % 5 = 2 THEN (ARRAY['GIVEN', 'NOT_ASKED', 'NOT_POSSIBLE'])[1 + ((${k}) / 5) % 3]
  WHEN (${k}) % 5 = 3 THEN 'GIVEN'
  WHEN (${k}) % 5 = 4 AND ((${k}) / 5) % 3 = 2 THEN 'REFUSED'
  ELSE 'NOT_ASKED' END`;

/** Request k: person 2k looks for their child 2k+1 (the same pair as the family links). */
const tracingRequestSql = `
INSERT INTO "people"."TracingRequest" ("id", "reference", "enquirerId", "soughtPersonId", "enquirerRelationship", "circumstances",
  "lastSeenAtId", "lastSeenOn", "status", "openedOn", "closedReason", "recordedById", "sharedWithIds",
  "consent", "consentRecordedOn", "consentRecordedById", "reviewOn")
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
  CASE WHEN k % 5 = 4 THEN (ARRAY['The enquirer withdrew the request.', 'No further information could be found.', $7])[1 + (k / 5) % 3] END,
  ($4::uuid[])[1 + k % array_length($4::uuid[], 1)],
  CASE WHEN k % 2 = 0 AND ($4::uuid[])[1 + k % array_length($4::uuid[], 1)] <> $6::uuid THEN ARRAY[$6::uuid] ELSE ARRAY[]::uuid[] END,
  c.consent::"people"."ConsentDecision",
  CASE WHEN c.consent <> 'NOT_ASKED' THEN DATE '2024-01-01' + (k * 7) % 366 + 30 END,
  CASE WHEN c.consent <> 'NOT_ASKED' THEN ($4::uuid[])[1 + k % array_length($4::uuid[], 1)] END,
  CASE WHEN k % 5 IN (3, 4) AND k % 3 = 0 THEN DATE '2026-06-01' + k % 100 ELSE DATE '2029-01-01' + (k * 7) % 366 END
FROM generate_series($1::int, $2::int) AS k
CROSS JOIN LATERAL (SELECT ${consentSql('k')} AS consent) c
ON CONFLICT ("id") DO NOTHING`;

/**
 * Record d's detainee, under the law and in custody. Place 1 (even d) is a pre-trial detention
 * centre holding protected civilians, place 2 (odd d) a camp for prisoners of war; a tenth of the
 * prisoners' status is undetermined. Some were released, repatriated or died in custody.
 */
const legalCategorySql = (d: string) => `CASE WHEN (${d}) % 2 = 1 THEN (CASE WHEN (${d}) % 10 = 9 THEN 'STATUS_UNDETERMINED' ELSE 'PRISONER_OF_WAR' END)
  ELSE (CASE WHEN (${d}) % 4 = 0 THEN 'CIVILIAN_INTERNEE' ELSE 'CIVILIAN_DETAINEE' END) END`;
const custodySql = (d: string) =>
  `CASE WHEN (${d}) % 7 = 6 THEN 'RELEASED' WHEN (${d}) % 11 = 10 THEN 'REPATRIATED' WHEN (${d}) % 17 = 16 THEN 'DECEASED' ELSE 'IN_CUSTODY' END`;
const custodyOf = (d: number) => (d % 7 === 6 ? 'RELEASED' : d % 11 === 10 ? 'REPATRIATED' : d % 17 === 16 ? 'DECEASED' : 'IN_CUSTODY');

/** Record d is about person 20d+3, whom the person seed made DETAINED (and the custody seed may free). */
const detentionRecordSql = `
INSERT INTO "people"."DetentionRecord" ("id", "personId", "placeOfDetentionId", "captureDate", "registrationNumber", "accessStatus",
  "recordedById", "sharedWithIds", "legalCategory", "detainingState", "detainingAuthorityId", "custodyStatus", "reviewOn")
SELECT ${syntheticIdSql('detention-record', 'd')},
  ${syntheticIdSql('person', '(20 * d + 3) % $4::int')},
  ($3::uuid[])[1 + d % array_length($3::uuid[], 1)],
  ${captureDateSql('d')},
  'ICRC-RU-' || lpad((d + 1)::text, 7, '0'),
  (ARRAY['GRANTED', 'REQUESTED', 'GRANTED', 'DENIED', 'NOT_REQUESTED'])[1 + d % 5]::"people"."AccessStatus",
  $5::uuid,
  CASE WHEN d % 3 = 0 THEN ARRAY[$6::uuid] ELSE ARRAY[]::uuid[] END,
  (${legalCategorySql('d')})::"people"."DetentionCategory",
  'RU',
  ($7::uuid[])[1 + d % array_length($7::uuid[], 1)],
  (${custodySql('d')})::"people"."CustodyStatus",
  -- An ended detention is reviewed two years after capture, one still going on after ten.
  ${captureDateSql('d')} + CASE WHEN ${custodySql('d')} = 'IN_CUSTODY' THEN 3650 ELSE 730 END
FROM generate_series($1::int, $2::int) AS d
ON CONFLICT ("id") DO NOTHING`;

/**
 * Events e = 2d (a transfer from the other place, 45 days after capture, for one record in five)
 * and 2d+1 (the end of custody, 200 days after capture). The end is reflected on the person.
 */
const transferKept = (e: number) => e % 2 === 0 && Math.floor(e / 2) % 5 === 1;
const endKept = (e: number) => e % 2 === 1 && custodyOf(Math.floor(e / 2)) !== 'IN_CUSTODY';
const eventKept = (e: number) => transferKept(e) || endKept(e);
const detentionEventSql = `
INSERT INTO "people"."DetentionEvent" ("id", "detentionRecordId", "kind", "occurredOn", "placeId", "fromPlaceOfDetentionId", "note", "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('detention-event', 'e')},
  ${syntheticIdSql('detention-record', 'e / 2')},
  (CASE WHEN e % 2 = 0 THEN 'TRANSFER' ELSE (CASE ${custodySql('e / 2')} WHEN 'RELEASED' THEN 'RELEASE' WHEN 'REPATRIATED' THEN 'REPATRIATION' ELSE 'DEATH' END) END)::"people"."DetentionEventKind",
  ${captureDateSql('e / 2')} + CASE WHEN e % 2 = 0 THEN 45 ELSE 200 END,
  CASE WHEN e % 2 = 1 AND ${custodySql('e / 2')} = 'REPATRIATED' THEN $4::uuid ELSE ($3::uuid[])[1 + (e / 2) % array_length($3::uuid[], 1)] END,
  CASE WHEN e % 2 = 0 THEN ($3::uuid[])[1 + (e / 2 + 1) % array_length($3::uuid[], 1)] END,
  CASE WHEN e % 2 = 1 AND ${custodySql('e / 2')} = 'REPATRIATED' THEN 'Repatriated in an exchange of prisoners.' END,
  $5::uuid,
  ARRAY[]::uuid[]
FROM generate_series($1::int, $2::int) AS e
WHERE (e % 2 = 0 AND (e / 2) % 5 = 1) OR (e % 2 = 1 AND ${custodySql('e / 2')} <> 'IN_CUSTODY')
ORDER BY e
ON CONFLICT ("id") DO NOTHING`;

/** A detainee whose custody ended is a civilian again, or deceased. */
const custodyEndedSql = `
UPDATE "people"."Person" p SET "status" = (CASE d."custodyStatus" WHEN 'DECEASED' THEN 'DECEASED' ELSE 'CIVILIAN' END)::"people"."PersonStatus"
FROM "people"."DetentionRecord" d
WHERE d."personId" = p."id" AND d."custodyStatus" <> 'IN_CUSTODY' AND d."id" IN (SELECT ${syntheticIdSql('detention-record', 'd')} FROM generate_series($1::int, $2::int) AS d)`;

/**
 * Notifications n = 2d (the detaining power's notification to the Central Tracing Agency, ten
 * days after capture, missing for one record in four) and 2d+1 (the card of the detainee's
 * category, five days after capture, for two records in three: a capture card for a prisoner of
 * war, an internment card for an internee; a civilian detainee has none). The family was informed
 * three weeks later, except for one record in six.
 */
const cardOf = (d: number) => (d % 2 === 1 ? 'CAPTURE_CARD' : d % 4 === 0 ? 'INTERNMENT_CARD' : null);
const notificationKept = (n: number) => {
  const d = Math.floor(n / 2);
  return n % 2 === 0 ? d % 4 !== 3 : cardOf(d) !== null && d % 3 !== 2;
};
const detentionNotificationSql = `
INSERT INTO "people"."DetentionNotification" ("id", "detentionRecordId", "kind", "transmittedOn", "transmittedBy", "familyInformedOn", "recordedById", "sharedWithIds")
SELECT ${syntheticIdSql('detention-notification', 'n')},
  ${syntheticIdSql('detention-record', 'n / 2')},
  (CASE WHEN n % 2 = 0 THEN 'CENTRAL_AGENCY_NOTIFICATION' WHEN (n / 2) % 2 = 1 THEN 'CAPTURE_CARD' ELSE 'INTERNMENT_CARD' END)::"people"."NotificationKind",
  ${captureDateSql('n / 2')} + CASE WHEN n % 2 = 0 THEN 10 ELSE 5 END,
  CASE WHEN n % 2 = 0 THEN 'National Information Bureau of the detaining power' ELSE 'The detainee, through the ICRC' END,
  CASE WHEN (n / 2) % 6 <> 5 THEN ${captureDateSql('n / 2')} + CASE WHEN n % 2 = 0 THEN 31 ELSE 26 END END,
  $3::uuid,
  ARRAY[]::uuid[]
FROM generate_series($1::int, $2::int) AS n
WHERE CASE WHEN n % 2 = 0 THEN (n / 2) % 4 <> 3 ELSE ((n / 2) % 2 = 1 OR (n / 2) % 4 = 0) AND (n / 2) % 3 <> 2 END
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
 * family links, tracing requests, detention records, access steps, visits, events and notifications.
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
    kept(detentionSlots, grantedVisit) +
    kept(detentionSlots, eventKept) +
    kept(detentionSlots, notificationKept)
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
    await driver.query(tracingRequestSql, [from, to, placeIds, partnerIds, people, icrcMoscow, refusalReason]);
    return to - from + 1;
  });
  await inBatches(people > 0 ? volumes.detentionRecords : 0, async (from, to) => {
    await driver.query(detentionRecordSql, [from, to, detentionPlaceIds, people, icrcMoscow, icrcMinsk, authorityIds]);
    await driver.query(custodyEndedSql, [from, to]);
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
  await inBatches(people > 0 ? volumes.detentionRecords * 2 : 0, async (from, to) => {
    await driver.query(detentionEventSql, [from, to, detentionPlaceIds, repatriationPlace, icrcMoscow]);
    return kept(to + 1, eventKept) - kept(from, eventKept);
  });
  await inBatches(people > 0 ? volumes.detentionRecords * 2 : 0, async (from, to) => {
    await driver.query(detentionNotificationSql, [from, to, icrcMoscow]);
    return kept(to + 1, notificationKept) - kept(from, notificationKept);
  });
  if (options.analyse !== false) await analyseSchema(driver, 'people');
}

export async function isSeeded(driver: SqlDriver): Promise<boolean> {
  const [row] = await driver.query<{ seeded: boolean }>('SELECT EXISTS (SELECT 1 FROM "people"."Person") AS "seeded"');
  return row?.seeded === true;
}
