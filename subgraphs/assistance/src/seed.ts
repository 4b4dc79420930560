import { analyseSchema, type SqlDriver } from '@movement/runtime';
import { demoCrossings, demoPlaces, demoVolumes, syntheticId, syntheticIdSql, type SeedOptions } from '@movement/runtime/demo';
import { addBeneficiaryDays, addToAreaTotals, addToReachTotals } from './area-totals';
import { demoProgrammes, programmeId, programmeSpanDays } from './seed-catalogue';

/** Largest number of rows one seeding statement writes, so a million people never need one huge statement. */
const BATCH_ROWS = 50_000;

const S = '"assistance"';
const text = (value: string) => `'${value.replace(/'/g, "''")}'`;
const uuid = (value: string) => `${text(value)}::uuid`;
const uuids = (values: string[]) => `ARRAY[${values.map(text).join(', ')}]::uuid[]`;
const organization = (key: string) => syntheticId('organization', key);
const location = (key: string) => syntheticId('location', key);

/** A demo place's key, then its parent's, up to its country: the areas a record there counts towards. */
function enclosingKeys(key: string): string[] {
  const byKey = new Map(demoPlaces.map((place) => [place.key, place]));
  const keys: string[] = [];
  for (let current = byKey.get(key); current; current = current.parent ? byKey.get(current.parent) : undefined) keys.push(current.key);
  return keys;
}

/**
 * Every demo place with its enclosing areas as a SQL table `areas`, so seeded rows carry the same
 * `areaIds` the mutations copy from the locations subgraph.
 */
function areasCte(): string {
  const rows = demoPlaces.map((place) => `(${uuid(location(place.key))}, ${uuids(enclosingKeys(place.key).map(location))})`);
  return `areas (location_id, area_ids) AS (VALUES ${rows.join(', ')})`;
}

/** The programme catalogue as a SQL table `prog`, indexed 0..n-1 by `p`, for set-based inserts. */
function programmesCte(): string {
  const rows = demoProgrammes.map(
    (programme, p) =>
      `(${p}, ${uuid(programmeId(programme.key))}, ${uuid(organization(programme.partner))}, DATE ${text(programme.startDate)}, ${programmeSpanDays(programme)}, ` +
      `${uuids(programme.points.map(location))}, ${uuids(programme.sharedWith.map(organization))}, ${programme.items.length})`,
  );
  const items = demoProgrammes.flatMap((programme, p) =>
    programme.items.map(
      (item, n) =>
        `(${p}, ${n}, ${text(item.item)}, ${text(item.modality)}, ${text(item.unit)}, ${item.quantity}::float8, ${item.currency ? text(item.currency) : 'NULL::text'}, ${item.perPerson})`,
    ),
  );
  return `prog (p, id, partner, start_date, span, points, shared, n_items) AS (VALUES ${rows.join(', ')}),
    items (p, n, item, modality, unit, quantity, currency, per_person) AS (VALUES ${items.join(', ')})`;
}

/** Runs `insert(lo, hi)` over [0, total) in slices of `step`, reporting rows written after each. */
async function inBatches(total: number, step: number, insert: (lo: number, hi: number) => Promise<number>, report: (rows: number) => void) {
  for (let lo = 0; lo < total; lo += step) report(await insert(lo, Math.min(total, lo + step)));
}

async function insertProgrammes(driver: SqlDriver): Promise<number> {
  const rows = demoProgrammes.map(
    (programme) =>
      `(${uuid(programmeId(programme.key))}, ${text(programme.name)}, ${uuid(organization(programme.partner))}, ${text(programme.sector)}::${S}."Sector", ` +
      `DATE ${text(programme.startDate)}, ${programme.endDate ? `DATE ${text(programme.endDate)}` : 'NULL'}, ${uuids(programme.targetAreas.map(location))})`,
  );
  await driver.exec(
    `INSERT INTO ${S}."AssistanceProgramme" ("id", "name", "partnerId", "sector", "startDate", "endDate", "targetAreaIds") VALUES ${rows.join(', ')}`,
  );
  return rows.length;
}

