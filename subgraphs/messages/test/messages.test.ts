import { randomUUID } from 'node:crypto';
import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { messages, type PrismaClient } from '../src/server';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;

const alice = '00000000-0000-4000-8000-00000000a11c';
const bob = '00000000-0000-4000-8000-000000000b0b';
const brc = '00000000-0000-4000-8000-000000000001';
const rrc = '00000000-0000-4000-8000-000000000002';
const gomel = '00000000-0000-4000-8000-0000000000a0';
const msg = (n: number) => `00000000-0000-4000-8000-1000000000${String(n).padStart(2, '0')}`;
const at = (day: number) => new Date(Date.UTC(2024, 0, day, 9));

beforeAll(async () => {
  target = await createTestDatabaseTarget('messages');
  subgraph = await startTestSubgraph(messages, target);
  const prisma = subgraph.database.prisma;
  const base = { senderId: alice, addresseeId: bob, language: 'ru', content: 'Мы живы и здоровы.', collectingPartnerId: brc, recordedById: brc };
  // Alice writes three messages to Bob (days 1..3); Bob answers the first on day 10.
  await prisma.redCrossMessage.create({
    data: { ...base, id: msg(1), reference: 'RCM-T-1', status: 'DELIVERED', deliveringPartnerId: rrc, sharedWithIds: [rrc], createdAt: at(1) },
  });
  await prisma.redCrossMessage.create({
    data: { ...base, id: msg(2), reference: 'RCM-T-2', status: 'IN_TRANSIT', deliveringPartnerId: rrc, sharedWithIds: [rrc], createdAt: at(2) },
  });
  await prisma.redCrossMessage.create({ data: { ...base, id: msg(3), reference: 'RCM-T-3', status: 'DRAFTED', sharedWithIds: [], createdAt: at(3) } });
  await prisma.redCrossMessage.create({
    data: {
      ...base,
      id: msg(4),
      reference: 'RCM-T-4',
      senderId: bob,
      addresseeId: alice,
      language: 'uk',
      status: 'UNDELIVERABLE',
      collectingPartnerId: rrc,
      recordedById: rrc,
      deliveringPartnerId: brc,
      sharedWithIds: [brc],
      inReplyToId: msg(1),
      createdAt: at(10),
    },
  });
  const steps: Array<['DRAFTED' | 'COLLECTED' | 'REVIEWED' | 'IN_TRANSIT' | 'UNDELIVERABLE', string, string | null, string | null]> = [
    ['DRAFTED', rrc, null, null],
    ['COLLECTED', rrc, gomel, null],
    ['REVIEWED', rrc, null, null],
    ['IN_TRANSIT', rrc, null, null],
    ['UNDELIVERABLE', brc, null, 'Addressee moved; new address unknown.'],
  ];
  // Inserted in reverse so the answer's order can only come from `sequence`.
  for (const [index, [status, partnerId, locationId, note]] of [...steps.entries()].reverse()) {
    await prisma.messageStatusChange.create({
      data: { id: randomUUID(), messageId: msg(4), status, at: at(10 + index), partnerId, locationId, note, sequence: index + 1 },
    });
  }
}, SLOW);

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
}, SLOW);

