import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, postGraphQL, startTestSubgraph, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { expectedRows, isSeeded, seed } from '../src/seed';
import { messages, type PrismaClient } from '../src/server';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;
const PEOPLE = 200;
let progress = 0;

beforeAll(async () => {
  target = await createTestDatabaseTarget('messages_seed');
  subgraph = await startTestSubgraph(messages, target);
  expect(await isSeeded(subgraph.database.driver)).toBe(false);
  await seed(subgraph.database.driver, { people: PEOPLE, onProgress: (rows) => (progress += rows) });
}, SLOW);

afterAll(async () => {
  await subgraph?.stop();
  await target?.dispose();
}, SLOW);

const counts = async () => {
  const [row] = await subgraph.database.driver.query<{ messages: number; steps: number }>(
    `SELECT (SELECT count(*)::int FROM "messages"."RedCrossMessage") AS messages, (SELECT count(*)::int FROM "messages"."MessageStatusChange") AS steps`,
  );
  return row;
};

test(
  'seeding is sized from demoVolumes, reports its rows and is deterministic when repeated',
  async () => {
    expect(await isSeeded(subgraph.database.driver)).toBe(true);
    const before = await counts();
    // 100 messages: statuses cycle with 2,1,2,3,4,4,5 history steps.
    expect(before.messages).toBe(100);
    const expectedSteps = Array.from({ length: 100 }, (_, j) => [2, 1, 2, 3, 4, 4, 5][j % 7]).reduce((a, b) => a + b, 0);
    expect(before.steps).toBe(expectedSteps);
    expect(progress).toBe(before.messages + before.steps);
    // The seed command's progress bar is sized by expectedRows: it must end exactly at 100%.
    expect(expectedRows(PEOPLE)).toBe(progress);

    await seed(subgraph.database.driver, { people: PEOPLE });
    expect(await counts()).toEqual(before);
    const [known] = await subgraph.database.driver.query<{ reference: string; senderId: string; addresseeId: string }>(
      `SELECT "reference", "senderId", "addresseeId" FROM "messages"."RedCrossMessage" WHERE "id" = $1`,
      [syntheticId('message', 7)],
    );
    expect(known).toEqual({ reference: 'RCM-2024-000008', senderId: syntheticId('person', 14), addresseeId: syntheticId('person', 15) });
  },
  SLOW,
);

test(
  'every status is seeded with a history the API could have written: collected first, DRAFTED only when sent back',
  async () => {
    const result = await postGraphQL<{
      messages: { edges: Array<{ node: { status: string; content: string; statusHistory: Array<{ status: string; note: string | null }> } }> };
    }>(subgraph.service.url, `{ messages(first: 100) { edges { node { status content statusHistory { status note } } } } }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.messages.edges.map((edge) => edge.node);
    const paths: Record<string, string[]> = {
      DRAFTED: ['COLLECTED', 'DRAFTED'],
      COLLECTED: ['COLLECTED'],
      REVIEWED: ['COLLECTED', 'REVIEWED'],
      IN_TRANSIT: ['COLLECTED', 'REVIEWED', 'IN_TRANSIT'],
      DELIVERED: ['COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED'],
      UNDELIVERABLE: ['COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'UNDELIVERABLE'],
      RETURNED: ['COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'UNDELIVERABLE', 'RETURNED'],
    };
    expect(new Set(nodes.map((node) => node.status))).toEqual(new Set(Object.keys(paths)));
    for (const node of nodes) {
      expect(node.statusHistory.map((step) => step.status)).toEqual(paths[node.status]);
      expect(node.content).toMatch(/[\u0400-\u04FF]/);
      const undeliverable = node.statusHistory.find((step) => step.status === 'UNDELIVERABLE');
      if (undeliverable) expect(undeliverable.note).toBeTruthy();
      // Sent back by the reviewer, with the reason.
      const sentBack = node.statusHistory.find((step) => step.status === 'DRAFTED');
      if (sentBack) expect(sentBack.note).toMatch(/^Sent back/);
    }
  },
  SLOW,
);

test(
  'seeded replies, senders and addressees answer through GraphQL',
  async () => {
    const reply = await postGraphQL<{
      message: { reference: string; inReplyTo: { id: string; reference: string; replies: { edges: Array<{ node: { reference: string } }> } } };
    }>(subgraph.service.url, `query($id: ID!) { message(id: $id) { reference inReplyTo { id reference replies { edges { node { reference } } } } } }`, {
      id: syntheticId('message', 4),
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.message).toEqual({
      reference: 'RCM-2024-000005',
      inReplyTo: { id: syntheticId('message', 3), reference: 'RCM-2024-000004', replies: { edges: [{ node: { reference: 'RCM-2024-000005' } }] } },
    });

    const person = await postGraphQL<{
      _entities: Array<{
        messagesSent: { edges: Array<{ node: { reference: string } }> };
        messagesReceived: { edges: Array<{ node: { reference: string } }> };
      }>;
    }>(
      subgraph.service.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { messagesSent { edges { node { reference } } } messagesReceived { edges { node { reference } } } } } }`,
      {
        r: [
          { __typename: 'Person', id: syntheticId('person', 14), identityOnly: false },
          { __typename: 'Person', id: syntheticId('person', 15), identityOnly: false },
        ],
      },
    );
    expect(person.errors).toBeUndefined();
    expect(person.data!._entities[0].messagesSent.edges.map((e) => e.node.reference)).toEqual(['RCM-2024-000008']);
    expect(person.data!._entities[1].messagesReceived.edges.map((e) => e.node.reference)).toEqual(['RCM-2024-000008']);
  },
  SLOW,
);

