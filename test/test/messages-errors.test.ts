import { startTestGraph, type TestGraph } from './harness';
import {
  BELGOROD,
  DISTRIBUTION_POINT,
  GOMEL,
  ICRC_MINSK,
  ICRC_MOSCOW,
  KURSK,
  RRC,
  TRANSITIONS,
  collectInput,
  messageRowCounts,
  mustMutate,
  mutate,
  partnerWorker,
  person,
  type MessageView,
} from './messages-support';

let graph: TestGraph;
const nobody = '00000000-0000-4000-8000-00000000dead';

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'msgerrors' });
  // Partners acting without the mandate can only name people they may see (see access-people.test.ts).
  await graph.graph.subgraphs.people.database.driver.query(`UPDATE "people"."Person" SET "sharedWithIds" = $2::uuid[] WHERE "id" = ANY($1::uuid[])`, [
    [person(0), person(1)],
    [RRC, ICRC_MINSK],
  ]);
});

afterAll(async () => {
  await graph?.stop();
});

const collectedByBelgorod = async () => {
  const result = await graph.query<{ messages: { edges: unknown[] } }>(
    `query($p: ID!) { messages(partnerId: $p, createdFrom: "2025-01-01T00:00:00Z", first: 100) { edges { cursor } } }`,
    { p: BELGOROD },
  );
  return result.data!.messages.edges.length;
};

test.each([
  ['senderId', { senderId: 'not-a-uuid' }, 'input.senderId'],
  ['unknown sender', { senderId: nobody }, 'input.senderId'],
  ['unknown addressee', { addresseeId: nobody }, 'input.addresseeId'],
  ['addressee is the sender', { addresseeId: person(0) }, 'input.addresseeId'],
  ['language', { language: 'Russian!' }, 'input.language'],
  ['empty content', { content: '   ' }, 'input.content'],
  ['content too long', { content: 'x'.repeat(10_001) }, 'input.content'],
  ['unknown collecting partner', { collectingPartnerId: nobody }, 'input.collectingPartnerId'],
  ['unknown place', { locationId: nobody }, 'input.locationId'],
  ['empty idempotency key', { idempotencyKey: '' }, 'input.idempotencyKey'],
  ['idempotency key too long', { idempotencyKey: 'k'.repeat(201) }, 'input.idempotencyKey'],
  ['actor too long', { actor: 'a'.repeat(201) }, 'input.actor'],
  ['sender address too long', { senderAddress: 'a'.repeat(501) }, 'input.senderAddress'],
  ['addressee address too long', { addresseeAddress: 'a'.repeat(501) }, 'input.addresseeAddress'],
  ['place id', { locationId: 'Belgorod' }, 'input.locationId'],
])('collecting a message with a bad %s is refused naming the field and writes nothing', async (_name, overrides, field) => {
  const before = await collectedByBelgorod();
  const { message, errors } = await mutate(graph, 'collectMessage', collectInput(`bad-${field}-${JSON.stringify(overrides).length}`, overrides));
  expect(message).toBeUndefined();
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(errors?.[0]?.message).toContain(field);
  expect(await collectedByBelgorod()).toBe(before);
});

test('an idempotency key reused for a different message is refused, the first message unchanged', async () => {
  const first = await mustMutate(graph, 'collectMessage', collectInput('reused'));
  const { errors } = await mutate(graph, 'collectMessage', collectInput('reused', { content: 'Другой текст.' }));
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.content' });
  const unchanged = await graph.query<{ message: { content: string } }>(`query($id: ID!) { message(id: $id) { content } }`, { id: first.id });
  expect(unchanged.data!.message.content).toBe(first.content);
  // The same key at another collecting partner is another message.
  const other = await mustMutate(graph, 'collectMessage', collectInput('reused', { collectingPartnerId: GOMEL }));
  expect(other.id).not.toBe(first.id);
});

