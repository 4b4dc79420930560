import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTestDataFolder } from '@movement/runtime/testing';
import { killLeftovers, runNode } from './process-support';

// `npm start` as a developer runs it (the built launcher), on its own embedded database folder.
const startScript = join(__dirname, '..', '..', 'launcher', 'dist', 'start.js');
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

// A first start on a folder with nothing in it yet is the subject, not initdb: the folder starts
// as an empty cluster, copied from the run's.
beforeAll(() => prepareTestDataFolder(join(dataDir, 'graph')));

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
async function startQueryStop(previousKey?: string) {
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
  // The demo keys in the access database: only this start's are valid.
  const keys = await fetch(url.replace(/\/graphql$/, '/admin/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credentials.admin as Record<string, string>) },
    body: JSON.stringify({ query: '{ apiKeys(includeRevoked: true) { id revokedAt } }' }),
  });
  const { data } = (await keys.json()) as { data: { apiKeys: Array<{ id: string; revokedAt: string | null }> } };
  const previousKeyStatus =
    previousKey === undefined
      ? undefined
      : (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': previousKey }, body: '{"query":"{ __typename }"}' }))
          .status;
  graph.process.kill('SIGTERM');
  expect(await graph.exited).toBe(0);
  const seeded = graph.lines.filter((line) => line.msg === 'seeding demo data').length;
  // Not a terminal: the banner is on stderr and stdout is JSON lines only.
  const stdoutLines = graph.stdout().trim().split('\n');
  expect(stdoutLines.length).toBe(graph.lines.length);
  const banner = graph.stderr();
  expect(banner).toContain(`Movement Graph is ready at ${url}`);
  expect(banner).toContain(`-H 'x-api-key: ${icrc['x-api-key']}'`);
  expect(banner).toContain(`-H 'authorization: ${(credentials.admin as Record<string, string>).authorization}'`);
  const expiry = /the tokens until (\S+)\./.exec(banner)?.[1];
  expect(new Date(expiry!).getTime()).toBeGreaterThan(Date.now());
  return { people: body.data!.people.edges.map((edge) => edge.node), seeded, key: icrc['x-api-key'], keys: data.apiKeys, previousKeyStatus };
}

test('npm start seeds on first run, answers across the four subgraphs, stops on SIGTERM, does not seed twice and revokes the last start’s demo keys', async () => {
  const first = await startQueryStop();
  // Each subgraph seeded its empty database once.
  expect(first.seeded).toBe(4);
  expect(first.people).toHaveLength(30);
  expect(first.people.some((person) => person.lastSeenAt?.name)).toBe(true);
  expect(first.people.some((person) => person.messagesSent.edges.length > 0 && person.messagesSent.edges[0].node.collectingPartner.shortName)).toBe(true);
  expect(first.people.some((person) => person.assistanceReceived.edges.length > 0)).toBe(true);

  const second = await startQueryStop(first.key);
  expect(second.seeded).toBe(0);
  // The same data, not a second copy: the same people in the same order, with the same records.
  expect(second.people).toEqual(first.people);
  // Credentials are issued fresh on each start, and the last start's stop working: they do not pile up.
  expect(second.key).not.toBe(first.key);
  expect(second.previousKeyStatus).toBe(401);
  expect(first.keys.filter((key) => key.revokedAt === null)).toHaveLength(3);
  expect(second.keys.filter((key) => key.revokedAt === null)).toHaveLength(3);
  expect(second.keys).toHaveLength(6);
});

test('npm start refuses NODE_ENV=production, saying why', async () => {
  const refused = runNode(startScript, [], { ...env, NODE_ENV: 'production' });
  expect(await refused.exited).toBe(1);
  expect(refused.stderr()).toMatch(/NODE_ENV: npm start is the demo launcher .* does not run with NODE_ENV=production/);
  // Refused before anything was started or issued.
  expect(refused.lines.map((line) => line.msg)).not.toContain('demo credentials (synthetic data only): send these headers');
});
