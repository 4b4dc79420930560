import { analyseSchema, type SqlDriver } from '@movement/runtime';
import { demoVolumes, recordingPartners, syntheticId, syntheticIdSql, ukrainianPartners, type SeedOptions } from '@movement/runtime/demo';
import { addressTowns, familyNews, returnedNote, ukrainianTowns, undeliverableReasons } from './seed-content';

/**
 * Deterministic synthetic messages: message j is written by person 2j and addressed to person
 * 2j+1 (mod people), statuses cycle through every MessageStatus with a history the API could have
 * written (a message starts COLLECTED; DRAFTED is the reviewer sending it back), and every 5th
 * message answers the one before it. Set-based SQL, re-runnable (ON CONFLICT DO NOTHING).
 *
 * Across the front line: every sixth message (j % 6 = 3, unless it is a detainee's) goes from a
 * family in Russia to one in Ukraine (person 2j+1 is then a Ukrainian national), with an address there, delivered by the
 * Ukrainian Red Cross Society. In detention: message 10d+1 is between detainee d (person 20d+3,
 * see the people seed) and their parent, person 20d+2: for even d the detainee writes, collected
 * during the ICRC's first visit when access was granted; for odd d the parent writes, handed over
 * during the second visit once delivered.
 */

/** At most 5 history steps per message, so history batches stay under 50,000 rows. */
const MESSAGES_PER_BATCH = 8000;

const statuses = ['DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE', 'RETURNED'];
const REVIEWER = 'ICRC-MOSCOW';
const REVIEW_PLACE = 'ICRC-MOSCOW-PREMISES';

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** A 1-based SQL array literal to index with `% n + 1`. */
const textArray = (values: string[]) => `(ARRAY[${values.map(literal).join(', ')}])`;
const uuidArray = (values: string[]) => `(${textArray(values)}::uuid[])`;

const partners = uuidArray(recordingPartners.map((key) => syntheticId('organization', key)));
const towns = addressTowns.map((t) => t.town);
const townIds = uuidArray(addressTowns.map((t) => syntheticId('location', t.key)));
const reviewer = `${literal(syntheticId('organization', REVIEWER))}::uuid`;
const reviewPlace = `${literal(syntheticId('location', REVIEW_PLACE))}::uuid`;
const P = recordingPartners.length;
const urcs = `${literal(syntheticId('organization', ukrainianPartners.nationalSociety))}::uuid`;
const uaTowns = ukrainianTowns.map((t) => t.town);
const uaTownIds = uuidArray(ukrainianTowns.map((t) => syntheticId('location', t.key)));
/** The reviewer's note when sending a message back (the DRAFTED step). */
const sentBackNote = "Sent back to the collecting partner: the addressee's address is incomplete.";

/**
 * Index of the last history step of a message in status `s` (the index in `statuses`): DRAFTED
 * was collected then sent back (2 steps), COLLECTED has 1, REVIEWED 2, IN_TRANSIT 3, DELIVERED
 * and UNDELIVERABLE 4, RETURNED 5. Written for SQL over `m.s`, and as `stepsOf` for counting.
 */
const lastStepSql = '(CASE m.s WHEN 0 THEN 1 WHEN 1 THEN 0 WHEN 2 THEN 1 WHEN 3 THEN 2 WHEN 4 THEN 3 WHEN 5 THEN 3 ELSE 4 END)';