test(
  'families in Russia write to families in Ukraine, delivered there by the Ukrainian Red Cross; detainees write and receive during visits',
  async () => {
    const prisma = subgraph.database.prisma;
    const urcs = syntheticId('organization', 'URCS');
    const toUkraine = await prisma.redCrossMessage.findMany({
      where: { id: { in: [3, 9, 15, 27, 39].map((j) => syntheticId('message', j)) } },
      include: { statusHistory: true },
    });
    expect(toUkraine).toHaveLength(5);
    for (const message of toUkraine) {
      expect(message.addresseeAddress).toMatch(/^вул\. Шевченка, буд\. \d+, (Київ|Суми|Харків|Чернігів|Луцьк)$/u);
      if (message.deliveringPartnerId) expect(message.deliveringPartnerId).toBe(urcs);
    }
    const delivered = toUkraine.find((m) => m.id === syntheticId('message', 39))!;
    expect(delivered.status).toBe('DELIVERED');
    // Message 39 (j % 7 = 4) reached its addressee in Ukraine, in a raion of the Ukrainian catalogue.
    expect(delivered.statusHistory.find((step) => step.status === 'DELIVERED')!.locationId).toBe(syntheticId('location', 'UA5908'));
    // Its journey over, it is reviewed two years after it was written; one still on its way, after five.
    expect(delivered.reviewOn.toISOString().slice(0, 10)).toBe('2026-01-01');
    expect(
      toUkraine
        .find((m) => m.id === syntheticId('message', 3))!
        .reviewOn.toISOString()
        .slice(0, 10),
    ).toBe('2029-01-01');

    // Detainee 0 (person 3) wrote to their parent (person 2) during the first visit; detainee 1's
    // parent wrote to them (person 23).
    const fromDetainee = await prisma.redCrossMessage.findUniqueOrThrow({ where: { id: syntheticId('message', 1) } });
    expect(fromDetainee).toMatchObject({
      senderId: syntheticId('person', 3),
      addresseeId: syntheticId('person', 2),
      detentionRecordId: syntheticId('detention-record', 0),
      collectedDuringVisitId: syntheticId('detention-visit', 0),
    });
    const toDetainee = await prisma.redCrossMessage.findUniqueOrThrow({ where: { id: syntheticId('message', 11) } });
    expect(toDetainee).toMatchObject({
      senderId: syntheticId('person', 22),
      addresseeId: syntheticId('person', 23),
      detentionRecordId: syntheticId('detention-record', 1),
    });
  },
  SLOW,
);
