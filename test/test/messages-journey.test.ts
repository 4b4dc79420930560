import { startTestGraph, type TestGraph } from './harness';
import {
  BELGOROD,
  DISTRIBUTION_POINT,
  GOMEL,
  ICRC_MOSCOW,
  KURSK,
  TRANSITIONS,
  collectInput,
  expectConsistentHistory,
  mustMutate,
  mutate,
  org,
  partnerWorker,
  person,
  place,
} from './messages-support';
import { syntheticId } from '@movement/runtime/demo';

/** A seeded visit to another detainee (record 0, granted access). */
const syntheticVisit = syntheticId('detention-visit', 0);

const ICRC_PREMISES = place('ICRC-MOSCOW-PREMISES');
const BELGOROD_OFFICE = place('RRC-BELGOROD-OFFICE');
const GOMEL_POINT = place('DP-GOMEL-1');

let graph: TestGraph;
const startedAt = new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'msgjourney' });
});

afterAll(async () => {
  await graph?.stop();
});

test('a message travels from collection to delivery, and the answer comes back linked to it', async () => {
  const collected = await mustMutate(graph, 'collectMessage', collectInput('journey-1'));
  expect(collected).toMatchObject({
    status: 'COLLECTED',
    sender: { id: person(0) },
    addressee: { id: person(1) },
    recordedBy: { id: BELGOROD },
    deliveringPartner: null,
  });
  expect(collected.reference).toMatch(/^RCM-\d{4}-\d{6}$/);
  expect(collected.statusHistory).toEqual([
    expect.objectContaining({ sequence: 1, status: 'COLLECTED', partner: { id: BELGOROD }, location: { id: DISTRIBUTION_POINT }, actor: 'volunteer 17' }),
  ]);

  // A retried call (e.g. after a timeout) gets the same message back, not a second one.
  const retried = await mustMutate(graph, 'collectMessage', collectInput('journey-1'));
  expect(retried.id).toBe(collected.id);
  expect(retried.statusHistory).toHaveLength(1);

  const sentBack = await mustMutate(graph, 'reviewMessage', {
    messageId: collected.id,
    partnerId: ICRC_MOSCOW,
    decision: 'REQUEST_CHANGES',
    note: 'Remove the street name of the unit.',
    locationId: ICRC_PREMISES,
  });
  expect(sentBack.status).toBe('DRAFTED');
  const revised = await mustMutate(graph, 'reviseMessage', {
    messageId: collected.id,
    partnerId: BELGOROD,
    content: 'Мама, мы живы и здоровы.',
    note: 'Street removed.',
    locationId: BELGOROD_OFFICE,
  });
  expect(revised).toMatchObject({ status: 'COLLECTED', content: 'Мама, мы живы и здоровы.' });
  await mustMutate(graph, 'reviewMessage', {
    messageId: collected.id,
    partnerId: ICRC_MOSCOW,
    decision: 'APPROVE',
    actor: 'reviewer A',
    locationId: ICRC_PREMISES,
  });
  const dispatched = await mustMutate(graph, 'dispatchMessage', {
    messageId: collected.id,
    partnerId: ICRC_MOSCOW,
    deliveringPartnerId: GOMEL,
    locationId: ICRC_PREMISES,
  });
  expect(dispatched).toMatchObject({ status: 'IN_TRANSIT', deliveringPartner: { id: GOMEL } });
  // The route: the collecting partner owns it; the reviewer and the delivering partner share it.
  expect(dispatched.route.map((p) => p.id)).toEqual([BELGOROD, ...[ICRC_MOSCOW, GOMEL].sort()]);
  expect(dispatched.sharedWith.map((p) => p.id).sort()).toEqual([ICRC_MOSCOW, GOMEL].sort());

  const deliveredAt = new Date().toISOString();
  const delivered = await mustMutate(graph, 'deliverMessage', {
    messageId: collected.id,
    partnerId: GOMEL,
    deliveredAt,
    locationId: DISTRIBUTION_POINT,
    actor: 'delegate B',
  });
  expect(delivered.status).toBe('DELIVERED');
  expect(delivered.statusHistory.map((s) => s.status)).toEqual(['COLLECTED', 'DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED']);
  expect(delivered.statusHistory[1].note).toBe('Remove the street name of the unit.');
  // Where every step happened, as each step's input gave it.
  expect(delivered.statusHistory.map((s) => s.location?.id ?? null)).toEqual([
    DISTRIBUTION_POINT,
    ICRC_PREMISES,
    BELGOROD_OFFICE,
    ICRC_PREMISES,
    ICRC_PREMISES,
    DISTRIBUTION_POINT,
  ]);
  expect(delivered.statusHistory[5]).toMatchObject({ at: deliveredAt, partner: { id: GOMEL }, location: { id: DISTRIBUTION_POINT }, actor: 'delegate B' });
  expect(delivered.statusChangedAt).toBe(deliveredAt);
  expectConsistentHistory(delivered, TRANSITIONS);

  const reply = await mustMutate(graph, 'replyToMessage', {
    idempotencyKey: 'journey-1-reply',
    inReplyToId: collected.id,
    language: 'uk',
    content: 'Я отримав ваш лист. Обіймаю.',
    collectingPartnerId: GOMEL,
  });
  expect(reply).toMatchObject({
    status: 'COLLECTED',
    sender: { id: person(1) },
    addressee: { id: person(0) },
    inReplyTo: { id: collected.id },
    recordedBy: { id: GOMEL },
  });

  // Through the federation: the people subgraph's Person carries the messages.
  const people = await graph.query<{
    a: {
      messagesSent: { edges: Array<{ node: { id: string; replies: { edges: Array<{ node: { id: string } }> } } }> };
      messagesReceived: { edges: Array<{ node: { id: string } }> };
    };
  }>(
    `query($a: ID!) { a: person(id: $a) {
      messagesSent(first: 100) { edges { node { id replies(first: 5) { edges { node { id } } } } } }
      messagesReceived(first: 100) { edges { node { id } } } } }`,
    { a: person(0) },
  );
  expect(people.errors).toBeUndefined();
  const sent = people.data!.a.messagesSent.edges.find((e) => e.node.id === collected.id);
  expect(sent?.node.replies.edges).toEqual([{ node: { id: reply.id } }]);
  expect(people.data!.a.messagesReceived.edges.map((e) => e.node.id)).toContain(reply.id);
});

