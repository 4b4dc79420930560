import { startTestGraph, type TestGraph } from './harness';
import {
  BELGOROD, DISTRIBUTION_POINT, GOMEL, ICRC_MOSCOW, TRANSITIONS,
  collectInput, expectConsistentHistory, mustMutate, mutate, org, person,
} from './messages-support';

let graph: TestGraph;
const startedAt = new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 50, label: 'msgjourney' });
});

afterAll(async () => {
  await graph?.stop();
});

test('a message travels from collection to delivery, and the answer comes back linked to it', async () => {
  const collected = await mustMutate(graph, 'collectMessage', collectInput('journey-1'));
  expect(collected).toMatchObject({ status: 'COLLECTED', sender: { id: person(0) }, addressee: { id: person(1) }, recordedBy: { id: BELGOROD }, deliveringPartner: null });
  expect(collected.reference).toMatch(/^RCM-\d{4}-\d{6}$/);
  expect(collected.statusHistory).toEqual([expect.objectContaining({ sequence: 1, status: 'COLLECTED', partner: { id: BELGOROD }, location: { id: DISTRIBUTION_POINT }, actor: 'volunteer 17' })]);

  // A retried call (e.g. after a timeout) gets the same message back, not a second one.
  const retried = await mustMutate(graph, 'collectMessage', collectInput('journey-1'));
  expect(retried.id).toBe(collected.id);
  expect(retried.statusHistory).toHaveLength(1);

  const sentBack = await mustMutate(graph, 'reviewMessage', { messageId: collected.id, partnerId: ICRC_MOSCOW, decision: 'REQUEST_CHANGES', note: 'Remove the street name of the unit.' });
  expect(sentBack.status).toBe('DRAFTED');
  const revised = await mustMutate(graph, 'reviseMessage', { messageId: collected.id, partnerId: BELGOROD, content: 'Мама, мы живы и здоровы.', note: 'Street removed.' });
  expect(revised).toMatchObject({ status: 'COLLECTED', content: 'Мама, мы живы и здоровы.' });
  await mustMutate(graph, 'reviewMessage', { messageId: collected.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE', actor: 'reviewer A' });
  const dispatched = await mustMutate(graph, 'dispatchMessage', { messageId: collected.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL });
  expect(dispatched).toMatchObject({ status: 'IN_TRANSIT', deliveringPartner: { id: GOMEL } });
  // The route: the collecting partner owns it; the reviewer and the delivering partner share it.
  expect(dispatched.route.map((p) => p.id)).toEqual([BELGOROD, ...[ICRC_MOSCOW, GOMEL].sort()]);
  expect(dispatched.sharedWith.map((p) => p.id).sort()).toEqual([ICRC_MOSCOW, GOMEL].sort());

  const deliveredAt = new Date().toISOString();
  const delivered = await mustMutate(graph, 'deliverMessage', { messageId: collected.id, partnerId: GOMEL, deliveredAt, locationId: DISTRIBUTION_POINT, actor: 'delegate B' });
  expect(delivered.status).toBe('DELIVERED');
  expect(delivered.statusHistory.map((s) => s.status)).toEqual(['COLLECTED', 'DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED']);
  expect(delivered.statusHistory[1]!.note).toBe('Remove the street name of the unit.');
  expect(delivered.statusHistory[5]).toMatchObject({ at: deliveredAt, partner: { id: GOMEL }, location: { id: DISTRIBUTION_POINT }, actor: 'delegate B' });
  expect(delivered.statusChangedAt).toBe(deliveredAt);
  expectConsistentHistory(delivered, TRANSITIONS);

  const reply = await mustMutate(graph, 'replyToMessage', {
    idempotencyKey: 'journey-1-reply', inReplyToId: collected.id, language: 'uk', content: 'Я отримав ваш лист. Обіймаю.', collectingPartnerId: GOMEL,
  });
  expect(reply).toMatchObject({ status: 'COLLECTED', sender: { id: person(1) }, addressee: { id: person(0) }, inReplyTo: { id: collected.id }, recordedBy: { id: GOMEL } });

  // Through the federation: the people subgraph's Person carries the messages.
  const people = await graph.query<{ a: { messagesSent: { edges: Array<{ node: { id: string; replies: Array<{ id: string }> } }> }; messagesReceived: { edges: Array<{ node: { id: string } }> } } }>(
    `query($a: ID!) { a: person(id: $a) {
      messagesSent(first: 100) { edges { node { id replies { id } } } }
      messagesReceived(first: 100) { edges { node { id } } } } }`,
    { a: person(0) },
  );
  expect(people.errors).toBeUndefined();
  const sent = people.data!.a.messagesSent.edges.find((e) => e.node.id === collected.id);
  expect(sent?.node.replies).toEqual([{ id: reply.id }]);
  expect(people.data!.a.messagesReceived.edges.map((e) => e.node.id)).toContain(reply.id);
});

test('an undeliverable message keeps its reason and goes back to the sender', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('journey-2', { senderId: person(2), addresseeId: person(3) }));
  await mustMutate(graph, 'reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
  await mustMutate(graph, 'dispatchMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL });
  const failed = await mustMutate(graph, 'markMessageUndeliverable', { messageId: message.id, partnerId: GOMEL, reason: 'PERSON_MOVED', note: 'Neighbours say the family left in March.' });
  expect(failed.statusHistory[3]).toMatchObject({ status: 'UNDELIVERABLE', reason: 'PERSON_MOVED', note: 'Neighbours say the family left in March.' });
  const returned = await mustMutate(graph, 'returnMessage', { messageId: message.id, partnerId: GOMEL });
  expect(returned.status).toBe('RETURNED');
  expectConsistentHistory(returned, TRANSITIONS);

  const again = await mutate(graph, 'returnMessage', { messageId: message.id, partnerId: GOMEL });
  expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', current: 'RETURNED', allowed: [] });
});

test('messages are listed by status, partner and date range, counted per partner, and found when waiting', async () => {
  const fresh = await mustMutate(graph, 'collectMessage', collectInput('journey-3', { senderId: person(4), addresseeId: person(5), collectingPartnerId: org('RRC-KURSK') }));
  type Page = { edges: Array<{ node: { id: string; status: string; createdAt: string; statusChangedAt: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const list = (variables: Record<string, unknown>) =>
    graph.query<{ messages: Page }>(
      `query($status: MessageStatus, $partnerId: ID, $from: String, $before: String, $first: Int, $after: String) {
        messages(status: $status, partnerId: $partnerId, createdFrom: $from, createdBefore: $before, first: $first, after: $after) {
          edges { node { id status createdAt statusChangedAt } } pageInfo { hasNextPage endCursor } } }`,
      variables,
    );
  const kursk = await list({ partnerId: org('RRC-KURSK'), from: startedAt });
  expect(kursk.errors).toBeUndefined();
  expect(kursk.data!.messages.edges.map((e) => e.node.id)).toEqual([fresh.id]);
  const gomelDelivered = await list({ partnerId: GOMEL, status: 'DELIVERED', from: startedAt });
  expect(gomelDelivered.data!.messages.edges).toHaveLength(1);
  const before = await list({ partnerId: org('RRC-KURSK'), before: startedAt, first: 100 });
  expect(before.data!.messages.edges.map((e) => e.node.id)).not.toContain(fresh.id);
  expect(before.data!.messages.edges.every((e) => e.node.createdAt < startedAt)).toBe(true);

  // Pages chain without overlap on the partner filter.
  const first = await list({ partnerId: BELGOROD, first: 2 });
  const second = await list({ partnerId: BELGOROD, first: 2, after: first.data!.messages.pageInfo.endCursor });
  const ids = [...first.data!.messages.edges, ...second.data!.messages.edges].map((e) => e.node.id);
  expect(new Set(ids).size).toBe(4);

  const counts = await graph.query<{ messageCountsByStatus: Array<{ partner: { id: string; shortName: string }; total: number; byStatus: Array<{ status: string; count: number }> }> }>(
    `query($ids: [ID!]!) { messageCountsByStatus(partnerIds: $ids) { partner { id shortName } total byStatus { status count } } }`,
    { ids: [org('RRC-KURSK'), GOMEL] },
  );
  expect(counts.errors).toBeUndefined();
  const [kurskCounts, gomelCounts] = counts.data!.messageCountsByStatus;
  expect(kurskCounts!.partner).toEqual({ id: org('RRC-KURSK'), shortName: 'RRC Kursk' });
  expect(kurskCounts!.byStatus.map((s) => s.status)).toEqual(['DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE', 'RETURNED']);
  expect(kurskCounts!.total).toBe(kurskCounts!.byStatus.reduce((sum, s) => sum + s.count, 0));
  for (const status of ['COLLECTED', 'DELIVERED', 'RETURNED']) {
    // The rows just written count on Gomel's route: one delivered, one returned, one reply collected by it.
    expect(gomelCounts!.byStatus.find((s) => s.status === status)!.count).toBeGreaterThanOrEqual(1);
  }
  const kurskAll = await list({ partnerId: org('RRC-KURSK'), status: 'COLLECTED', first: 100 });
  expect(kurskCounts!.byStatus.find((s) => s.status === 'COLLECTED')!.count).toBe(kurskAll.data!.messages.edges.length);

  const waiting = await graph.query<{ messagesWaiting: Page }>(
    `{ messagesWaiting(status: COLLECTED, olderThanDays: 30, first: 100) { edges { node { id status statusChangedAt } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(waiting.errors).toBeUndefined();
  const waitingNodes = waiting.data!.messagesWaiting.edges.map((e) => e.node);
  expect(waitingNodes.length).toBeGreaterThan(0);
  expect(waitingNodes.every((n) => n.status === 'COLLECTED' && Date.parse(n.statusChangedAt) < Date.now() - 30 * 86_400_000)).toBe(true);
  expect(waitingNodes.map((n) => n.statusChangedAt)).toEqual([...waitingNodes.map((n) => n.statusChangedAt)].sort());
  expect(waitingNodes.map((n) => n.id)).not.toContain(fresh.id);
});