test('every transition the status does not allow is refused, naming the allowed ones', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('transitions'));
  const step = { messageId: message.id, partnerId: GOMEL };
  const refused: Array<[string, Record<string, unknown>]> = [
    ['dispatchMessage', { ...step, deliveringPartnerId: GOMEL }],
    ['deliverMessage', { ...step, deliveredAt: new Date().toISOString(), locationId: collectInput('').locationId }],
    ['markMessageUndeliverable', { ...step, reason: 'REFUSED' }],
    ['returnMessage', step],
    ['reviseMessage', { ...step, content: 'x' }],
  ];
  for (const [name, input] of refused) {
    const { errors } = await mutate(graph, name, input);
    expect({ name, extensions: errors?.[0]?.extensions }).toMatchObject({
      name,
      extensions: { code: 'CONFLICT', current: 'COLLECTED', allowed: ['REVIEWED', 'DRAFTED'] },
    });
    expect(errors![0].message).toContain('may become REVIEWED or DRAFTED');
  }
  const reply = await mutate(graph, 'replyToMessage', {
    idempotencyKey: 'early-reply',
    inReplyToId: message.id,
    language: 'ru',
    content: 'Ответ',
    collectingPartnerId: GOMEL,
  });
  expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', allowed: ['DELIVERED'] });
  const after = await graph.query<{ message: { status: string; statusHistory: unknown[] } }>(
    `query($id: ID!) { message(id: $id) { status statusHistory { status } } }`,
    { id: message.id },
  );
  expect(after.data!.message).toEqual({ status: 'COLLECTED', statusHistory: [{ status: 'COLLECTED' }] });
});