test('an undeliverable message keeps its reason and goes back to the sender', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('journey-2', { senderId: person(2), addresseeId: person(3) }));
  await mustMutate(graph, 'reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
  await mustMutate(graph, 'dispatchMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL });
  const failed = await mustMutate(graph, 'markMessageUndeliverable', {
    messageId: message.id,
    partnerId: GOMEL,
    reason: 'PERSON_MOVED',
    note: 'Neighbours say the family left in March.',
    locationId: GOMEL_POINT,
  });
  expect(failed.statusHistory[3]).toMatchObject({
    status: 'UNDELIVERABLE',
    reason: 'PERSON_MOVED',
    note: 'Neighbours say the family left in March.',
    location: { id: GOMEL_POINT },
  });
  const returned = await mustMutate(graph, 'returnMessage', { messageId: message.id, partnerId: GOMEL, locationId: GOMEL_POINT });
  expect(returned.status).toBe('RETURNED');
  expect(returned.statusHistory[4]).toMatchObject({ status: 'RETURNED', location: { id: GOMEL_POINT } });
  // A step given no place records none.
  expect(returned.statusHistory[1]).toMatchObject({ status: 'REVIEWED', location: null });
  expectConsistentHistory(returned, TRANSITIONS);

  const again = await mutate(graph, 'returnMessage', { messageId: message.id, partnerId: GOMEL });
  expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', current: 'RETURNED', allowed: [] });
});

