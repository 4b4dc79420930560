/**
 * 10,000 Red Cross Message sends through the gateway with injected retries, then a count of
 * duplicates and losses. Run (after building the test package):
 *
 *   TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres node test/dist/bench/messages-sends.js [--sends 10000] [--concurrency 64]
 *
 * Without TEST_POSTGRES_URL it runs on an in-memory PGlite. The database is fresh and dropped at
 * the end. Retries are injected three ways: a response abandoned by a client timeout (the server
 * may or may not have committed) and then retried; a second copy of the call sent at the same
 * time; a copy replayed after the first answer arrived. A send still failing after 5 attempts is
 * given up and counted as a loss (the run goes on and reports it). Exit code 1 when any duplicate
 * or loss.
 */
import { parseArgs } from 'node:util';
import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget } from '@movement/runtime/testing';
import { loadLimitsConfig } from '@movement/gateway';
import { startDemoGraph } from '@movement/launcher';

const { values: options } = parseArgs({
  options: { sends: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '64' } },
  strict: true,
});

/** A positive whole number from the command line; anything else stops the run before it starts. */
function count(name: keyof typeof options): number {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not "${options[name]}".`);
  return value;
}
const SENDS = count('sends');
const CONCURRENCY = count('concurrency');
/** Attempts of one send before it is given up and counted as a loss. */
const ATTEMPTS = 5;
const PEOPLE = 100;
const partner = syntheticId('organization', 'RRC-KURSK');

const COLLECT = `mutation($input: CollectMessageInput!) { collectMessage(input: $input) { id } }`;

let seed = 2024;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

let credentials: Record<string, string> = {};

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs?: number,
): Promise<{ data?: Record<string, { id: string } | null>; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...credentials },
    body: JSON.stringify({ query, variables }),
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  return (await response.json()) as { data?: Record<string, { id: string } | null>; errors?: unknown[] };
}

async function main(): Promise<void> {
  const target = await createTestDatabaseTarget('bench_messages');
  const demo = await startDemoGraph({
    databaseFor: () => ({ databaseUrl: target.url, dataDir: target.dataDir }),
    accessDatabase: { databaseUrl: target.url, dataDir: target.dataDir },
    seedPeople: PEOPLE,
    logLevel: 'silent',
    // One client at full speed: the per-partner rate limit would turn sends into 429s.
    limits: { ...loadLimitsConfig({}), rateLimitPerMinute: 0 },
  });
  const { graph } = demo;
  credentials = demo.credentials.fullAccess;
  const since = new Date(Date.now() - 1000).toISOString();
  const answers = new Map<string, Set<string>>();
  const injected = { abandoned: 0, concurrentCopies: 0, replays: 0, errors: 0 };
  // Sends that failed every attempt: losses the report names, rather than a crash without a report.
  const givenUp = new Set<string>();
  let firstError: string | null = null;
  const started = Date.now();
  try {
    const send = async (key: string, input: Record<string, unknown>): Promise<void> => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          const result = await post(graph.url, COLLECT, { input });
          const id = result.data?.collectMessage?.id;
          if (!id) throw new Error(JSON.stringify(result.errors));
          answers.set(key, (answers.get(key) ?? new Set()).add(id));
          return;
        } catch (error) {
          injected.errors += 1;
          firstError ??= (error as Error).message.slice(0, 300);
          if (attempt >= ATTEMPTS) {
            givenUp.add(key);
            return;
          }
        }
      }
    };
    let next = 0;
    const worker = async () => {
      while (next < SENDS) {
        const i = next++;
        const key = `bench-${i}`;
        const input = {
          idempotencyKey: key,
          senderId: syntheticId('person', i % PEOPLE),
          addresseeId: syntheticId('person', (i + 1) % PEOPLE),
          language: 'ru',
          content: `Весточка номер ${i}: мы живы и здоровы.`,
          collectingPartnerId: partner,
        };
        const dice = random();
        if (dice < 0.2) {
          // The client gives up before the answer (the server may still commit), then retries.
          injected.abandoned += 1;
          await post(graph.url, COLLECT, { input }, 1 + Math.floor(random() * 20)).catch(() => undefined);
          await send(key, input);
        } else if (dice < 0.35) {
          injected.concurrentCopies += 1;
          await Promise.all([send(key, input), send(key, input)]);
        } else if (dice < 0.5) {
          injected.replays += 1;
          await send(key, input);
          await send(key, input);
        } else {
          await send(key, input);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsed = (Date.now() - started) / 1000;

    // What the graph holds: every message this partner collected since the run began.
    const stored = new Map<string, number>();
    let after: string | null = null;
    do {
      const page = (await post(
        graph.url,
        `query($p: ID!, $from: String, $after: String) { messages(partnerId: $p, createdFrom: $from, first: 100, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`,
        { p: partner, from: since, after },
      )) as unknown as {
        errors?: unknown[];
        data?: { messages: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
      };
      if (!page.data) throw new Error(`Reading the stored messages failed: ${JSON.stringify(page.errors)}`);
      for (const edge of page.data.messages.edges) stored.set(edge.node.id, (stored.get(edge.node.id) ?? 0) + 1);
      after = page.data.messages.pageInfo.hasNextPage ? page.data.messages.pageInfo.endCursor : null;
    } while (after);

    const answeredIds = new Set([...answers.values()].flatMap((ids) => [...ids]));
    const keysWithTwoIds = [...answers.values()].filter((ids) => ids.size > 1).length;
    const duplicates = keysWithTwoIds + Math.max(0, stored.size - SENDS) + [...stored.values()].filter((n) => n > 1).length;
    const losses = SENDS - answers.size + [...answeredIds].filter((id) => !stored.has(id)).length;
    const report = {
      database: target.kind,
      sends: SENDS,
      concurrency: CONCURRENCY,
      injected,
      firstError,
      // A key given up by one copy may still have been answered to its concurrent twin.
      givenUp: [...givenUp].filter((key) => !answers.has(key)).length,
      givenUpKeys: [...givenUp].filter((key) => !answers.has(key)).slice(0, 20),
      storedMessages: stored.size,
      duplicates,
      losses,
      seconds: elapsed,
      sendsPerSecond: Math.round(SENDS / elapsed),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = duplicates === 0 && losses === 0 && stored.size === SENDS ? 0 : 1;
  } finally {
    await graph.stop();
    await target.dispose();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
