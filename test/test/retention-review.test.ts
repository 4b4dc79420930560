import { syntheticId } from '@movement/runtime/demo';
import { startTestGraph, type TestGraph } from './harness';
import { collectInput } from './messages-support';

/**
 * Retention beyond the people subgraph, through the gateway as the partners that keep the
 * records: Red Cross Messages, assistance records and reunification support carry a review date;
 * each subgraph lists its records past review (only those the partner may see), and the partner
 * that recorded a record moves its date with a reason, audited. A partner the record is only
 * shared with may not; one that cannot see it is told it does not exist.
 */

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'retention-review' });
});

afterAll(async () => {
  await graph?.stop();
});

const org = (key: string) => syntheticId('organization', key);
const RRC = org('RRC');
const BRC = org('BRC');
const ICRC_MINSK = org('ICRC-MINSK');
const AS_OF = '2026-11-01';

type Partner = 'icrc' | 'russianRedCross' | 'belarusRedCross';
const partnerOf: Record<Partner, string> = { icrc: org('ICRC-MOSCOW'), russianRedCross: RRC, belarusRedCross: BRC };

const sql = <T>(subgraph: 'people' | 'messages' | 'assistance', text: string, params: unknown[] = []) =>
  graph.graph.subgraphs[subgraph].database.driver.query<T>(text, params);
const as = <T>(caller: Partner, query: string, variables: Record<string, unknown> = {}) => graph.query<T>(query, variables, graph.as(caller));

/** A day `years` from today, `YYYY-MM-DD`. */
const yearsAhead = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
};

