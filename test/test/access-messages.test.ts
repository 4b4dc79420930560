import { type Principal } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { postGraphQL } from '@movement/runtime/testing';
import { startTestGraph, type TestGraph } from './harness';
import { everyPersonField, identityViewProblems } from './identity-view';
import { collectInput, mutate, org, person } from './messages-support';

/**
 * Partner access to Red Cross Messages through the gateway: each demo partner sees only the
 * messages on its route, the ICRC (mandate) sees all, and nobody acts as another partner.
 */

let graph: TestGraph;

// 200 people (the size of the shared graph, whose template every run makes) → 100 seeded messages: collected by every recording partner in turn (7 each), so BRC,
// RRC and the ICRC each have messages on their route and many off it.
beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'accessmsg' });
  // The sender and addressee of the messages this file collects are shared with the partners that
  // collect them: a partner can only name people it may see (see access-people.test.ts).
  await graph.graph.subgraphs.people.database.driver.query(`UPDATE "people"."Person" SET "sharedWithIds" = $2::uuid[] WHERE "id" = ANY($1::uuid[])`, [
    [person(0), person(1)],
    [org('BRC'), org('RRC'), org('ICRC-MOSCOW')],
  ]);
});

afterAll(async () => {
  await graph?.stop();
});

const BRC = org('BRC');
const RRC = org('RRC');
const ICRC = org('ICRC-MOSCOW');
type Caller = 'belarusRedCross' | 'russianRedCross' | 'icrc';
const partnerOf: Record<Caller, string> = { belarusRedCross: BRC, russianRedCross: RRC, icrc: ICRC };

interface Row {
  id: string;
  senderId: string;
  recordedById: string;
  sharedWithIds: string[];
}

const db = () => graph.graph.subgraphs.messages.database.driver;

/** Shares a person's record with a partner, in the people subgraph. */
const shareSenderWith = (personId: string, partnerId: string) =>
  graph.graph.subgraphs.people.database.driver.query(
    `UPDATE "people"."Person" SET "sharedWithIds" = array_append("sharedWithIds", $2::uuid) WHERE "id" = $1::uuid`,
    [personId, partnerId],
  );

/** Every message, straight from the database, newest first as the API lists them. */
async function allRows(): Promise<Row[]> {
  const rows = await db().query<{ id: string; senderId: string; recordedById: string; sharedWithIds: string[] | string }>(
    `SELECT "id"::text AS id, "senderId"::text AS "senderId", "recordedById"::text AS "recordedById", "sharedWithIds"::text[] AS "sharedWithIds"
     FROM "messages"."RedCrossMessage" ORDER BY "createdAt" DESC, "id" DESC`,
  );
  // Drivers differ in how they return arrays; normalise to string[].
  return rows.map((row) => ({
    ...row,
    sharedWithIds: Array.isArray(row.sharedWithIds) ? row.sharedWithIds : String(row.sharedWithIds).replace(/[{}]/g, '').split(',').filter(Boolean),
  }));
}

/** The rule, written out independently of the subgraph: on the partner's route, or the mandate. */
const visibleTo = (caller: Caller) => (row: Row) =>
  caller === 'icrc' || row.recordedById === partnerOf[caller] || row.sharedWithIds.includes(partnerOf[caller]);