/** Distribution d belongs to programme d mod P, at one of its points, a week after the previous one there. */
async function insertDistributions(driver: SqlDriver, lo: number, hi: number): Promise<number> {
  const P = demoProgrammes.length;
  await driver.exec(`WITH ${programmesCte()}, ${areasCte()}
    INSERT INTO ${S}."Distribution" ("id", "programmeId", "locationId", "date", "partnerId", "recordedById", "areaIds")
    SELECT ${syntheticIdSql('distribution', 'd')}, prog.id, prog.points[1 + (d / ${P}) % array_length(prog.points, 1)],
           prog.start_date + ((d / ${P}) * 7) % prog.span, prog.partner, prog.partner,
           (SELECT areas.area_ids FROM areas WHERE areas.location_id = prog.points[1 + (d / ${P}) % array_length(prog.points, 1)])
    FROM generate_series(${lo}, ${hi - 1}) AS d JOIN prog ON prog.p = d % ${P}`);
  return hi - lo;
}

/**
 * Person i gets one record from distribution i mod D, with one of its programme's items; every
 * tenth record was handed over outside the distribution (at the office), so it names none.
 */
async function insertRecords(driver: SqlDriver, distributions: number, lo: number, hi: number): Promise<number> {
  const P = demoProgrammes.length;
  await driver.exec(`WITH ${programmesCte()}
    INSERT INTO ${S}."AssistanceRecord" ("id", "beneficiaryId", "householdSize", "distributionId", "item", "modality", "quantity", "unit", "currency",
                                         "date", "locationId", "partnerId", "recordedById", "sharedWithIds", "areaIds", "reviewOn")
    SELECT ${syntheticIdSql('assistance-record', 's.i')}, ${syntheticIdSql('person', 's.i')}, s.hh,
           CASE WHEN s.i % 10 = 9 THEN NULL ELSE dist."id" END,
           it.item, it.modality::${S}."Modality", it.quantity * CASE WHEN it.per_person THEN s.hh ELSE 1 END, it.unit::${S}."Unit", it.currency,
           dist."date", dist."locationId", dist."partnerId", dist."partnerId", prog.shared, dist."areaIds",
           -- Assistance handed over is reviewed two years after it was given (so the demo has records past review).
           (dist."date" + interval '2 years')::date
    FROM (SELECT i, 1 + (i * 7) % 6 AS hh, i % ${distributions} AS d FROM generate_series(${lo}, ${hi - 1}) AS i) AS s
    JOIN ${S}."Distribution" dist ON dist."id" = ${syntheticIdSql('distribution', 's.d')}
    JOIN prog ON prog.p = s.d % ${P}
    JOIN items it ON it.p = prog.p AND it.n = (s.i / ${distributions}) % prog.n_items`);
  // The batch's records, found by the ids just written, added to the area totals and beneficiary days reports read.
  const batch = `SELECT * FROM ${S}."AssistanceRecord" WHERE "id" IN (SELECT ${syntheticIdSql('assistance-record', 'i')} FROM generate_series(${lo}, ${hi - 1}) AS i)`;
  await driver.exec(addToAreaTotals(batch));
  // Person i is the beneficiary of record i alone, so each batch holds all of its beneficiaries' records.
  await driver.exec(addBeneficiaryDays(batch));
  await driver.exec(addToReachTotals(`d."beneficiaryId" IN (SELECT ${syntheticIdSql('person', 'i')} FROM generate_series(${lo}, ${hi - 1}) AS i)`));
  return hi - lo;
}