type Page = { edges: Array<{ node: { id: string; reviewOn: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Every record of a past-review list as `caller` pages through it, in the order given. */
async function pastReview(caller: Partner, field: string, asOf = AS_OF): Promise<Array<{ id: string; reviewOn: string }>> {
  const all: Array<{ id: string; reviewOn: string }> = [];
  let after: string | null = null;
  do {
    const result: Awaited<ReturnType<typeof as<Record<string, Page>>>> = await as<Record<string, Page>>(
      caller,
      `query($asOf: String, $after: String) { ${field}(asOf: $asOf, first: 40, after: $after) { edges { node { id reviewOn } } pageInfo { hasNextPage endCursor } } }`,
      { asOf, after },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data![field];
    all.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return all;
}

/** The ids of a table's rows past review on AS_OF that `caller` may see: recorded by or shared with its partner, or all under the mandate. */
async function visiblePastReview(caller: Partner, subgraph: 'messages' | 'assistance', table: string): Promise<string[]> {
  const rows = await sql<{ id: string; recordedById: string; sharedWithIds: string[] }>(
    subgraph,
    `SELECT "id", "recordedById", "sharedWithIds" FROM ${table} WHERE "reviewOn" < $1::date`,
    [AS_OF],
  );
  const partner = partnerOf[caller];
  return rows.filter((row) => caller === 'icrc' || row.recordedById === partner || row.sharedWithIds.includes(partner)).map((row) => row.id);
}

const auditTrail = async (personId: string, partnerId: string) => {
  const trail = await graph.admin<{ auditEntries: { edges: Array<{ node: Record<string, unknown> }> } }>(
    `query($person: ID!, $partner: ID!) { auditEntries(personId: $person, partnerId: $partner, first: 50) { edges { node { operationName recordType recordId field personIds } } } }`,
    { person: personId, partner: partnerId },
  );
  expect(trail.errors).toBeUndefined();
  return trail.data!.auditEntries.edges.map((edge) => edge.node);
};

const sorted = (rows: Array<{ id: string; reviewOn: string }>) => {
  const keys = rows.map((row) => `${row.reviewOn} ${row.id}`);
  return JSON.stringify(keys) === JSON.stringify([...keys].sort());
};

describe('records past review in each subgraph', () => {
  beforeAll(async () => {
    // The Belarus Red Cross records or shares every seeded reunification support: one is kept
    // from it here, so that its list has something to leave out.
    await sql(
      'assistance',
      `UPDATE "assistance"."ReunificationSupport" SET "recordedById" = $2, "sharedWithIds" = '{}'
       WHERE "id" = (SELECT "id" FROM "assistance"."ReunificationSupport" WHERE "reviewOn" < $1::date ORDER BY "id" DESC LIMIT 1)`,
      [AS_OF, ICRC_MINSK],
    );
  });

  test.each([
    ['messagesPastReview', 'messages', '"messages"."RedCrossMessage"', 'russianRedCross'],
    ['assistanceRecordsPastReview', 'assistance', '"assistance"."AssistanceRecord"', 'belarusRedCross'],
    ['reunificationSupportPastReview', 'assistance', '"assistance"."ReunificationSupport"', 'belarusRedCross'],
  ] as const)('%s lists, earliest first, exactly the records past review the partner may see', async (field, subgraph, table, partner) => {
    const mandate = await pastReview('icrc', field);
    // The seed leaves finished records past review in 2026, and others ahead.
    expect(mandate.length).toBeGreaterThan(0);
    expect(sorted(mandate)).toBe(true);
    expect(mandate.every((row) => row.reviewOn < AS_OF)).toBe(true);
    expect(new Set(mandate.map((row) => row.id))).toEqual(new Set(await visiblePastReview('icrc', subgraph, table)));

    const theirs = await pastReview(partner, field);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(mandate.length);
    expect(sorted(theirs)).toBe(true);
    expect(new Set(theirs.map((row) => row.id))).toEqual(new Set(await visiblePastReview(partner, subgraph, table)));

    const bad = await as('icrc', `{ ${field}(asOf: "2026-11") { edges { cursor } } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });
});

test('a message collected and assistance recorded today are reviewed five years from today', async () => {
  const collected = await as<{ collectMessage: { reviewOn: string; reviewReason: string | null } }>(
    'russianRedCross',
    `mutation($input: CollectMessageInput!) { collectMessage(input: $input) { reviewOn reviewReason } }`,
    { input: collectInput('review-date-on-create', { collectingPartnerId: RRC }) },
  );
  expect(collected.errors).toBeUndefined();
  expect(collected.data!.collectMessage).toEqual({ reviewOn: yearsAhead(5), reviewReason: null });

  const recorded = await as<{ recordAssistance: { reviewOn: string; reviewReason: string | null } }>(
    'russianRedCross',
    `mutation($input: RecordAssistanceInput!) { recordAssistance(input: $input) { reviewOn reviewReason } }`,
    {
      input: {
        beneficiaryId: syntheticId('person', 3),
        householdSize: 2,
        item: 'blanket',
        modality: 'IN_KIND',
        quantity: 2,
        unit: 'PIECE',
        date: '2024-12-10',
        locationId: syntheticId('location', 'RU-ROS-01-0001'),
        partnerId: RRC,
        recordedById: RRC,
      },
    },
  );
  expect(recorded.errors).toBeUndefined();
  expect(recorded.data!.recordAssistance).toEqual({ reviewOn: yearsAhead(5), reviewReason: null });
});

describe('moving a review date', () => {
  const MOVE_MESSAGE = `mutation MoveMessageReview($input: SetMessageReviewDateInput!) {
    setMessageReviewDate(input: $input) { id reviewOn reviewReason }
  }`;

  test('the partner that recorded a message moves its review date with a reason, audited; validation names the field at fault', async () => {
    const [message] = await sql<{ id: string; senderId: string; addresseeId: string }>(
      'messages',
      `SELECT "id", "senderId", "addresseeId" FROM "messages"."RedCrossMessage" WHERE "recordedById" = $1 AND "reviewOn" < $2::date ORDER BY "id" LIMIT 1`,
      [RRC, AS_OF],
    );
    expect(message).toBeDefined();
    const move = (input: Record<string, unknown>, caller: Partner = 'russianRedCross') =>
      as<{ setMessageReviewDate: { id: string; reviewOn: string; reviewReason: string } }>(caller, MOVE_MESSAGE, {
        input: { messageId: message.id, reviewOn: yearsAhead(2), reason: 'family still searching for the addressee', ...input },
      });

    const refused: Array<[Record<string, unknown>, string]> = [
      [{ reviewOn: '2001-01-01' }, 'input.reviewOn'],
      [{ reviewOn: '2030-02-30' }, 'input.reviewOn'],
      [{ reviewOn: '01/02/2030' }, 'input.reviewOn'],
      [{ reviewOn: yearsAhead(31) }, 'input.reviewOn'],
      [{ reason: '  ' }, 'input.reason'],
      [{ messageId: 'RCM-1' }, 'input.messageId'],
    ];
    for (const [input, field] of refused) {
      const result = await move(input);
      expect([field, result.errors?.[0]?.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    const [unchanged] = await sql<{ reviewReason: string | null }>('messages', `SELECT "reviewReason" FROM "messages"."RedCrossMessage" WHERE "id" = $1`, [
      message.id,
    ]);
    expect(unchanged.reviewReason).toBeNull();

    const moved = await move({ reviewOn: yearsAhead(2) });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.setMessageReviewDate).toEqual({ id: message.id, reviewOn: yearsAhead(2), reviewReason: 'family still searching for the addressee' });
    expect((await pastReview('russianRedCross', 'messagesPastReview')).map((row) => row.id)).not.toContain(message.id);
    const read = await as<{ message: { reviewOn: string } }>('russianRedCross', `query($id: ID!) { message(id: $id) { reviewOn } }`, { id: message.id });
    expect(read.data!.message.reviewOn).toBe(yearsAhead(2));

    const trail = await auditTrail(message.senderId, RRC);
    expect(trail).toEqual(
      expect.arrayContaining([
        {
          operationName: 'MoveMessageReview',
          recordType: 'RedCrossMessage',
          recordId: message.id,
          field: 'reviewOn',
          personIds: [...new Set([message.senderId, message.addresseeId])],
        },
      ]),
    );
  });

  test('a partner on the route that did not record the message may not move its date; one off the route is told it does not exist', async () => {
    const [shared, unseen] = await sql<{ id: string }>(
      'messages',
      `SELECT "id" FROM "messages"."RedCrossMessage" WHERE NOT ($1::uuid = ANY("sharedWithIds")) AND "recordedById" <> $1::uuid ORDER BY "id" LIMIT 2`,
      [BRC],
    );
    // The first recorded by the Russian Red Cross and shared with the Belarus Red Cross; the second kept from it.
    await sql('messages', `UPDATE "messages"."RedCrossMessage" SET "recordedById" = $2, "sharedWithIds" = $3::uuid[] WHERE "id" = $1`, [shared.id, RRC, [BRC]]);
    await sql('messages', `UPDATE "messages"."RedCrossMessage" SET "recordedById" = $2, "sharedWithIds" = '{}' WHERE "id" = $1`, [unseen.id, RRC]);
    const input = (messageId: string) => ({ input: { messageId, reviewOn: yearsAhead(3), reason: 'kept for the family' } });

    const forbidden = await as('belarusRedCross', MOVE_MESSAGE, input(shared.id));
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.messageId' });
    const absent = await as('belarusRedCross', MOVE_MESSAGE, input(unseen.id));
    expect(absent.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.messageId' });
    const rows = await sql<{ reviewReason: string | null }>(
      'messages',
      `SELECT "reviewReason" FROM "messages"."RedCrossMessage" WHERE "id" = ANY($1::uuid[])`,
      [[shared.id, unseen.id]],
    );
    expect(rows.map((row) => row.reviewReason)).toEqual([null, null]);

    // The ICRC's mandate may move it.
    const mandate = await as('icrc', MOVE_MESSAGE, input(shared.id));
    expect(mandate.errors).toBeUndefined();
  });

  test.each([
    ['setAssistanceRecordReviewDate', '"assistance"."AssistanceRecord"', 'beneficiaryId', 'AssistanceRecord'],
    ['setReunificationSupportReviewDate', '"assistance"."ReunificationSupport"', 'personId', 'ReunificationSupport'],
  ] as const)('%s: the Belarus Red Cross moves the date of its own record, not of one shared with it', async (mutation, table, personColumn, recordType) => {
    const [own, shared] = await sql<{ id: string; personId: string }>(
      'assistance',
      `SELECT "id", "${personColumn}" AS "personId" FROM ${table} WHERE "reviewOn" < $1::date ORDER BY "id" LIMIT 2`,
      [AS_OF],
    );
    await sql('assistance', `UPDATE ${table} SET "recordedById" = $2, "sharedWithIds" = '{}' WHERE "id" = $1`, [own.id, BRC]);
    await sql('assistance', `UPDATE ${table} SET "recordedById" = $2, "sharedWithIds" = $3::uuid[] WHERE "id" = $1`, [shared.id, ICRC_MINSK, [BRC]]);
    const MOVE = `mutation MoveAssistanceReview($input: SetAssistanceReviewDateInput!) { ${mutation}(input: $input) { id reviewOn reviewReason } }`;
    const input = (id: string, overrides: Record<string, unknown> = {}) => ({
      input: { id, reviewOn: yearsAhead(1), reason: 'donor audit of the programme pending', ...overrides },
    });

    const early = await as('belarusRedCross', MOVE, input(own.id, { reviewOn: new Date().toISOString().slice(0, 10) }));
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reviewOn' });
    const noReason = await as('belarusRedCross', MOVE, input(own.id, { reason: '' }));
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });

    const moved = await as<Record<string, { id: string; reviewOn: string; reviewReason: string }>>('belarusRedCross', MOVE, input(own.id));
    expect(moved.errors).toBeUndefined();
    expect(moved.data![mutation]).toEqual({ id: own.id, reviewOn: yearsAhead(1), reviewReason: 'donor audit of the programme pending' });

    const forbidden = await as('belarusRedCross', MOVE, input(shared.id));
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.id' });
    const [kept] = await sql<{ reviewReason: string | null }>('assistance', `SELECT "reviewReason" FROM ${table} WHERE "id" = $1`, [shared.id]);
    expect(kept.reviewReason).toBeNull();

    expect(await auditTrail(own.personId, BRC)).toEqual(
      expect.arrayContaining([{ operationName: 'MoveAssistanceReview', recordType, recordId: own.id, field: 'reviewOn', personIds: [own.personId] }]),
    );
  });

  test('setReviewDate: the Russian Red Cross moves the date of a person it recorded; not of a request shared with it, nor of a detention record without the detention scopes', async () => {
    const MOVE = `mutation MovePersonReview($input: SetReviewDateInput!) { setReviewDate(input: $input) { recordType id reviewOn reviewReason closed person { id } } }`;
    const [person] = await sql<{ id: string }>('people', `SELECT "id" FROM "people"."Person" WHERE "reviewOn" < $1::date ORDER BY "id" LIMIT 1`, [AS_OF]);
    await sql('people', `UPDATE "people"."Person" SET "recordedById" = $2 WHERE "id" = $1`, [person.id, RRC]);
    const [request] = await sql<{ id: string }>('people', `SELECT "id" FROM "people"."TracingRequest" ORDER BY "id" LIMIT 1`);
    await sql('people', `UPDATE "people"."TracingRequest" SET "recordedById" = $2, "sharedWithIds" = $3::uuid[] WHERE "id" = $1`, [
      request.id,
      ICRC_MINSK,
      [RRC],
    ]);
    const [detention] = await sql<{ id: string }>('people', `SELECT "id" FROM "people"."DetentionRecord" ORDER BY "id" LIMIT 1`);
    const input = (recordType: string, id: string) => ({ input: { recordType, id, reviewOn: yearsAhead(4), reason: 'tracing reopened by the family' } });

    const moved = await as<{ setReviewDate: Record<string, unknown> }>('russianRedCross', MOVE, input('PERSON', person.id));
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.setReviewDate).toEqual({
      recordType: 'PERSON',
      id: person.id,
      reviewOn: yearsAhead(4),
      reviewReason: 'tracing reopened by the family',
      closed: false,
      person: { id: person.id },
    });
    expect(await auditTrail(person.id, RRC)).toEqual(
      expect.arrayContaining([{ operationName: 'MovePersonReview', recordType: 'Person', recordId: person.id, field: 'reviewOn', personIds: [person.id] }]),
    );

    const forbidden = await as('russianRedCross', MOVE, input('TRACING_REQUEST', request.id));
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.id' });
    const detentionRefused = await as('russianRedCross', MOVE, input('DETENTION_RECORD', detention.id));
    expect(detentionRefused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.recordType' });
    const absent = await as('russianRedCross', MOVE, input('PERSON', syntheticId('person', 'nobody')));
    expect(absent.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    // The mandate moves a detention record's date.
    const mandate = await as<{ setReviewDate: { recordType: string } }>('icrc', MOVE, input('DETENTION_RECORD', detention.id));
    expect(mandate.errors).toBeUndefined();
    expect(mandate.data!.setReviewDate.recordType).toBe('DETENTION_RECORD');
  });
});