type MessagePage = { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Pages through `messages` as `caller`, returning the ids in order. */
async function listedIds(caller: Caller, extra = ''): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await graph.query<{ messages: MessagePage }>(
      `query($after: String) { messages(first: 7, after: $after${extra}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      graph.as(caller),
    );
    expect(result.errors).toBeUndefined();
    const page: MessagePage = result.data!.messages;
    ids.push(...page.edges.map((edge) => edge.node.id));
    // Hidden messages must not make a page short while more visible ones follow.
    if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(7);
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

/** A seeded message `caller` may not see, and one it may. */
async function offAndOnRoute(caller: Caller): Promise<{ off: Row; on: Row }> {
  const rows = await allRows();
  const off = rows.find((row) => !visibleTo(caller)(row));
  const on = rows.find(visibleTo(caller));
  if (!off || !on) throw new Error(`the seed has no message off or on the route of ${caller}`);
  return { off, on };
}

describe('reading messages', () => {
  test.each<Caller>(['belarusRedCross', 'russianRedCross', 'icrc'])('%s lists exactly the messages on its route, in order, with full pages', async (caller) => {
    const expected = (await allRows()).filter(visibleTo(caller)).map((row) => row.id);
    const listed = await listedIds(caller);
    expect(listed).toEqual(expected);
    if (caller === 'icrc') expect(listed).toHaveLength((await allRows()).length);
    else expect(expected.length).toBeLessThan((await allRows()).length);
    expect(expected.length).toBeGreaterThan(0);
  });

  test('a partner filter cannot widen what a partner sees', async () => {
    const asBrcAboutRrc = await listedIds('belarusRedCross', `, partnerId: "${RRC}"`);
    const rows = await allRows();
    const expected = rows
      .filter(visibleTo('belarusRedCross'))
      .filter((row) => row.recordedById === RRC || row.sharedWithIds.includes(RRC))
      .map((row) => row.id);
    expect(asBrcAboutRrc).toEqual(expected);
  });

  test('a message off the route is null by id, with no error, and absent from messagesWaiting', async () => {
    const { off, on } = await offAndOnRoute('belarusRedCross');
    const query = `query($off: ID!, $on: ID!) { off: message(id: $off) { id } on: message(id: $on) { id route { id } } }`;
    const asBrc = await graph.query<{ off: unknown; on: { id: string; route: Array<{ id: string }> } }>(
      query,
      { off: off.id, on: on.id },
      graph.as('belarusRedCross'),
    );
    expect(asBrc.errors).toBeUndefined();
    expect(asBrc.data?.off).toBeNull();
    expect(asBrc.data?.on.route.map((p) => p.id)).toContain(BRC);
    const asIcrc = await graph.query<{ off: { id: string } }>(query, { off: off.id, on: on.id }, graph.as('icrc'));
    expect(asIcrc.data?.off).toEqual({ id: off.id });

    const waiting = async (caller: Caller) => {
      const result = await graph.query<{ messagesWaiting: { edges: Array<{ node: { id: string } }> } }>(
        `{ messagesWaiting(status: DELIVERED, olderThanDays: 1, first: 100) { edges { node { id } } } }`,
        {},
        graph.as(caller),
      );
      return result.data!.messagesWaiting.edges.map((edge) => edge.node.id);
    };
    const [brcWaiting, icrcWaiting] = await Promise.all([waiting('belarusRedCross'), waiting('icrc')]);
    const rows = await allRows();
    const visibleToBrc = new Set(rows.filter(visibleTo('belarusRedCross')).map((row) => row.id));
    expect(brcWaiting.every((id) => visibleToBrc.has(id))).toBe(true);
    expect(brcWaiting).toEqual(icrcWaiting.filter((id) => visibleToBrc.has(id)));
    expect(icrcWaiting.length).toBeGreaterThan(brcWaiting.length);
  });

  test('Person.messagesSent and the replies of a message leave out messages off the route', async () => {
    const { off } = await offAndOnRoute('belarusRedCross');
    // The sender of a message BRC cannot see writes another one, collected by BRC. BRC may see the
    // sender on their own here, so their messages are listed (not withheld by the identity-only view).
    await shareSenderWith(off.senderId, BRC);
    const mine = await mutate(
      graph,
      'collectMessage',
      collectInput('brc-from-hidden-sender', { senderId: off.senderId, addresseeId: person(7), collectingPartnerId: BRC }),
    );
    expect(mine.errors).toBeUndefined();
    const sent = `query($id: ID!) { message(id: $id) { sender { messagesSent(first: 10) { edges { node { id } } pageInfo { hasNextPage } } } } }`;
    const asBrc = await graph.query<{ message: { sender: { messagesSent: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } } } }>(
      sent,
      { id: mine.message!.id },
      graph.as('belarusRedCross'),
    );
    expect(asBrc.errors).toBeUndefined();
    expect(asBrc.data!.message.sender.messagesSent.edges.map((edge) => edge.node.id)).toEqual([mine.message!.id]);
    expect(asBrc.data!.message.sender.messagesSent.pageInfo.hasNextPage).toBe(false);
    const asIcrc = await graph.query<{ message: { sender: { messagesSent: { edges: Array<{ node: { id: string } }> } } } }>(
      sent,
      { id: mine.message!.id },
      graph.as('icrc'),
    );
    expect(asIcrc.data!.message.sender.messagesSent.edges.map((edge) => edge.node.id).sort()).toEqual([mine.message!.id, off.id].sort());

    // Seeded message j answers j - 1 every 5th message: find a reply and its original on different routes.
    const [link] = await db().query<{ original: string; reply: string }>(
      `SELECT o."id"::text AS original, r."id"::text AS reply FROM "messages"."RedCrossMessage" r JOIN "messages"."RedCrossMessage" o ON o."id" = r."inReplyToId"
       WHERE (o."recordedById" = $1::uuid OR o."sharedWithIds" @> ARRAY[$1::uuid]) AND NOT (r."recordedById" = $1::uuid OR r."sharedWithIds" @> ARRAY[$1::uuid]) LIMIT 1`,
      [RRC],
    );
    if (!link) throw new Error('the seed has no reply off RRC’s route to a message on it');
    type Replies = { message: { replies: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } } };
    const repliesQuery = `query($id: ID!) { message(id: $id) { replies(first: 10) { edges { node { id } } pageInfo { hasNextPage } } } }`;
    const replies = await graph.query<Replies>(repliesQuery, { id: link.original }, graph.as('russianRedCross'));
    expect(replies.data!.message.replies).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    const full = await graph.query<Replies>(repliesQuery, { id: link.original }, graph.as('icrc'));
    expect(full.data!.message.replies.edges).toEqual([{ node: { id: link.reply } }]);
  });

  test('_entities on the subgraph answers null for a message off the route, and filters Person.messagesSent', async () => {
    const { off, on } = await offAndOnRoute('belarusRedCross');
    const brc: Principal = { subject: 'key:brc-test', kind: 'partner', partnerId: BRC, scopes: ['messages:read', 'messages:read:content'] };
    const result = await postGraphQL<{ _entities: Array<{ id: string } | null> }>(
      graph.graph.subgraphs.messages.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on RedCrossMessage { id } ... on Person { messagesSent(first: 10) { edges { node { id } } } } } }`,
      {
        r: [
          { __typename: 'RedCrossMessage', id: off.id },
          { __typename: 'RedCrossMessage', id: on.id },
          { __typename: 'Person', id: off.senderId, identityOnly: false },
          // Without the people subgraph's verdict, or with it against the caller, nothing is listed.
          { __typename: 'Person', id: off.senderId },
          { __typename: 'Person', id: off.senderId, identityOnly: true },
        ],
      },
      {},
      { as: brc },
    );
    expect(result.data!._entities[0]).toBeNull();
    expect(result.data!._entities[1]).toEqual({ id: on.id });
    const sentByHiddenSender = (result.data!._entities[2] as unknown as { messagesSent: { edges: Array<{ node: { id: string } }> } }).messagesSent.edges.map(
      (edge) => edge.node.id,
    );
    expect(sentByHiddenSender).not.toContain(off.id);
    expect(result.data!._entities.slice(3)).toEqual([{ messagesSent: null }, { messagesSent: null }]);
    expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions?.code, error.extensions?.coordinate])).toEqual([
      ['_entities.3.messagesSent', 'FORBIDDEN', 'Person.messagesSent'],
      ['_entities.4.messagesSent', 'FORBIDDEN', 'Person.messagesSent'],
    ]);
  });

  test('a sender or addressee not visible on their own is shown in the identity-only view, their messages withheld', async () => {
    const { on } = await offAndOnRoute('russianRedCross');
    const [message] = await db().query<{ senderId: string; addresseeId: string }>(
      `SELECT "senderId"::text AS "senderId", "addresseeId"::text AS "addresseeId" FROM "messages"."RedCrossMessage" WHERE "id" = $1::uuid`,
      [on.id],
    );
    // Both recorded by the Belarus Red Cross and shared with nobody: the RRC sees them only through the message.
    const people = graph.graph.subgraphs.people.database.driver;
    const before = await people.query<{ id: string; recordedById: string; sharedWithIds: string[] }>(
      `SELECT "id"::text AS id, "recordedById"::text AS "recordedById", "sharedWithIds"::text[] AS "sharedWithIds" FROM "people"."Person" WHERE "id" = ANY($1::uuid[])`,
      [[message.senderId, message.addresseeId]],
    );
    await people.query(`UPDATE "people"."Person" SET "recordedById" = $2::uuid, "sharedWithIds" = '{}' WHERE "id" = ANY($1::uuid[])`, [
      [message.senderId, message.addresseeId],
      BRC,
    ]);
    try {
      const query = `query($id: ID!) { message(id: $id) { id sender ${everyPersonField} addressee ${everyPersonField} } }`;
      const asRrc = await graph.query(query, { id: on.id }, graph.as('russianRedCross'));
      expect(identityViewProblems(asRrc, ['message', 'sender'], { id: message.senderId })).toEqual([]);
      expect(identityViewProblems(asRrc, ['message', 'addressee'], { id: message.addresseeId })).toEqual([]);
      const alone = await graph.query(`query($id: ID!) { person(id: $id) { id } }`, { id: message.senderId }, graph.as('russianRedCross'));
      expect(alone).toMatchObject({ data: { person: null } });
      // The mandate sees them in full.
      const asIcrc = await graph.query(query, { id: on.id }, graph.as('icrc'));
      expect(asIcrc.errors).toBeUndefined();
    } finally {
      for (const row of before) {
        await people.query(`UPDATE "people"."Person" SET "recordedById" = $2::uuid, "sharedWithIds" = $3::uuid[] WHERE "id" = $1::uuid`, [
          row.id,
          row.recordedById,
          row.sharedWithIds,
        ]);
      }
    }
  });
});