/** Per-message values both statements derive from j, so messages and their history agree. */
const messageColumns = (people: number) => {
  const detainees = demoVolumes(people).detentionRecords;
  // Message 10d+1 of an existing detention record d; the detainee writes when d is even.
  const detained = `j % 10 = 1 AND j / 10 < ${detainees}`;
  const detaineeWrites = `${detained} AND (j / 10) % 2 = 0`;
  const toUkraine = `(j % 6 = 3 AND NOT (${detained}))`;
  return `
  j,
  (j % 7) AS s,
  ${partners}[((j / 7) % ${P}) + 1] AS collecting,
  CASE WHEN ${toUkraine} THEN ${urcs} ELSE ${partners}[((j / 7 + 3) % ${P}) + 1] END AS delivering,
  ${toUkraine} AS to_ukraine,
  timestamptz '2024-01-01T08:00:00Z' + j * interval '37 seconds' AS created,
  ${syntheticIdSql('person', `CASE WHEN ${detaineeWrites} THEN 2 * j + 1 ELSE 2 * j END % ${people}`)} AS sender,
  ${syntheticIdSql('person', `CASE WHEN ${detaineeWrites} THEN 2 * j ELSE 2 * j + 1 END % ${people}`)} AS addressee,
  CASE WHEN ${detained} THEN ${syntheticIdSql('detention-record', 'j / 10')} END AS detention,
  -- The people seed grants access, and visits twice, when d % 5 is 0 or 2.
  CASE WHEN ${detaineeWrites} AND (j / 10) % 5 IN (0, 2) THEN ${syntheticIdSql('detention-visit', '(j / 10) * 2')} END AS collected_on_visit,
  CASE WHEN ${detained} AND (j / 10) % 2 = 1 AND (j / 10) % 5 IN (0, 2) AND j % 7 = 4 THEN ${syntheticIdSql('detention-visit', '(j / 10) * 2 + 1')} END AS delivered_on_visit`;
};

function messagesSql(people: number, from: number, to: number): string {
  const news = familyNews.length;
  return `
    INSERT INTO "messages"."RedCrossMessage" ("id", "reference", "senderId", "addresseeId", "senderAddress", "addresseeAddress", "language", "content", "status", "collectingPartnerId", "deliveringPartnerId", "inReplyToId", "createdAt", "updatedAt", "statusChangedAt", "recordedById", "sharedWithIds", "detentionRecordId", "collectedDuringVisitId", "deliveredDuringVisitId", "reviewOn")
    SELECT
      ${syntheticIdSql('message', 'j')},
      'RCM-2024-' || lpad((j + 1)::text, greatest(6, length((j + 1)::text)), '0'),
      m.sender,
      m.addressee,
      CASE WHEN j % 9 = 8 THEN NULL ELSE 'ул. Садовая, д. ' || (j % 97 + 1) || ', ' || ${textArray(towns)}[(j % ${towns.length}) + 1] END,
      CASE WHEN j % 6 = 5 THEN NULL
        WHEN m.to_ukraine THEN 'вул. Шевченка, буд. ' || ((j * 7) % 89 + 1) || ', ' || ${textArray(uaTowns)}[((j / 6) % ${uaTowns.length}) + 1]
        ELSE 'ул. Мира, д. ' || ((j * 7) % 89 + 1) || ', ' || ${textArray(towns)}[((j + 3) % ${towns.length}) + 1] END,
      ${textArray(familyNews.map(([language]) => language))}[(j % ${news}) + 1],
      ${textArray(familyNews.map(([, content]) => content))}[(j % ${news}) + 1],
      ${textArray(statuses)}[m.s + 1]::"messages"."MessageStatus",
      m.collecting,
      CASE WHEN m.s >= 3 THEN m.delivering END,
      CASE WHEN j % 5 = 4 THEN ${syntheticIdSql('message', 'j - 1')} END,
      m.created,
      -- updatedAt and statusChangedAt: the time of the last step of the message's history.
      m.created + ${lastStepSql} * interval '2 days',
      m.created + ${lastStepSql} * interval '2 days',
      m.collecting,
      -- The route: the reviewer once it reviewed the message or sent it back, the deliverer once dispatched.
      ARRAY(
        SELECT DISTINCT route.partner FROM unnest(ARRAY[CASE WHEN m.s <> 1 THEN ${reviewer} END, CASE WHEN m.s >= 3 THEN m.delivering END]) AS route(partner)
        WHERE route.partner IS NOT NULL AND route.partner <> m.collecting ORDER BY route.partner
      ),
      m.detention,
      m.collected_on_visit,
      CASE WHEN m.s = 4 THEN m.delivered_on_visit END,
      -- A message whose journey ended (DELIVERED or RETURNED) is reviewed two years after it was
      -- written, so the demo has messages past review; one still on its way after five.
      (m.created + CASE WHEN m.s IN (4, 6) THEN interval '2 years' ELSE interval '5 years' END)::date
    FROM (SELECT ${messageColumns(people)} FROM generate_series(${from}, ${to}) AS j) AS m
    ON CONFLICT DO NOTHING`;
}