/** A distribution's items are the totals of the records handed out at it, so reports agree with records. */
async function insertDistributionItems(driver: SqlDriver, lo: number, hi: number): Promise<number> {
  const rows = await driver.query<{ count: number | string }>(`WITH inserted AS (
    INSERT INTO ${S}."DistributionItem" ("id", "distributionId", "item", "modality", "quantity", "unit", "currency")
    SELECT ${syntheticIdSql('distribution-item', `r."distributionId"::text || ':' || r."item"`)}, r."distributionId", r."item", r."modality", sum(r."quantity"), r."unit", r."currency"
    FROM ${S}."AssistanceRecord" r
    WHERE r."distributionId" IN (SELECT ${syntheticIdSql('distribution', 'd')} FROM generate_series(${lo}, ${hi - 1}) AS d)
    GROUP BY r."distributionId", r."item", r."modality", r."unit", r."currency"
    RETURNING 1) SELECT count(*) AS count FROM inserted`);
  return Number(rows[0]?.count ?? 0);
}

/**
 * The published openings of the demo's crossings as a SQL table `openings`, so a seeded journey
 * records whether its crossing was open that way on its day as `recordReunificationSupport` would:
 * a period still running ends on the day its sources were read, after which nothing is known.
 */
function openingsCte(): string {
  const rows = demoCrossings.flatMap((crossing) =>
    crossing.periods.map(
      (p) =>
        `(${uuid(location(crossing.place))}, DATE ${text(p.from)}, DATE ${text(p.until ?? crossing.checkedOn)}, ${p.open}, ${p.towards ? text(p.towards) : 'NULL::text'})`,
    ),
  );
  return `openings (crossing, "from", "until", open, towards) AS (VALUES ${rows.join(', ')})`;
}

/**
 * Support follows the case it belongs to (request k's status is OPEN, SEARCHING, LOCATED,
 * REUNITED, CLOSED by k % 5, as the people seed writes it), so COMPLETED support is only ever on a
 * LOCATED or REUNITED request:
 * - three REUNITED requests in four: documents, then the journey two weeks later, both COMPLETED;
 * - every other LOCATED request: documents COMPLETED, the journey PLANNED;
 * - one CLOSED request in four: a journey that FAILED at a closed crossing.
 * A journey goes into Ukraine through the crossing that was open on its day: Kolotilovka – Pokrovka
 * from Russia until August 2024, Mokrany – Domanove from Belarus after; a failed one met the
 * closed Novaya Guta crossing.
 */
async function insertReunificationSupport(driver: SqlDriver, lo: number, hi: number): Promise<number> {
  const minsk = uuid(organization('ICRC-MINSK'));
  const brc = uuid(organization('BRC'));
  const rows = await driver.query<{ count: number | string }>(`WITH ${openingsCte()},
    journeys AS (
      SELECT k, s, DATE '2024-03-01' + (k % 300) + s * 14 AS day,
        CASE WHEN k % 5 = 3 THEN 'COMPLETED' WHEN k % 5 = 2 THEN (CASE WHEN s = 0 THEN 'COMPLETED' ELSE 'PLANNED' END) ELSE 'FAILED' END AS outcome
      FROM generate_series(${lo}, ${hi - 1}) AS k CROSS JOIN generate_series(0, 1) AS s
      WHERE (k % 5 = 3 AND k % 20 <> 18) OR k % 10 = 2 OR (k % 20 = 4 AND s = 1)),
    routes AS (
      SELECT j.*,
        CASE WHEN j.s = 0 THEN NULL WHEN j.outcome = 'FAILED' THEN ${uuid(location('CROSSING-1'))}
             WHEN j.day < DATE '2024-08-06' THEN ${uuid(location('CROSSING-KOLOTILOVKA'))} ELSE ${uuid(location('CROSSING-MOKRANY'))} END AS crossing,
        CASE WHEN j.s = 0 THEN NULL WHEN j.outcome <> 'FAILED' AND j.day < DATE '2024-08-06' THEN 'RU' ELSE 'BY' END AS from_country,
        CASE WHEN j.s = 0 THEN NULL ELSE 'UA' END AS to_country
      FROM journeys j),
    inserted AS (
    INSERT INTO ${S}."ReunificationSupport" ("id", "tracingRequestId", "personId", "kind", "borderCrossingId", "fromCountry", "toCountry", "crossingOpen", "date", "outcome", "partnerId", "recordedById", "sharedWithIds", "reviewOn")
    SELECT ${syntheticIdSql('reunification-support', `k::text || ':' || s::text`)}, ${syntheticIdSql('tracing-request', 'k')}, ${syntheticIdSql('person', '2 * k + 1')},
           (CASE WHEN s = 0 THEN 'DOCUMENTS' ELSE (ARRAY['TRAVEL', 'ESCORT', 'BORDER_CROSSING'])[1 + (k / 5) % 3] END)::${S}."ReunificationSupportKind",
           r.crossing, r.from_country, r.to_country,
           (SELECT o.open AND (o.towards IS NULL OR o.towards = r.to_country) FROM openings o
            WHERE o.crossing = r.crossing AND o."from" <= r.day AND (o."until" IS NULL OR r.day <= o."until")),
           r.day,
           r.outcome::${S}."ReunificationOutcome",
           CASE WHEN k % 8 = 0 THEN ${minsk} ELSE ${brc} END, CASE WHEN k % 8 = 0 THEN ${minsk} ELSE ${brc} END,
           ARRAY[CASE WHEN k % 8 = 0 THEN ${brc} ELSE ${minsk} END],
           -- Support carried out or failed is reviewed two years after it was given, planned support after five.
           (r.day + CASE WHEN r.outcome = 'PLANNED' THEN interval '5 years' ELSE interval '2 years' END)::date
    FROM routes r
    RETURNING 1) SELECT count(*) AS count FROM inserted`);
  return Number(rows[0]?.count ?? 0);
}