describe('the family news', () => {
  test('is read on the route, and each read is in the audit trail', async () => {
    const { on } = await offAndOnRoute('belarusRedCross');
    const read = await graph.query<{ message: { content: string | null } }>(
      `query ReadNews($id: ID!) { message(id: $id) { content } }`,
      { id: on.id },
      graph.as('belarusRedCross'),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.message.content).toEqual(expect.any(String));
    // The read is in the trail before its answer leaves the gateway: asked right after, it is there.
    const trail = await graph.admin<{ auditEntries: { edges: Array<{ node: Record<string, unknown> }> } }>(
      `query($person: ID!, $partner: ID!) { auditEntries(personId: $person, partnerId: $partner, first: 50) { edges { node { operationName recordType recordId field personIds } } } }`,
      { person: on.senderId, partner: BRC },
    );
    expect(trail.errors).toBeUndefined();
    const entries = trail.data!.auditEntries.edges.map((edge) => edge.node).filter((entry) => entry.recordId === on.id);
    expect(entries).toEqual([
      expect.objectContaining({ operationName: 'ReadNews', recordType: 'RedCrossMessage', field: 'content', personIds: expect.arrayContaining([on.senderId]) }),
    ]);
  });

  test('without the content scope the text is null with FORBIDDEN at its path while the metadata answers', async () => {
    // The family-links app acts for ICRC Moscow with messages:read only (no content, no mandate):
    // it sees the messages on ICRC Moscow's route, not the others, and never their text.
    const rows = await allRows();
    const onRoute = rows.find((row) => row.recordedById === ICRC || row.sharedWithIds.includes(ICRC));
    const offRoute = rows.find((row) => row.recordedById !== ICRC && !row.sharedWithIds.includes(ICRC));
    if (!onRoute || !offRoute) throw new Error('the seed has no message on and off ICRC Moscow’s route');
    const result = await graph.query<{ on: { reference: string; content: string | null }; off: unknown }>(
      `query($on: ID!, $off: ID!) { on: message(id: $on) { reference content } off: message(id: $off) { reference } }`,
      { on: onRoute.id, off: offRoute.id },
      graph.as('app'),
    );
    expect(result.data!.on.reference).toEqual(expect.any(String));
    expect(result.data!.on.content).toBeNull();
    expect(result.data!.off).toBeNull();
    expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([['on.content', 'FORBIDDEN']]);
  });
});