type Page = {
  edges: Array<{ cursor: string; node: { reference: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
};
const references = (page: Page) => page.edges.map((edge) => edge.node.reference);

test(
  'messages list newest first, page with cursors and filter by status',
  async () => {
    const query = `query($status: MessageStatus, $first: Int, $after: String) {
    messages(status: $status, first: $first, after: $after) { edges { cursor node { reference } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const first = await postGraphQL<{ messages: Page }>(subgraph.service.url, query, { first: 3 });
    expect(first.errors).toBeUndefined();
    expect(references(first.data!.messages)).toEqual(['RCM-T-4', 'RCM-T-3', 'RCM-T-2']);
    expect(first.data!.messages.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const next = await postGraphQL<{ messages: Page }>(subgraph.service.url, query, { first: 3, after: first.data!.messages.pageInfo.endCursor });
    expect(references(next.data!.messages)).toEqual(['RCM-T-1']);
    expect(next.data!.messages.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const inTransit = await postGraphQL<{ messages: Page }>(subgraph.service.url, query, { status: 'IN_TRANSIT' });
    expect(references(inTransit.data!.messages)).toEqual(['RCM-T-2']);
  },
  SLOW,
);

test(
  'a message answers with its status history in order, its route and its reply link',
  async () => {
    const result = await postGraphQL<{ message: Record<string, unknown> }>(
      subgraph.service.url,
      `query($id: ID!) { message(id: $id) {
      reference language status createdAt sender { id } addressee { id }
      collectingPartner { id } deliveringPartner { id } recordedBy { id } sharedWith { id }
      statusHistory { status at partner { id } location { id } note }
      inReplyTo { reference replies { edges { node { reference } } } }
      replies { edges { node { reference } } pageInfo { hasNextPage } }
    } }`,
      { id: msg(4) },
    );
    expect(result.errors).toBeUndefined();
    const message = result.data!.message;
    expect(message).toMatchObject({
      reference: 'RCM-T-4',
      language: 'uk',
      status: 'UNDELIVERABLE',
      createdAt: '2024-01-10T09:00:00.000Z',
      sender: { id: bob },
      addressee: { id: alice },
      collectingPartner: { id: rrc },
      deliveringPartner: { id: brc },
      recordedBy: { id: rrc },
      sharedWith: [{ id: brc }],
      inReplyTo: { reference: 'RCM-T-1', replies: { edges: [{ node: { reference: 'RCM-T-4' } }] } },
      replies: { edges: [], pageInfo: { hasNextPage: false } },
    });
    const history = message.statusHistory as Array<{ status: string; at: string; location: { id: string } | null; note: string | null }>;
    expect(history.map((step) => step.status)).toEqual(['DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'UNDELIVERABLE']);
    expect(history[0].at).toBe('2024-01-10T09:00:00.000Z');
    expect(history[1].location).toEqual({ id: gomel });
    expect(history[0].location).toBeNull();
    expect(history[4].note).toBe('Addressee moved; new address unknown.');
  },
  SLOW,
);

test(
  'an unknown message id answers null and a draft has no delivering partner',
  async () => {
    const result = await postGraphQL<{ unknown: null; draft: { deliveringPartner: null; statusHistory: unknown[] } }>(
      subgraph.service.url,
      `query($unknown: ID!, $draft: ID!) { unknown: message(id: $unknown) { id } draft: message(id: $draft) { deliveringPartner { id } statusHistory { status } } }`,
      { unknown: randomUUID(), draft: msg(3) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ unknown: null, draft: { deliveringPartner: null, statusHistory: [] } });
  },
  SLOW,
);

const personQuery = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on Person {
  id
  messagesSent(first: $first, after: $after) { edges { cursor node { reference createdAt sharedWith { id } } } pageInfo { hasNextPage hasPreviousPage endCursor } }
  messagesReceived(first: $first, after: $after) { edges { cursor node { reference } } pageInfo { hasNextPage hasPreviousPage endCursor } }
} } }`;
type PersonEntity = { id: string; messagesSent: Page; messagesReceived: Page };
// With the people subgraph's verdict that the caller may see each person, as the gateway hands it over.
const persons = (ids: string[]) => ids.map((id) => ({ __typename: 'Person', id, identityOnly: false }));

test(
  'persons resolve as entities with pages of messages sent and received',
  async () => {
    const first = await postGraphQL<{ _entities: PersonEntity[] }>(subgraph.service.url, personQuery, { r: persons([alice, bob, randomUUID()]), first: 2 });
    expect(first.errors).toBeUndefined();
    const [a, b, nobody] = first.data!._entities;
    expect(a.id).toBe(alice);
    expect(references(a.messagesSent)).toEqual(['RCM-T-3', 'RCM-T-2']);
    expect(a.messagesSent.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // Rows from the batched raw SQL resolve like Prisma's own: timestamps and uuid arrays intact.
    expect(a.messagesSent.edges[1].node).toEqual({ reference: 'RCM-T-2', createdAt: '2024-01-02T09:00:00.000Z', sharedWith: [{ id: rrc }] });
    expect(references(a.messagesReceived)).toEqual(['RCM-T-4']);
    expect(references(b.messagesSent)).toEqual(['RCM-T-4']);
    expect(references(b.messagesReceived)).toEqual(['RCM-T-3', 'RCM-T-2']);
    expect(nobody.messagesSent).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null } });

    const next = await postGraphQL<{ _entities: PersonEntity[] }>(subgraph.service.url, personQuery, {
      r: persons([alice]),
      first: 2,
      after: a.messagesSent.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(references(next.data!._entities[0].messagesSent)).toEqual(['RCM-T-1']);
    expect(next.data!._entities[0].messagesSent.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  },
  SLOW,
);

test(
  'messages of 50 persons cost as many SQL statements as those of 5',
  async () => {
    const statementsFor = async (count: number) => {
      const ids = [alice, bob, ...Array.from({ length: count - 2 }, () => randomUUID())];
      subgraph.resetStatements();
      const result = await postGraphQL<{ _entities: PersonEntity[] }>(subgraph.service.url, personQuery, { r: persons(ids), first: 5 });
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(count);
      expect(references(result.data!._entities[0].messagesSent)).toEqual(['RCM-T-3', 'RCM-T-2', 'RCM-T-1']);
      return subgraph.statements();
    };
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(five).toBeGreaterThan(0);
    expect(fifty).toBe(five);
  },
  SLOW,
);

test(
  'a page larger than the maximum is refused naming the argument',
  async () => {
    const list = await postGraphQL(subgraph.service.url, `{ messages(first: 1000) { edges { cursor } } }`);
    expect(list.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const nested = await postGraphQL(subgraph.service.url, personQuery, { r: persons([alice]), first: 0 });
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'messagesSent.first' });
    const cursor = await postGraphQL(subgraph.service.url, `{ messages(after: "not-a-cursor") { edges { cursor } } }`);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  },
  SLOW,
);

test(
  '/ready reports the database reachable and migrated',
  async () => {
    const response = await fetch(subgraph.service.url.replace('/graphql', '/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready' });
  },
  SLOW,
);

describe('partner access', () => {
  const partner = (partnerId: string | null, scopes = ['messages:read', 'messages:read:content']) => ({
    subject: `key:${partnerId ?? 'none'}`,
    kind: 'partner' as const,
    partnerId,
    scopes,
  });
  const listQuery = `{ messages(first: 10) { edges { node { reference } } pageInfo { hasNextPage } } }`;

  test('a partner lists only the messages on its route; one acting for no partner without the mandate sees none', async () => {
    const asRrc = await postGraphQL<{ messages: Page }>(subgraph.service.url, listQuery, {}, {}, { as: partner(rrc) });
    expect(references(asRrc.data!.messages)).toEqual(['RCM-T-4', 'RCM-T-2', 'RCM-T-1']);
    const asGomel = await postGraphQL<{ messages: Page }>(subgraph.service.url, listQuery, {}, {}, { as: partner(gomel) });
    expect(references(asGomel.data!.messages)).toEqual([]);
    const asNobody = await postGraphQL<{ messages: Page }>(subgraph.service.url, listQuery, {}, {}, { as: partner(null) });
    expect(asNobody.errors).toBeUndefined();
    expect(references(asNobody.data!.messages)).toEqual([]);
  });

  test('off the route a message is null by id, in inReplyTo and in replies', async () => {
    const query = `query($a: ID!, $b: ID!) { a: message(id: $a) { reference inReplyTo { reference } replies { edges { node { reference } } } } b: message(id: $b) { reference } }`;
    const asRrc = await postGraphQL<{ a: { inReplyTo: { reference: string } | null }; b: unknown }>(
      subgraph.service.url,
      query,
      { a: msg(4), b: msg(3) },
      {},
      { as: partner(rrc) },
    );
    expect(asRrc.errors).toBeUndefined();
    expect(asRrc.data).toEqual({ a: { reference: 'RCM-T-4', inReplyTo: { reference: 'RCM-T-1' }, replies: { edges: [] } }, b: null });
    const original = await postGraphQL<{ message: { replies: { edges: Array<{ node: { reference: string } }> } } }>(
      subgraph.service.url,
      `query($id: ID!) { message(id: $id) { replies(first: 1) { edges { node { reference } } } } }`,
      { id: msg(1) },
      {},
      { as: partner(rrc) },
    );
    expect(original.data!.message.replies.edges).toEqual([{ node: { reference: 'RCM-T-4' } }]);
  });

  test('a partner acting as another partner is refused before anything is written', async () => {
    const result = await postGraphQL(
      subgraph.service.url,
      `mutation($input: ReviewMessageInput!) { reviewMessage(input: $input) { id } }`,
      { input: { messageId: msg(3), partnerId: rrc, decision: 'APPROVE' } },
      {},
      { as: { ...partner(brc), scopes: ['messages:read', 'messages:write'] } },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.partnerId' });
    const history = await subgraph.database.prisma.messageStatusChange.count({ where: { messageId: msg(3) } });
    expect(history).toBe(0);
  });
});