/** Support rows the seed writes for tracing requests 0..requests-1 (see `insertReunificationSupport`). */
export function reunificationRows(requests: number): number {
  let rows = 0;
  for (let k = 0; k < requests; k += 1) {
    if (k % 5 === 3 && k % 20 !== 18) rows += 2;
    else if (k % 10 === 2) rows += 2;
    else if (k % 20 === 4) rows += 1;
  }
  return rows;
}

/**
 * What `seed` reports through `onProgress` for `people` persons: programmes, distributions,
 * records, the distributions whose item totals it computed (their number of items depends on the
 * records, so the step counts distributions), and reunification support.
 */
export function expectedRows(people: number): number {
  const volumes = demoVolumes(people);
  return demoProgrammes.length + volumes.distributions + volumes.assistanceRecords + volumes.distributions + reunificationRows(volumes.tracingRequests);
}

/**
 * Fills the assistance tables with the deterministic demo for `people` persons. `onProgress`
 * receives an increment after each statement (see `expectedRows` for what is counted), as the
 * seed command's progress bar adds them up.
 */
export async function seed(driver: SqlDriver, options: SeedOptions): Promise<void> {
  const volumes = demoVolumes(options.people);
  const report = (rows: number) => options.onProgress?.(rows);
  report(await insertProgrammes(driver));
  await inBatches(volumes.distributions, BATCH_ROWS, (lo, hi) => insertDistributions(driver, lo, hi), report);
  await inBatches(volumes.assistanceRecords, BATCH_ROWS, (lo, hi) => insertRecords(driver, volumes.distributions, lo, hi), report);
  await inBatches(volumes.tracingRequests, BATCH_ROWS, (lo, hi) => insertReunificationSupport(driver, lo, hi), report);
  // Distribution items come last: every demo has some, so `isSeeded` can tell a finished seed by them.
  const maxItems = Math.max(...demoProgrammes.map((programme) => programme.items.length));
  await inBatches(
    volumes.distributions,
    Math.floor(BATCH_ROWS / maxItems),
    async (lo, hi) => {
      await insertDistributionItems(driver, lo, hi);
      return hi - lo;
    },
    report,
  );
  if (options.analyse !== false) await analyseSchema(driver, 'assistance');
}

/**
 * True once a seed has run to the end: distribution items are the last table it fills, and every
 * demo has some (a small one has no reunification support, so that table cannot tell).
 */
export async function isSeeded(driver: SqlDriver): Promise<boolean> {
  const rows = await driver.query<{ seeded: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${S}."DistributionItem") AS seeded`);
  return rows[0]?.seeded === true;
}