test('bad transition inputs are refused naming the field', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('inputs'));
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'REQUEST_CHANGES' }, 'BAD_USER_INPUT', 'input.note'],
    ['reviewMessage', { messageId: message.id, partnerId: nobody, decision: 'APPROVE' }, 'BAD_USER_INPUT', 'input.partnerId'],
    ['reviewMessage', { messageId: nobody, partnerId: ICRC_MOSCOW, decision: 'APPROVE' }, 'NOT_FOUND', 'input.messageId'],
    ['reviewMessage', { messageId: 'x', partnerId: ICRC_MOSCOW, decision: 'APPROVE' }, 'BAD_USER_INPUT', 'input.messageId'],
    [
      'replyToMessage',
      { idempotencyKey: 'r', inReplyToId: nobody, language: 'ru', content: 'x', collectingPartnerId: GOMEL },
      'NOT_FOUND',
      'input.inReplyToId',
    ],
  ];
  for (const [name, input, code, field] of cases) {
    const { errors } = await mutate(graph, name, input);
    expect({ name, field, extensions: errors?.[0]?.extensions }).toMatchObject({ name, field, extensions: { code, field } });
  }
  await mustMutate(graph, 'reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
  const unknownDeliverer = await mutate(graph, 'dispatchMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: nobody });
  expect(unknownDeliverer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deliveringPartnerId' });
  const dispatched = await mustMutate(graph, 'dispatchMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL });
  const place = collectInput('').locationId;
  const deliveries: Array<[Record<string, unknown>, string]> = [
    [{ deliveredAt: 'yesterday', locationId: place }, 'input.deliveredAt'],
    [{ deliveredAt: new Date(Date.now() + 86_400_000).toISOString(), locationId: place }, 'input.deliveredAt'],
    [{ deliveredAt: '2020-01-01T00:00:00Z', locationId: place }, 'input.deliveredAt'],
    [{ deliveredAt: new Date().toISOString(), locationId: nobody }, 'input.locationId'],
  ];
  for (const [extra, field] of deliveries) {
    const { errors } = await mutate(graph, 'deliverMessage', { messageId: message.id, partnerId: GOMEL, ...extra });
    expect({ extra, extensions: errors?.[0]?.extensions }).toMatchObject({ extra, extensions: { code: 'BAD_USER_INPUT', field } });
  }
  const other = await mutate(graph, 'markMessageUndeliverable', { messageId: message.id, partnerId: GOMEL, reason: 'OTHER' });
  expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
  const unchanged = await graph.query<{ message: { status: string; statusHistory: unknown[] } }>(
    `query($id: ID!) { message(id: $id) { status statusHistory { status } } }`,
    { id: message.id },
  );
  expect(unchanged.data!.message.statusHistory).toHaveLength(dispatched.statusHistory.length);
});

test('bad query arguments are refused naming the argument', async () => {
  const cases: Array<[string, string]> = [
    ['{ messages(createdFrom: "soon") { edges { cursor } } }', 'createdFrom'],
    ['{ messages(createdFrom: "2024-02-01T00:00:00Z", createdBefore: "2024-01-01T00:00:00Z") { edges { cursor } } }', 'createdBefore'],
    ['{ messages(partnerId: "x") { edges { cursor } } }', 'partnerId'],
    ['{ messageCountsByStatus(partnerIds: []) { total } }', 'partnerIds'],
    ['{ messagesWaiting(status: COLLECTED, olderThanDays: 0) { edges { cursor } } }', 'olderThanDays'],
    ['{ messagesWaiting(status: COLLECTED, olderThanDays: 3, first: 500) { edges { cursor } } }', 'first'],
    ['{ messagesWaiting(status: COLLECTED, olderThanDays: 3651) { edges { cursor } } }', 'olderThanDays'],
    ['{ messagesWaiting(status: COLLECTED, olderThanDays: 3, partnerId: "kursk") { edges { cursor } } }', 'partnerId'],
    [`{ messageCountsByStatus(partnerIds: ${JSON.stringify(Array.from({ length: 101 }, () => KURSK))}) { total } }`, 'partnerIds'],
    [`{ messageCountsByStatus(partnerIds: ["${KURSK}", "kursk"]) { total } }`, 'partnerIds.1'],
    ['{ message(id: "RCM-2024-000001") { id } }', 'id'],
  ];
  for (const [query, field] of cases) {
    const result = await graph.query(query);
    expect({ query, extensions: (result.errors?.[0] as { extensions?: unknown } | undefined)?.extensions }).toMatchObject({
      query,
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  }
});

describe('bad inputs to the steps of a journey', () => {
  let collected: MessageView;
  let drafted: MessageView;
  let delivered: MessageView;
  beforeAll(async () => {
    collected = await mustMutate(graph, 'collectMessage', collectInput('step-inputs-collected'));
    drafted = await mustMutate(graph, 'collectMessage', collectInput('step-inputs-drafted'));
    await mustMutate(graph, 'reviewMessage', { messageId: drafted.id, partnerId: ICRC_MOSCOW, decision: 'REQUEST_CHANGES', note: 'Shorten it.' });
    delivered = await mustMutate(graph, 'collectMessage', collectInput('step-inputs-delivered'));
    await mustMutate(graph, 'reviewMessage', { messageId: delivered.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
    await mustMutate(graph, 'dispatchMessage', { messageId: delivered.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL });
    await mustMutate(graph, 'deliverMessage', {
      messageId: delivered.id,
      partnerId: GOMEL,
      deliveredAt: new Date().toISOString(),
      locationId: DISTRIBUTION_POINT,
    });
  });

  const review = (extra: Record<string, unknown>) => (): Record<string, unknown> => ({
    messageId: collected.id,
    partnerId: ICRC_MOSCOW,
    decision: 'APPROVE',
    ...extra,
  });
  const revise = (extra: Record<string, unknown>) => (): Record<string, unknown> => ({ messageId: drafted.id, partnerId: BELGOROD, ...extra });
  const reply = (extra: Record<string, unknown>) => (): Record<string, unknown> => ({
    idempotencyKey: `bad-reply-${JSON.stringify(extra).length}`,
    inReplyToId: delivered.id,
    language: 'uk',
    content: 'Отримали.',
    collectingPartnerId: GOMEL,
    ...extra,
  });
  test.each<[string, string, () => Record<string, unknown>, string]>([
    ['a note over 2,000 characters', 'reviewMessage', review({ note: 'n'.repeat(2001) }), 'input.note'],
    ['an actor over 200 characters', 'reviewMessage', review({ actor: 'a'.repeat(201) }), 'input.actor'],
    ['an unknown place', 'reviewMessage', review({ locationId: nobody }), 'input.locationId'],
    ['a malformed place id', 'reviewMessage', review({ locationId: 'Moscow' }), 'input.locationId'],
    ['a bad language tag', 'reviseMessage', revise({ language: 'Russian!' }), 'input.language'],
    ['empty content', 'reviseMessage', revise({ content: '  ' }), 'input.content'],
    ['a sender address over 500 characters', 'reviseMessage', revise({ senderAddress: 's'.repeat(501) }), 'input.senderAddress'],
    ['an addressee address over 500 characters', 'reviseMessage', revise({ addresseeAddress: 'a'.repeat(501) }), 'input.addresseeAddress'],
    ['a note over 2,000 characters', 'reviseMessage', revise({ note: 'n'.repeat(2001) }), 'input.note'],
    ['an unknown place', 'reviseMessage', revise({ locationId: nobody }), 'input.locationId'],
    ['an unknown collecting partner', 'replyToMessage', reply({ collectingPartnerId: nobody }), 'input.collectingPartnerId'],
    ['a bad language tag', 'replyToMessage', reply({ language: 'ukrainian' }), 'input.language'],
    ['empty content', 'replyToMessage', reply({ content: '' }), 'input.content'],
    ['an addressee address over 500 characters', 'replyToMessage', reply({ addresseeAddress: 'a'.repeat(501) }), 'input.addresseeAddress'],
    ['an actor over 200 characters', 'replyToMessage', reply({ actor: 'a'.repeat(201) }), 'input.actor'],
    ['an unknown place', 'replyToMessage', reply({ locationId: nobody }), 'input.locationId'],
  ])('%s in %s is refused naming the field and writes nothing', async (_what, name, input, field) => {
    const before = await messageRowCounts(graph);
    const { message, errors } = await mutate(graph, name, input());
    expect(message).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors?.[0]?.message).toContain(field);
    expect(await messageRowCounts(graph)).toEqual(before);
  });

  test.each<[string, Record<string, unknown>]>([
    ['dispatchMessage', { deliveringPartnerId: GOMEL }],
    ['returnMessage', {}],
  ])('an unknown place in %s is refused naming input.locationId', async (name, extra) => {
    const before = await messageRowCounts(graph);
    const { errors } = await mutate(graph, name, { messageId: collected.id, partnerId: ICRC_MOSCOW, locationId: nobody, ...extra });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.locationId' });
    expect(await messageRowCounts(graph)).toEqual(before);
  });
});

describe('every transition the status does not allow', () => {
  // What each mutation asks the message to become; replyToMessage instead needs a DELIVERED original.
  const moves: Array<[string, string, (messageId: string) => Record<string, unknown>]> = [
    ['reviewMessage (APPROVE)', 'REVIEWED', (messageId) => ({ messageId, partnerId: ICRC_MOSCOW, decision: 'APPROVE' })],
    ['reviewMessage (REQUEST_CHANGES)', 'DRAFTED', (messageId) => ({ messageId, partnerId: ICRC_MOSCOW, decision: 'REQUEST_CHANGES', note: 'Shorten it.' })],
    ['reviseMessage', 'COLLECTED', (messageId) => ({ messageId, partnerId: BELGOROD, content: 'Исправлено.' })],
    ['dispatchMessage', 'IN_TRANSIT', (messageId) => ({ messageId, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL })],
    ['deliverMessage', 'DELIVERED', (messageId) => ({ messageId, partnerId: GOMEL, deliveredAt: new Date().toISOString(), locationId: DISTRIBUTION_POINT })],
    ['markMessageUndeliverable', 'UNDELIVERABLE', (messageId) => ({ messageId, partnerId: GOMEL, reason: 'PERSON_MOVED' })],
    ['returnMessage', 'RETURNED', (messageId) => ({ messageId, partnerId: GOMEL })],
  ];
  const mutationOf = (label: string) => label.split(' ')[0];
  // The steps that bring a new message (COLLECTED) to each status, by the shortest way.
  const pathTo: Record<string, string[]> = {
    COLLECTED: [],
    DRAFTED: ['reviewMessage (REQUEST_CHANGES)'],
    REVIEWED: ['reviewMessage (APPROVE)'],
    IN_TRANSIT: ['reviewMessage (APPROVE)', 'dispatchMessage'],
    DELIVERED: ['reviewMessage (APPROVE)', 'dispatchMessage', 'deliverMessage'],
    UNDELIVERABLE: ['reviewMessage (APPROVE)', 'dispatchMessage', 'markMessageUndeliverable'],
    RETURNED: ['reviewMessage (APPROVE)', 'dispatchMessage', 'markMessageUndeliverable', 'returnMessage'],
  };
  const invalid = Object.keys(TRANSITIONS).flatMap((status) =>
    moves.filter(([, to]) => !TRANSITIONS[status].includes(to)).map(([label, to]) => [status, label, to] as const),
  );
  const atStatus = new Map<string, MessageView>();

  beforeAll(async () => {
    for (const [status, path] of Object.entries(pathTo)) {
      let message = await mustMutate(graph, 'collectMessage', collectInput(`at-${status}`, { senderId: person(6), addresseeId: person(7) }));
      for (const label of path) message = await mustMutate(graph, mutationOf(label), moves.find(([l]) => l === label)![2](message.id));
      expect(message.status).toBe(status);
      atStatus.set(status, message);
    }
  });

  test('the table covers every status and leaves out only the moves the journey allows', () => {
    expect(Object.keys(pathTo).sort()).toEqual(Object.keys(TRANSITIONS).sort());
    const allowedCount = Object.values(TRANSITIONS).reduce((sum, next) => sum + next.length, 0);
    expect(invalid).toHaveLength(Object.keys(TRANSITIONS).length * moves.length - allowedCount);
  });

  test.each(invalid)('a message at %s refuses %s (→ %s) with CONFLICT naming the allowed statuses', async (status, label, to) => {
    const message = atStatus.get(status)!;
    const { message: changed, errors } = await mutate(graph, mutationOf(label), moves.find(([l]) => l === label)![2](message.id));
    expect(changed).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.messageId', current: status, requested: to, allowed: TRANSITIONS[status] });
    expect(errors?.[0]?.message).toContain(status);
    const after = await graph.query<{ message: { status: string; statusHistory: unknown[] } }>(
      `query($id: ID!) { message(id: $id) { status statusHistory { sequence } } }`,
      { id: message.id },
    );
    expect(after.data!.message).toEqual({ status, statusHistory: message.statusHistory.map((s) => ({ sequence: s.sequence })) });
  });

  test.each(Object.keys(TRANSITIONS).filter((status) => status !== 'DELIVERED'))(
    'a message at %s cannot be answered: CONFLICT naming DELIVERED',
    async (status) => {
      const before = await messageRowCounts(graph);
      const { errors } = await mutate(graph, 'replyToMessage', {
        idempotencyKey: `early-reply-${status}`,
        inReplyToId: atStatus.get(status)!.id,
        language: 'ru',
        content: 'Ответ',
        collectingPartnerId: GOMEL,
      });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.inReplyToId', current: status, allowed: ['DELIVERED'] });
      expect(await messageRowCounts(graph)).toEqual(before);
    },
  );
});

describe('idempotency keys', () => {
  test.each<[string, Record<string, unknown>]>([
    ['senderAddress', { senderAddress: 'ул. Ленина, 1' }],
    ['addresseeAddress', { addresseeAddress: 'вул. Шевченка, 2' }],
    ['language', { language: 'uk' }],
    ['locationId', { locationId: null }],
    ['actor', { actor: 'volunteer 18' }],
    ['senderId', { senderId: person(8) }],
  ])('reusing a key with a different %s is CONFLICT naming it, and nothing is written', async (field, change) => {
    const key = `reused-${field}`;
    const first = await mustMutate(graph, 'collectMessage', collectInput(key));
    const before = await messageRowCounts(graph);
    const { message, errors } = await mutate(graph, 'collectMessage', collectInput(key, change));
    expect(message).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: `input.${field}` });
    expect(await messageRowCounts(graph)).toEqual(before);
    // The very same input is still a retry.
    expect((await mustMutate(graph, 'collectMessage', collectInput(key))).id).toBe(first.id);
  });

  test('a reply retried with its key returns the same reply; the key reused for other words is CONFLICT', async () => {
    const original = await mustMutate(graph, 'collectMessage', collectInput('to-answer', { senderId: person(9), addresseeId: person(10) }));
    await mustMutate(graph, 'reviewMessage', { messageId: original.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
    await mustMutate(graph, 'dispatchMessage', { messageId: original.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL });
    await mustMutate(graph, 'deliverMessage', {
      messageId: original.id,
      partnerId: GOMEL,
      deliveredAt: new Date().toISOString(),
      locationId: DISTRIBUTION_POINT,
    });
    const input = {
      idempotencyKey: 'the-answer',
      inReplyToId: original.id,
      language: 'ru',
      content: 'Получили, спасибо.',
      collectingPartnerId: GOMEL,
      actor: 'volunteer 3',
    };
    const reply = await mustMutate(graph, 'replyToMessage', input);
    const before = await messageRowCounts(graph);
    const retried = await mustMutate(graph, 'replyToMessage', input);
    expect(retried.id).toBe(reply.id);
    expect(await messageRowCounts(graph)).toEqual(before);
    const reused = await mutate(graph, 'replyToMessage', { ...input, content: 'Другие слова.' });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.content' });
    const elsewhere = await mutate(graph, 'replyToMessage', { ...input, actor: 'volunteer 4' });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.actor' });
    expect(await messageRowCounts(graph)).toEqual(before);
  });
});

describe('who may make a step', () => {
  const asRrc = () => graph.as('russianRedCross');

  test('only the ICRC reviews: a National Society is FORBIDDEN, an ICRC office (through its delegation) may', async () => {
    const mine = await mustMutate(graph, 'collectMessage', collectInput('rrc-own', { collectingPartnerId: RRC }), asRrc());
    const before = await messageRowCounts(graph);
    const refused = await mutate(graph, 'reviewMessage', { messageId: mine.id, partnerId: RRC, decision: 'APPROVE' }, asRrc());
    expect(refused.message).toBeUndefined();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.partnerId' });
    expect(await messageRowCounts(graph)).toEqual(before);

    // ICRC Minsk is an office of the Moscow delegation, itself part of the ICRC; no mandate here.
    const minsk = await partnerWorker(graph, ICRC_MINSK);
    const collected = await mustMutate(graph, 'collectMessage', collectInput('minsk-own', { collectingPartnerId: ICRC_MINSK, locationId: null }), minsk);
    const reviewed = await mustMutate(graph, 'reviewMessage', { messageId: collected.id, partnerId: ICRC_MINSK, decision: 'APPROVE' }, minsk);
    expect(reviewed.status).toBe('REVIEWED');
  });

  test('only the delivering partner records the delivery or why it failed', async () => {
    const mine = await mustMutate(graph, 'collectMessage', collectInput('rrc-to-kursk', { collectingPartnerId: RRC }), asRrc());
    await mustMutate(graph, 'reviewMessage', { messageId: mine.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
    await mustMutate(graph, 'dispatchMessage', { messageId: mine.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: KURSK });
    const before = await messageRowCounts(graph);
    // RRC is on the route (it collected the message) but is not the delivering partner.
    const steps: Array<[string, Record<string, unknown>]> = [
      ['deliverMessage', { messageId: mine.id, partnerId: RRC, deliveredAt: new Date().toISOString(), locationId: DISTRIBUTION_POINT }],
      ['markMessageUndeliverable', { messageId: mine.id, partnerId: RRC, reason: 'ADDRESS_UNKNOWN' }],
    ];
    for (const [name, input] of steps) {
      const { errors } = await mutate(graph, name, input, asRrc());
      expect({ name, extensions: errors?.[0]?.extensions }).toMatchObject({ name, extensions: { code: 'FORBIDDEN', field: 'input.partnerId' } });
    }
    expect(await messageRowCounts(graph)).toEqual(before);
    const delivered = await mustMutate(
      graph,
      'deliverMessage',
      { messageId: mine.id, partnerId: KURSK, deliveredAt: new Date().toISOString(), locationId: DISTRIBUTION_POINT },
      await partnerWorker(graph, KURSK),
    );
    expect(delivered.statusHistory.at(-1)).toMatchObject({ status: 'DELIVERED', partner: { id: KURSK } });
  });
});

test('the status history is append-only in the database itself', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('append-only'));
  const driver = graph.graph.subgraphs.messages.database.driver;
  await expect(driver.query(`UPDATE "messages"."MessageStatusChange" SET "note" = 'rewritten' WHERE "messageId" = $1::uuid`, [message.id])).rejects.toThrow(
    /append-only/,
  );
  await expect(driver.query(`DELETE FROM "messages"."MessageStatusChange" WHERE "messageId" = $1::uuid`, [message.id])).rejects.toThrow(/append-only/);
  await expect(driver.query(`TRUNCATE "messages"."MessageStatusChange"`)).rejects.toThrow(/append-only/);
  // Nor can the message be deleted from under its history.
  await expect(driver.query(`DELETE FROM "messages"."RedCrossMessage" WHERE "id" = $1::uuid`, [message.id])).rejects.toThrow();
  const after = await graph.query<{ message: { statusHistory: Array<{ note: string | null }> } }>(
    `query($id: ID!) { message(id: $id) { statusHistory { note } } }`,
    { id: message.id },
  );
  expect(after.data!.message.statusHistory).toEqual([{ note: null }]);
});
