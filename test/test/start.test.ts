import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killLeftovers, runNode } from './process-support';

// `npm start` as a developer runs it (the built launcher), on its own embedded database folder.
const startScript = join(__dirname, '..', 'dist', 'start.js');
const dataDir = mkdtempSync(join(tmpdir(), 'movement-start-'));
const env = {
  DATA_DIR: dataDir,
  GATEWAY_PORT: '0',
  LOCATIONS_PORT: '0',
  PEOPLE_PORT: '0',
  ASSISTANCE_PORT: '0',
  MESSAGES_PORT: '0',
  SEED_PEOPLE: '30',
  LOG_LEVEL: 'info',
};

afterAll(() => {
  killLeftovers();
  rmSync(dataDir, { recursive: true, force: true });
});

const CROSSING = `{
  people(first: 30) {
    edges { node {
      id fullName
      lastSeenAt { name }
      messagesSent(first: 2) { edges { node { reference collectingPartner { shortName } } } }
      assistanceReceived(first: 2) { edges { node { item location { name } } } }
    } }
  }
}`;

interface Crossing {
  people: {
    edges: Array<{
      node: {
        id: string;
        fullName: string;
        lastSeenAt: { name: string } | null;
        messagesSent: { edges: Array<{ node: { reference: string; collectingPartner: { shortName: string } } }> };
        assistanceReceived: { edges: Array<{ node: { item: string; location: { name: string } | null } }> };
      };
    }>;
  };
}

/** Starts the graph, asks one query crossing the four subgraphs with the ICRC's demo key, stops it. */
async function startQueryStop() {
  const graph = runNode(startScript, [], env);
  const credentials = await graph.logged('demo credentials');
  const ready = await graph.logged('Movement Graph is ready at ');
  const url = String(ready.url);
  expect(ready.msg).toBe(`Movement Graph is ready at ${url}`);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  const icrc = credentials.icrcDelegation as Record<string, string>;
  expect(icrc['x-api-key']).toMatch(/^mgk_/);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...icrc }, body: JSON.stringify({ query: CROSSING }) });
  const body = (await response.json()) as { data?: Crossing; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  graph.process.kill('SIGTERM');
  expect(await graph.exited).toBe(0);
  const seeded = graph.lines.filter((line) => line.msg === 'seeding demo data').length;
  return { people: body.data!.people.edges.map((edge) => edge.node), seeded, key: icrc['x-api-key'] };
}

test('npm start seeds on first run, answers across the four subgraphs, stops on SIGTERM and does not seed twice', async () => {
  const first = await startQueryStop();
  // Each subgraph seeded its empty database once.
  expect(first.seeded).toBe(4);
  expect(first.people).toHaveLength(30);
  expect(first.people.some((person) => person.lastSeenAt?.name)).toBe(true);
  expect(first.people.some((person) => person.messagesSent.edges.length > 0 && person.messagesSent.edges[0]!.node.collectingPartner.shortName)).toBe(true);
  expect(first.people.some((person) => person.assistanceReceived.edges.length > 0)).toBe(true);

  const second = await startQueryStop();
  expect(second.seeded).toBe(0);
  // The same data, not a second copy: the same people in the same order, with the same records.
  expect(second.people).toEqual(first.people);
  // Credentials are issued fresh on each start.
  expect(second.key).not.toBe(first.key);
});