test('messages are listed by status, partner and date range, counted per partner, and found when waiting', async () => {
  const fresh = await mustMutate(
    graph,
    'collectMessage',
    collectInput('journey-3', { senderId: person(4), addresseeId: person(5), collectingPartnerId: org('RRC-KURSK') }),
  );
  type Page = {
    edges: Array<{ node: { id: string; status: string; createdAt: string; statusChangedAt: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
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

  const counts = await graph.query<{
    messageCountsByStatus: Array<{ partner: { id: string; shortName: string }; total: number; byStatus: Array<{ status: string; count: number }> }>;
  }>(`query($ids: [ID!]!) { messageCountsByStatus(partnerIds: $ids) { partner { id shortName } total byStatus { status count } } }`, {
    ids: [org('RRC-KURSK'), GOMEL],
  });
  expect(counts.errors).toBeUndefined();
  const [kurskCounts, gomelCounts] = counts.data!.messageCountsByStatus;
  expect(kurskCounts.partner).toEqual({ id: org('RRC-KURSK'), shortName: 'RRC Kursk' });
  expect(kurskCounts.byStatus.map((s) => s.status)).toEqual(['DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE', 'RETURNED']);
  expect(kurskCounts.total).toBe(kurskCounts.byStatus.reduce((sum, s) => sum + s.count, 0));
  for (const status of ['COLLECTED', 'DELIVERED', 'RETURNED']) {
    // The rows just written count on Gomel's route: one delivered, one returned, one reply collected by it.
    expect(gomelCounts.byStatus.find((s) => s.status === status)!.count).toBeGreaterThanOrEqual(1);
  }
  const kurskAll = await list({ partnerId: org('RRC-KURSK'), status: 'COLLECTED', first: 100 });
  expect(kurskCounts.byStatus.find((s) => s.status === 'COLLECTED')!.count).toBe(kurskAll.data!.messages.edges.length);

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

test('messagesWaiting finds the messages waiting longer than N days, on both sides of the boundary, by partner and page by page', async () => {
  const day = 86_400_000;
  // Backdated in the database: when each message entered its status, around the 30-day boundary.
  const ages: Array<[string, number]> = [
    ['well-over', 45 * day],
    ['just-over', 30 * day + 3_600_000],
    ['just-under', 30 * day - 3_600_000],
    ['recent', 2 * day],
  ];
  // The time as an ISO string: the graph's driver is of the worker's realm, where this file's Date is no Date.
  const backdate = (id: string, age: number) =>
    graph.graph.subgraphs.messages.database.driver.query(
      `UPDATE "messages"."RedCrossMessage" SET "statusChangedAt" = $2::timestamptz AT TIME ZONE 'UTC' WHERE "id" = $1::uuid`,
      [id, new Date(Date.now() - age).toISOString()],
    );
  const made = new Map<string, string>();
  for (const [name, age] of ages) {
    const message = await mustMutate(
      graph,
      'collectMessage',
      collectInput(`waiting-${name}`, { senderId: person(10), addresseeId: person(11), collectingPartnerId: KURSK }),
    );
    await backdate(message.id, age);
    made.set(name, message.id);
  }
  // One more past the boundary, but on another partner's route.
  const elsewhere = await mustMutate(
    graph,
    'collectMessage',
    collectInput('waiting-elsewhere', { senderId: person(10), addresseeId: person(11), collectingPartnerId: org('BRC') }),
  );
  await backdate(elsewhere.id, 40 * day);

  type Waiting = {
    messagesWaiting: {
      edges: Array<{ node: { id: string; status: string; statusChangedAt: string; route: Array<{ id: string }> } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  const waiting = (variables: Record<string, unknown>) =>
    graph.query<Waiting>(
      `query($partnerId: ID, $first: Int, $after: String) { messagesWaiting(status: COLLECTED, olderThanDays: 30, partnerId: $partnerId, first: $first, after: $after) {
        edges { node { id status statusChangedAt route { id } } } pageInfo { hasNextPage endCursor } } }`,
      variables,
    );
  const all = await waiting({ first: 100 });
  expect(all.errors).toBeUndefined();
  const allIds = all.data!.messagesWaiting.edges.map((e) => e.node.id);
  expect(allIds).toEqual(expect.arrayContaining([made.get('well-over'), made.get('just-over'), elsewhere.id]));
  expect(allIds).not.toContain(made.get('just-under'));
  expect(allIds).not.toContain(made.get('recent'));

  const kursk = await waiting({ partnerId: KURSK, first: 100 });
  const kurskNodes = kursk.data!.messagesWaiting.edges.map((e) => e.node);
  expect(kurskNodes.every((n) => n.route.some((p) => p.id === KURSK) && n.status === 'COLLECTED')).toBe(true);
  expect(kurskNodes.every((n) => Date.parse(n.statusChangedAt) < Date.now() - 30 * day)).toBe(true);
  const kurskIds = kurskNodes.map((n) => n.id);
  // Longest waiting first.
  expect(kurskIds.indexOf(made.get('well-over')!)).toBeLessThan(kurskIds.indexOf(made.get('just-over')!));
  expect(kurskIds.indexOf(made.get('just-over')!)).toBeGreaterThanOrEqual(0);
  expect(kurskIds).not.toContain(elsewhere.id);
  expect(kurskIds).not.toContain(made.get('just-under'));

  // Page by page, one at a time: the same messages in the same order, each once.
  const paged: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages <= kurskIds.length; pages += 1) {
    const page: Awaited<ReturnType<typeof waiting>> = await waiting({ partnerId: KURSK, first: 1, after });
    expect(page.data!.messagesWaiting.edges.length).toBeLessThanOrEqual(1);
    paged.push(...page.data!.messagesWaiting.edges.map((e) => e.node.id));
    if (!page.data!.messagesWaiting.pageInfo.hasNextPage) break;
    after = page.data!.messagesWaiting.pageInfo.endCursor;
  }
  expect(paged).toEqual(kurskIds);
});

test('in detention: a message collected from a detainee during a visit, and one handed to them during the next, are listed by the visits', async () => {
  const ICRC = graph.as('icrc');
  const call = async <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = ICRC): Promise<T> => {
    const result = await graph.query<T>(query, variables, headers);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const REGISTER = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
  const personInput = (givenName: string, birthYear: number) => ({
    givenName,
    familyName: 'Ковальчук',
    sex: 'MALE',
    birthYear,
    status: 'CIVILIAN',
    purpose: 'protection of persons deprived of liberty',
    legalBasis: 'LEGAL_OBLIGATION',
    recordedById: ICRC_MOSCOW,
  });
  const detainee = (await call<{ registerPerson: { id: string } }>(REGISTER, { input: personInput('Тарас', 1994) })).registerPerson.id;
  const father = (await call<{ registerPerson: { id: string } }>(REGISTER, { input: personInput('Остап', 1966) })).registerPerson.id;
  const record = (
    await call<{ registerDetention: { id: string } }>(`mutation($input: RegisterDetentionInput!) { registerDetention(input: $input) { id } }`, {
      input: {
        personId: detainee,
        placeOfDetentionId: place('DETENTION-2'),
        captureDate: '2024-02-10',
        registrationNumber: 'ICRC-RU-RCM-1',
        legalCategory: 'PRISONER_OF_WAR',
        recordedById: ICRC_MOSCOW,
      },
    })
  ).registerDetention.id;
  const ACCESS = `mutation($id: ID!, $status: AccessStatus!, $on: String) { recordAccessRequest(detentionRecordId: $id, status: $status, occurredOn: $on) { accessStatus } }`;
  await call(ACCESS, { id: record, status: 'REQUESTED', on: '2024-02-15' });
  await call(ACCESS, { id: record, status: 'GRANTED', on: '2024-03-01' });
  const VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id detentionRecord { id } } }`;
  const visit = (on: string) =>
    call<{ recordVisit: { id: string } }>(VISIT, {
      input: { detentionRecordId: record, visitedOn: on, visitedById: ICRC_MOSCOW, privateInterview: true, recordedById: ICRC_MOSCOW },
    });
  const first = (await visit('2024-03-10')).recordVisit.id;
  const second = (await visit('2024-05-10')).recordVisit.id;

  const fromDetainee = collectInput('in-detention-1', {
    senderId: detainee,
    addresseeId: father,
    collectingPartnerId: ICRC_MOSCOW,
    locationId: place('DETENTION-2'),
    visitId: first,
  });
  // The visit must be to the person writing; a partner that may not read detention may not link one.
  const wrongWriter = await mutate(graph, 'collectMessage', { ...fromDetainee, senderId: father, addresseeId: detainee }, ICRC);
  expect(wrongWriter.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visitId' });
  const worker = await partnerWorker(graph, BELGOROD);
  const unlinked = await mutate(graph, 'collectMessage', { ...fromDetainee, collectingPartnerId: BELGOROD, idempotencyKey: 'in-detention-x' }, worker);
  expect(unlinked.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.visitId' });
  const collected = await mustMutate(graph, 'collectMessage', fromDetainee, ICRC);
  // A retry with the same input is the same message.
  expect((await mustMutate(graph, 'collectMessage', fromDetainee, ICRC)).id).toBe(collected.id);

  const toDetainee = await mustMutate(
    graph,
    'collectMessage',
    collectInput('in-detention-2', { senderId: father, addresseeId: detainee, collectingPartnerId: ICRC_MOSCOW, detentionRecordId: record }),
    ICRC,
  );
  await mustMutate(graph, 'reviewMessage', { messageId: toDetainee.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' }, ICRC);
  await mustMutate(graph, 'dispatchMessage', { messageId: toDetainee.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: ICRC_MOSCOW }, ICRC);
  const deliver = {
    messageId: toDetainee.id,
    partnerId: ICRC_MOSCOW,
    deliveredAt: new Date().toISOString(),
    locationId: place('DETENTION-2'),
    visitId: second,
  };
  const otherVisit = await mutate(graph, 'deliverMessage', { ...deliver, visitId: syntheticVisit }, ICRC);
  expect(otherVisit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visitId' });
  await mustMutate(graph, 'deliverMessage', deliver, ICRC);

  const read = await call<{
    message: { detentionRecord: { id: string }; collectedDuringVisit: { id: string } };
    detentionRecord: {
      visits: {
        edges: Array<{
          node: {
            id: string;
            messagesCollected: { edges: Array<{ node: { id: string } }> };
            messagesDelivered: { edges: Array<{ node: { id: string; deliveredDuringVisit: { id: string } } }> };
          };
        }>;
      };
    };
  }>(
    `query($m: ID!, $r: ID!) {
      message(id: $m) { detentionRecord { id } collectedDuringVisit { id } }
      detentionRecord(id: $r) { visits { edges { node { id messagesCollected { edges { node { id } } } messagesDelivered { edges { node { id deliveredDuringVisit { id } } } } } } } }
    }`,
    { m: collected.id, r: record },
  );
  expect(read.message).toEqual({ detentionRecord: { id: record }, collectedDuringVisit: { id: first } });
  const byVisit = Object.fromEntries(read.detentionRecord.visits.edges.map((edge) => [edge.node.id, edge.node]));
  expect(byVisit[first].messagesCollected.edges.map((edge) => edge.node.id)).toEqual([collected.id]);
  expect(byVisit[first].messagesDelivered.edges).toEqual([]);
  expect(byVisit[second].messagesDelivered.edges).toEqual([{ node: { id: toDetainee.id, deliveredDuringVisit: { id: second } } }]);

  // Without detention:read the message still answers, its detention links do not.
  const rrcView = await graph.query<{ message: { reference: string; detentionRecord: null } | null }>(
    `query($m: ID!) { message(id: $m) { reference detentionRecord { id } } }`,
    { m: collected.id },
    await partnerWorker(graph, ICRC_MOSCOW),
  );
  expect(rrcView.data!.message!.detentionRecord).toBeNull();
  expect(rrcView.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
