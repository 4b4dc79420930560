import { startTestGraph, type TestGraph } from './harness';
import { GOMEL, ICRC_MOSCOW, TRANSITIONS, collectInput, expectConsistentHistory, mustMutate, mutate, org, person, type MessageView } from './messages-support';

let graph: TestGraph;
const KURSK = org('RRC-KURSK');

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'msgconc' });
});

afterAll(async () => {
  await graph?.stop();
});

/** A seeded pseudo-random generator, so a failing run can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

test('200 concurrent sends with random retries create exactly 200 messages', async () => {
  const next = random(42);
  const since = new Date(Date.now() - 1000).toISOString();
  const sends = Array.from({ length: 200 }, (_, i) =>
    collectInput(`conc-${i}`, { collectingPartnerId: KURSK, senderId: person(i % 50), addresseeId: person((i + 1) % 50), content: `Весточка ${i}` }),
  );
  // Each send goes 1 to 3 times, the copies concurrent with each other and with every other send.
  const calls = sends.flatMap((input) => Array.from({ length: 1 + Math.floor(next() * 3) }, () => input));
  expect(calls.length).toBeGreaterThan(300);
  const answers = await Promise.all(
    calls.map(async (input) => ({ key: input.idempotencyKey, answer: await mutate(graph, 'collectMessage', input, {}, 'id') })),
  );
  const idsByKey = new Map<string, Set<string>>();
  for (const { key, answer } of answers) {
    expect(answer.errors).toBeUndefined();
    idsByKey.set(key, (idsByKey.get(key) ?? new Set()).add(answer.message!.id));
  }
  expect(idsByKey.size).toBe(200);
  expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true);

  const listed: string[] = [];
  let after: string | null = null;
  do {
    const page: Awaited<
      ReturnType<typeof graph.query<{ messages: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>>
    > = await graph.query(
      `query($p: ID!, $from: String, $after: String) { messages(partnerId: $p, createdFrom: $from, first: 100, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`,
      { p: KURSK, from: since, after },
    );
    listed.push(...page.data!.messages.edges.map((e) => e.node.id));
    after = page.data!.messages.pageInfo.hasNextPage ? page.data!.messages.pageInfo.endCursor : null;
  } while (after);
  expect(listed).toHaveLength(200);
  expect(new Set(listed)).toEqual(new Set([...idsByKey.values()].map((ids) => [...ids][0])));
});

test('concurrent conflicting deliveries: one wins, the rest are refused, the history stays consistent', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('race-deliver'));
  await mustMutate(graph, 'reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
  await mustMutate(graph, 'dispatchMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, deliveringPartnerId: GOMEL });
  const place = collectInput('').locationId;
  const attempts = Array.from({ length: 20 }, (_, i) =>
    i % 2 === 0
      ? mutate(graph, 'deliverMessage', { messageId: message.id, partnerId: GOMEL, deliveredAt: new Date().toISOString(), locationId: place }, {}, 'id status')
      : mutate(graph, 'markMessageUndeliverable', { messageId: message.id, partnerId: GOMEL, reason: 'ADDRESS_UNKNOWN' }, {}, 'id status'),
  );
  const results = await Promise.all(attempts);
  const winners = results.filter((r) => r.message);
  expect(winners).toHaveLength(1);
  for (const loser of results.filter((r) => !r.message)) expect(loser.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  const final = await mustMutate(graph, 'returnMessage', { messageId: message.id, partnerId: GOMEL }).catch(() => null);
  const { data } = await graph.query<{ message: MessageView }>(
    `query($id: ID!) { message(id: $id) { status statusChangedAt statusHistory { sequence status at } } }`,
    { id: message.id },
  );
  expect(data!.message.statusHistory).toHaveLength(final ? 5 : 4);
  expect(data!.message.statusHistory[3].status).toBe(winners[0].message!.status);
  expectConsistentHistory(data!.message, TRANSITIONS);
});

test('a storm of concurrent reviews and revisions on one message leaves one gap-free, valid history', async () => {
  const message = await mustMutate(graph, 'collectMessage', collectInput('race-review'));
  const next = random(7);
  const operations = Array.from({ length: 40 }, () => {
    const pick = next();
    if (pick < 0.4) return mutate(graph, 'reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'REQUEST_CHANGES', note: 'Shorten it.' });
    if (pick < 0.8) return mutate(graph, 'reviseMessage', { messageId: message.id, partnerId: org('RRC-BELGOROD'), note: 'Shortened.' });
    return mutate(graph, 'reviewMessage', { messageId: message.id, partnerId: ICRC_MOSCOW, decision: 'APPROVE' });
  });
  const results = await Promise.all(operations);
  const succeeded = results.filter((r) => r.message).length;
  for (const failure of results.filter((r) => !r.message)) expect(failure.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  const { data } = await graph.query<{ message: MessageView }>(`query($id: ID!) { message(id: $id) { status statusHistory { sequence status at } } }`, {
    id: message.id,
  });
  // Every success appended exactly one step: none lost, none duplicated.
  // How many succeed depends on arrival order (an early approval ends the storm), but at least one does.
  expect(succeeded).toBeGreaterThanOrEqual(1);
  expect(data!.message.statusHistory).toHaveLength(1 + succeeded);
  expectConsistentHistory(data!.message, TRANSITIONS);
});