/**
 * History steps k = 0..: COLLECTED, then DRAFTED for a message sent back, else REVIEWED,
 * IN_TRANSIT, then DELIVERED or UNDELIVERABLE, then RETURNED after UNDELIVERABLE.
 */
function historySql(people: number, from: number, to: number): string {
  return `
    INSERT INTO "messages"."MessageStatusChange" ("id", "messageId", "status", "at", "partnerId", "locationId", "note", "sequence")
    SELECT
      ${syntheticIdSql('message-status', `j || ':' || k`)},
      ${syntheticIdSql('message', 'j')},
      step.status::"messages"."MessageStatus",
      m.created + k * interval '2 days',
      CASE step.status
        WHEN 'REVIEWED' THEN ${reviewer}
        WHEN 'DRAFTED' THEN ${reviewer}
        WHEN 'DELIVERED' THEN m.delivering
        WHEN 'UNDELIVERABLE' THEN m.delivering
        ELSE m.collecting
      END,
      CASE step.status
        WHEN 'COLLECTED' THEN ${townIds}[(j % ${addressTowns.length}) + 1]
        WHEN 'REVIEWED' THEN ${reviewPlace}
        WHEN 'DRAFTED' THEN ${reviewPlace}
        WHEN 'DELIVERED' THEN CASE WHEN m.to_ukraine THEN ${uaTownIds}[((j / 6) % ${ukrainianTowns.length}) + 1] ELSE ${townIds}[((j + 3) % ${addressTowns.length}) + 1] END
      END,
      CASE step.status
        WHEN 'DRAFTED' THEN ${literal(sentBackNote)}
        WHEN 'UNDELIVERABLE' THEN ${textArray(undeliverableReasons)}[(j % ${undeliverableReasons.length}) + 1]
        WHEN 'RETURNED' THEN ${literal(returnedNote)}
      END,
      k + 1
    FROM (SELECT ${messageColumns(people)} FROM generate_series(${from}, ${to}) AS j) AS m
    CROSS JOIN generate_series(0, 4) AS k
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN k = 0 THEN 'COLLECTED'
        WHEN m.s = 0 THEN 'DRAFTED'
        WHEN k = 1 THEN 'REVIEWED'
        WHEN k = 2 THEN 'IN_TRANSIT'
        WHEN k = 3 AND m.s = 4 THEN 'DELIVERED'
        WHEN k = 3 THEN 'UNDELIVERABLE'
        ELSE 'RETURNED'
      END AS status
    ) AS step
    WHERE k <= ${lastStepSql}
    ON CONFLICT DO NOTHING`;
}

/** Steps in message j's history, as `historySql` writes them (one more than `lastStepSql`). */
const stepsOf = (j: number) => [2, 1, 2, 3, 4, 4, 5][j % 7];

function historySteps(from: number, to: number): number {
  let steps = 0;
  for (let j = from; j <= to; j += 1) steps += stepsOf(j);
  return steps;
}

/** Rows `seed` writes (and reports through `onProgress`) for `people` persons: messages and their steps. */
export function expectedRows(people: number): number {
  const { messages } = demoVolumes(Math.max(1, people));
  return messages + historySteps(0, messages - 1);
}

export async function seed(driver: SqlDriver, options: SeedOptions): Promise<void> {
  const people = Math.max(1, options.people);
  const { messages } = demoVolumes(people);
  for (let from = 0; from < messages; from += MESSAGES_PER_BATCH) {
    const to = Math.min(messages, from + MESSAGES_PER_BATCH) - 1;
    await driver.exec(messagesSql(people, from, to));
    options.onProgress?.(to - from + 1);
    await driver.exec(historySql(people, from, to));
    options.onProgress?.(historySteps(from, to));
  }
  if (options.analyse !== false) await analyseSchema(driver, 'messages');
}

export async function isSeeded(driver: SqlDriver): Promise<boolean> {
  const [row] = await driver.query<{ seeded: boolean }>(`SELECT EXISTS (SELECT 1 FROM "messages"."RedCrossMessage") AS seeded`);
  return row?.seeded === true;
}