describe('counts', () => {
  const countsQuery = `query($ids: [ID!]!) { messageCountsByStatus(partnerIds: $ids) { partner { id } total byStatus { status count } } }`;

  test('a partner reads its own counts, which match its route in the database', async () => {
    const result = await graph.query<{ messageCountsByStatus: Array<{ partner: { id: string }; total: number }> }>(
      countsQuery,
      { ids: [BRC] },
      graph.as('belarusRedCross'),
    );
    expect(result.errors).toBeUndefined();
    const expected = (await allRows()).filter(visibleTo('belarusRedCross')).length;
    expect(result.data!.messageCountsByStatus).toEqual([expect.objectContaining({ partner: { id: BRC }, total: expected })]);
  });

  test('asking about another partner is FORBIDDEN naming partnerIds; the mandate may ask about any', async () => {
    const refused = await graph.query(countsQuery, { ids: [BRC, RRC] }, graph.as('belarusRedCross'));
    expect(refused.data?.messageCountsByStatus ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'partnerIds' });
    expect(refused.errors?.[0]?.message).toContain(RRC);
    const icrc = await graph.query<{ messageCountsByStatus: Array<{ partner: { id: string }; total: number }> }>(
      countsQuery,
      { ids: [BRC, RRC] },
      graph.as('icrc'),
    );
    expect(icrc.errors).toBeUndefined();
    const rows = await allRows();
    const onRouteOf = (partner: string) => rows.filter((row) => row.recordedById === partner || row.sharedWithIds.includes(partner)).length;
    expect(icrc.data!.messageCountsByStatus.map((c) => [c.partner.id, c.total])).toEqual([
      [BRC, onRouteOf(BRC)],
      [RRC, onRouteOf(RRC)],
    ]);
  });
});

