import { startTestGraph, type TestGraph } from './harness';
import { BELGOROD, GOMEL, ICRC_MOSCOW, collectInput, mustMutate, mutate, person } from './messages-support';

let graph: TestGraph;
const nobody = '00000000-0000-4000-8000-00000000dead';

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 20, label: 'msgerrors' });
});

afterAll(async () => {
  await graph?.stop();
});

const collectedByBelgorod = async () => {
  const result = await graph.query<{ messages: { edges: unknown[] } }>(`query($p: ID!) { messages(partnerId: $p, createdFrom: "2025-01-01T00:00:00Z", first: 100) { edges { cursor } } }`, { p: BELGOROD });
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
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
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
    expect({ name, extensions: errors?.[0]?.extensions }).toMatchObject({ name, extensions: { code: 'CONFLICT', current: 'COLLECTED', allowed: ['REVIEWED', 'DRAFTED'] } });
    expect(errors![0]!.message).toContain('may become REVIEWED or DRAFTED');
  }
  const reply = await mutate(graph, 'replyToMessage', { idempotencyKey: 'early-reply', inReplyToId: message.id, language: 'ru', content: 'Ответ', collectingPartnerId: GOMEL });
  expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', allowed: ['DELIVERED'] });
  const after = await graph.query<{ message: { status: string; statusHistory: unknown[] } }>(`query($id: ID!) { message(id: $id) { status statusHistory { status } } }`, { id: message.id });
  expect(after.data!.message).toEqual({ status: 'COLLECTED', statusHistory: [{ status: 'COLLECTED' }] });
});

test('bad transition inputs are refused naming the field', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('inputs'));
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'REQUEST_CHANGES' }, 'BAD_USER_INPUT', 'input.note'],
    ['reviewMessage', { messageId: message.id, partnerId: nobody, decision: 'APPROVE' }, 'BAD_USER_INPUT', 'input.partnerId'],
    ['reviewMessage', { messageId: nobody, partnerId: ICRC_MOSCOW, decision: 'APPROVE' }, 'NOT_FOUND', 'input.messageId'],
    ['reviewMessage', { messageId: 'x', partnerId: ICRC_MOSCOW, decision: 'APPROVE' }, 'BAD_USER_INPUT', 'input.messageId'],
    ['replyToMessage', { idempotencyKey: 'r', inReplyToId: nobody, language: 'ru', content: 'x', collectingPartnerId: GOMEL }, 'NOT_FOUND', 'input.inReplyToId'],
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
  const unchanged = await graph.query<{ message: { status: string; statusHistory: unknown[] } }>(`query($id: ID!) { message(id: $id) { status statusHistory { status } } }`, { id: message.id });
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
  ];
  for (const [query, field] of cases) {
    const result = await graph.query(query);
    expect({ query, extensions: (result.errors?.[0] as { extensions?: unknown } | undefined)?.extensions }).toMatchObject({ query, extensions: { code: 'BAD_USER_INPUT', field } });
  }
});