describe('changing messages', () => {
  const countByKey = async (key: string) =>
    (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM "messages"."RedCrossMessage" WHERE "idempotencyKey" = $1`, [key]))[0].n;

  test('a partner cannot collect as another partner; as itself it can, and only its route sees the message', async () => {
    const refused = await graph.query(
      `mutation($input: CollectMessageInput!) { collectMessage(input: $input) { id } }`,
      { input: collectInput('brc-as-rrc', { collectingPartnerId: RRC }) },
      graph.as('belarusRedCross'),
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.collectingPartnerId' });
    expect(await countByKey('brc-as-rrc')).toBe(0);

    const own = await graph.query<{ collectMessage: { id: string; recordedBy: { id: string }; content: string } }>(
      `mutation($input: CollectMessageInput!) { collectMessage(input: $input) { id recordedBy { id } content } }`,
      { input: collectInput('brc-own', { collectingPartnerId: BRC }) },
      graph.as('belarusRedCross'),
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.collectMessage.recordedBy.id).toBe(BRC);
    const byRrc = await graph.query<{ message: unknown }>(
      `query($id: ID!) { message(id: $id) { id } }`,
      { id: own.data!.collectMessage.id },
      graph.as('russianRedCross'),
    );
    expect(byRrc.data!.message).toBeNull();
  });

  test('a step as another partner is FORBIDDEN; a step on a message off the route is NOT_FOUND and changes nothing', async () => {
    const { off, on } = await offAndOnRoute('belarusRedCross');
    const review = `mutation($input: ReviewMessageInput!) { reviewMessage(input: $input) { id } }`;
    const asIcrc = await graph.query(review, { input: { messageId: on.id, partnerId: ICRC, decision: 'APPROVE' } }, graph.as('belarusRedCross'));
    expect(asIcrc.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.partnerId' });

    const historyOf = async (id: string) =>
      (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM "messages"."MessageStatusChange" WHERE "messageId" = $1::uuid`, [id]))[0].n;
    const before = await historyOf(off.id);
    const steps: Array<[string, string, Record<string, unknown>]> = [
      ['reviewMessage', 'ReviewMessageInput', { messageId: off.id, partnerId: BRC, decision: 'APPROVE' }],
      ['returnMessage', 'ReturnMessageInput', { messageId: off.id, partnerId: BRC }],
      ['dispatchMessage', 'DispatchMessageInput', { messageId: off.id, partnerId: BRC, deliveringPartnerId: BRC }],
    ];
    for (const [name, type, input] of steps) {
      const result = await graph.query(`mutation($input: ${type}!) { ${name}(input: $input) { id } }`, { input }, graph.as('belarusRedCross'));
      expect({ name, extensions: result.errors?.[0]?.extensions }).toMatchObject({ name, extensions: { code: 'NOT_FOUND', field: 'input.messageId' } });
    }
    const reply = await graph.query(
      `mutation($input: ReplyToMessageInput!) { replyToMessage(input: $input) { id } }`,
      { input: { idempotencyKey: 'brc-reply-hidden', inReplyToId: off.id, language: 'ru', content: 'Ответ', collectingPartnerId: BRC } },
      graph.as('belarusRedCross'),
    );
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.inReplyToId' });
    expect(await historyOf(off.id)).toBe(before);
    expect(await countByKey('brc-reply-hidden')).toBe(0);
  });

  test('the mandate acts for any partner', async () => {
    const result = await graph.query<{ collectMessage: { recordedBy: { id: string } } }>(
      `mutation($input: CollectMessageInput!) { collectMessage(input: $input) { recordedBy { id } } }`,
      { input: collectInput('icrc-for-gomel', { collectingPartnerId: syntheticId('organization', 'BRC-GOMEL') }) },
      graph.as('icrc'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.collectMessage.recordedBy.id).toBe(org('BRC-GOMEL'));
  });
});
