import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generateInternalKeyPair, internalKeyToJson, signInternalToken, subgraphNames, type SubgraphName } from '@movement/runtime';
import { demoPartnerKeys } from '@movement/launcher';
import { benchPrincipal as principal, firstDifference, fmt, median, percentile, ratioRange } from './comparison';
import { defaultBenchDatabaseUrl, ensureBenchDatabases } from './bench-database';
import { clientView, createPlanner, executePlan, type SubgraphFetch, type SubgraphPost } from './direct-plan';
import { startSubgraphSet, type SubgraphSet } from './subgraph-processes';

/**
 * `npm run bench:subgraphs`: the four subgraphs as separate processes on PostgreSQL with 100,000
 * seeded people, measured alone, without a gateway in front.
 *
 * - The 50-person query (and the README's examples) are planned as `@apollo/gateway` plans them and
 *   run by a small direct client, at concurrency 1 and under a steady load (`--connections`
 *   clients): p50/p95 and the four subgraphs' CPU per query. Each query gets a token of its own,
 *   as the gateway signs one per client request; under load also with one token for all, as a
 *   gateway reusing its token per principal sends them.
 * - Each subgraph operation those plans send (and the floor, `{ __typename }`) is replayed with
 *   autocannon against its subgraph alone: requests/s, p50/p95 and that subgraph's CPU per
 *   request, with one token per run, as a gateway reusing its token per principal sends it.
 *
 * With `--baseline <checkout>` a second set of subgraphs is started from another checkout's built
 * `dist/` (e.g. the main branch) on the same databases, its queries planned on that checkout's
 * own supergraph; both sets answer every query first and must return the same answer (between
 * different supergraphs, where they differ is printed), then they are measured in alternating
 * rounds and the ratios printed with their range. CPU comes from /proc/<pid>/stat of each process.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/movement_bench npm run bench:subgraphs -- \
 *     [--baseline ../main] [--rounds 3] [--duration 5] [--connections 8] [--runs 200] [--quick] [--profile DIR] [--only TEXT]
 *
 * `--profile DIR` writes a CPU profile of every subgraph process there (node --cpu-prof) when it
 * stops; `--only TEXT` measures only the client queries whose name and the subgraph operations
 * whose subgraph or text contains TEXT.
 */

const fiftyPeople = `query FiftyPeople {
  people(first: 50) { edges { node {
    id fullName
    names { script scheme value }
    lastSeenAt { id name pcode ancestors { name } }
    messagesSent(first: 5) { edges { node { id reference status addressee { fullName } } } }
    messagesReceived(first: 5) { edges { node { id reference status sender { fullName } } } }
    assistanceReceived(first: 5) { edges { node { id item quantity unit date location { name } } } }
    tracingRequests(first: 3) { edges { node { id reference status } } }
  } } }
}`;

/** The README's example queries, as partners first try them. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const section = /^## Example queries\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
}

interface Measurement {
  rps: number;
  p50: number;
  p95: number;
  /** CPU of the measured subgraph process(es) per request, in ms. */
  cpu: number;
}

function poster(set: SubgraphSet, token: string): SubgraphPost {
  return async (subgraph, body) => {
    const response = await fetch(set.subgraphs[subgraph as SubgraphName].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${set.label} ${subgraph}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Awaited<ReturnType<SubgraphPost>>;
  };
}

async function signed(operationName: string): Promise<string> {
  return signInternalToken(keys.privateKey, { principal, operationName });
}

let keys: Awaited<ReturnType<typeof generateInternalKeyPair>>;

/**
 * A client query run `runs` times through the plan by `concurrency` clients. With `tokens: 'per
 * query'` each run gets its own token, signed outside the timed span, as the gateway signs one
 * per client request; with `'reused'` one token serves every run, as a gateway that reuses its
 * token per principal for part of its lifetime sends them.
 */
async function measurePlan(
  set: SubgraphSet,
  plan: ReturnType<ReturnType<typeof createPlanner>>,
  runs: number,
  concurrency: number,
  tokens: 'per query' | 'reused',
): Promise<Measurement> {
  const shared = await signed('FiftyPeople');
  const times: number[] = [];
  const cpuBefore = subgraphNames.reduce((sum, name) => sum + set.subgraphs[name].cpuMs(), 0);
  const began = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        next += 1;
        const token = tokens === 'reused' ? shared : await signed('FiftyPeople');
        const started = process.hrtime.bigint();
        const result = await executePlan(plan, {}, poster(set, token));
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (Object.keys(result.data).length === 0) throw new Error(`${set.label}: no data`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const cpu = subgraphNames.reduce((sum, name) => sum + set.subgraphs[name].cpuMs(), 0) - cpuBefore;
  return { rps: runs / seconds, p50: percentile(times, 50), p95: percentile(times, 95), cpu: cpu / runs };
}

/** One subgraph operation replayed with autocannon for `duration` seconds against one subgraph process. */
async function measureFetch(set: SubgraphSet, fetch: SubgraphFetch, options: { duration: number; connections: number }): Promise<Measurement> {
  const target = set.subgraphs[fetch.subgraph as SubgraphName];
  // One token for the whole run, as a gateway reusing its token per principal sends it.
  const token = await signed(fetch.operationName ?? 'bench');
  const times: number[] = [];
  const cpuBefore = target.cpuMs();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        connections: options.connections,
        duration: options.duration,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(fetch.body),
      },
      (error: unknown, finished) => (error ? fail(error instanceof Error ? error : new Error('autocannon failed')) : done(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const cpu = target.cpuMs() - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${set.label} ${fetch.subgraph}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return {
    rps: result.requests.total / (result.duration || options.duration),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    cpu: cpu / Math.max(1, result.requests.total),
  };
}

/** The `__typename` of the entities a fetch asks for, or null for a root fetch. */
const entityType = (fetch: SubgraphFetch): unknown => {
  const [first] = Array.isArray(fetch.body.variables.representations) ? fetch.body.variables.representations : [];
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? first.__typename : null;
};

/** The client query a planned fetch belongs to (`FiftyPeople` of `FiftyPeople__people__0`). */
const clientOperation = (fetch: SubgraphFetch) => fetch.operationName?.split('__')[0];

/**
 * The same step in another contender's plan: the fetch of the same name, else the first not yet
 * paired one of the same client query to the same subgraph for the same type of entity (plans
 * on different supergraphs number their fetches differently).
 */
function counterpart(fetch: SubgraphFetch, list: SubgraphFetch[], used: Set<SubgraphFetch>): SubgraphFetch | undefined {
  const found =
    list.find((other) => !used.has(other) && other.operationName === fetch.operationName && other.subgraph === fetch.subgraph) ??
    list.find(
      (other) =>
        !used.has(other) && other.subgraph === fetch.subgraph && clientOperation(other) === clientOperation(fetch) && entityType(other) === entityType(fetch),
    );
  if (found) used.add(found);
  return found;
}

function printTable(title: string, contenders: SubgraphSet[], rounds: Measurement[][]): void {
  process.stdout.write(`\n${title}\n`);
  for (const [index, set] of contenders.entries()) {
    const of = (pick: (m: Measurement) => number) => median(rounds.map((round) => pick(round[index])));
    process.stdout.write(
      `  ${set.label.padEnd(12)} ${fmt(of((m) => m.rps)).padStart(8)} req/s   p50 ${fmt(
        of((m) => m.p50),
        2,
      ).padStart(7)} ms   p95 ${fmt(
        of((m) => m.p95),
        2,
      ).padStart(7)} ms   CPU ${fmt(
        of((m) => m.cpu),
        2,
      ).padStart(6)} ms/request\n`,
    );
  }
  if (contenders.length === 2) {
    const ratios = (pick: (m: Measurement) => number) => rounds.map((round) => pick(round[0]) / pick(round[1]));
    process.stdout.write(
      `  ${contenders[0].label} / ${contenders[1].label}: CPU per request ${ratioRange(ratios((m) => m.cpu))}, p50 ${ratioRange(ratios((m) => m.p50))}, req/s ${ratioRange(ratios((m) => m.rps))}   (median (range) over rounds)\n`,
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '100000' },
      baseline: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string', default: '8' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      profile: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const quick = values.quick;
  const people = Number(values.people);
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  const duration = Number(values.duration ?? (quick ? 1 : 5));
  const connections = Number(values.connections);
  const runs = Number(values.runs ?? (quick ? 20 : 200));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? defaultBenchDatabaseUrl;
  const say = (line: string) => process.stdout.write(`${line}\n`);

  say(
    `bench:subgraphs — ${people} people on ${new URL(databaseUrl).pathname.slice(1)}_<subgraph>, principal: a National Society key (${demoPartnerKeys.russianRedCross.name})`,
  );
  await ensureBenchDatabases(databaseUrl, people, say);

  keys = await generateInternalKeyPair();
  const verifyKey = await internalKeyToJson(keys.publicKey);
  const nodeArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [];
  const contenders: SubgraphSet[] = [];
  const roots = [join(__dirname, '..', '..', '..'), ...(values.baseline ? [resolve(values.baseline)] : [])];
  try {
    contenders.push(await startSubgraphSet({ label: 'this build', root: roots[0], databaseUrl, verifyKey, nodeArgs }));
    if (values.baseline) contenders.push(await startSubgraphSet({ label: 'baseline', root: roots[1], databaseUrl, verifyKey, nodeArgs }));

    // Each contender is planned on its own checkout's supergraph, as a gateway in front of it
    // would plan: an older checkout's subgraphs lack fields a newer plan asks of them (a
    // `@requires`), and a newer one's may need fields an older plan never fetches.
    const supergraphs = roots.map((root) => readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8'));
    const planners = supergraphs.map((sdl) => createPlanner(sdl));
    const sameSupergraph = supergraphs.every((sdl) => sdl === supergraphs[0]);
    const seenByClient = clientView(supergraphs[0]);
    const queries = [
      { name: '50 people with names, places, messages, assistance, tracing requests', query: fiftyPeople },
      ...readmeExamples().map((query, index) => ({ name: `README example ${index + 1}`, query })),
    ];
    const planned = queries.map((entry) => ({ ...entry, plans: planners.map((plan) => plan(entry.query)) }));

    // Every contender must give the same answers, or the comparison measures different work. On
    // different supergraphs the answers may differ by design (an access rule one has and the
    // other had not yet): the first difference is printed, so a reader knows what was compared.
    const fetches: SubgraphFetch[][] = contenders.map(() => []);
    for (const { name, query, plans } of planned) {
      const answers = [];
      for (const [index, set] of contenders.entries()) {
        const token = await signed(name);
        answers.push(await executePlan(plans[index], {}, poster(set, token)));
      }
      const [ours] = answers;
      const differences: string[] = [];
      for (const other of answers.slice(1)) {
        const difference = firstDifference(seenByClient(query, ours.data), seenByClient(query, other.data)) ?? firstDifference(ours.errors, other.errors);
        if (difference && sameSupergraph) throw new Error(`${name}: the contenders answer differently at ${difference}`);
        if (difference) differences.push(difference);
      }
      const agreement =
        contenders.length === 1
          ? ''
          : differences.length === 0
            ? ', same answer from every contender'
            : `; each planned on its own supergraph, they answer differently, first at ${differences.join('; ')}`;
      say(
        `${name}: ${answers.map((answer) => answer.fetches.length).join(' / ')} subgraph fetches, ${answers.map((answer) => answer.errors.length).join(' / ')} field errors${agreement}`,
      );
      answers.forEach((answer, index) => fetches[index].push(...answer.fetches));
    }

    const load = () =>
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' ');
    say(`\nload average before measuring: ${load()} (2 cores shared; ratios are measured side by side in the same run)`);
    say(
      `rounds ${rounds}, contenders alternate within each round; direct queries ${runs} runs at concurrency 1; subgraph operations ${duration} s each with ${connections} connections`,
    );

    const order = (round: number) => (round % 2 === 0 ? contenders.map((_, i) => i) : contenders.map((_, i) => contenders.length - 1 - i));

    const chosen = values.only ? planned.filter(({ name }) => name.includes(values.only!)) : planned.slice(0, quick ? 1 : planned.length);
    for (const { name, plans } of chosen) {
      // Concurrency 1 gives the latency a lone client sees; a steady load gives the CPU per query.
      const settings = [
        { concurrency: 1, tokens: 'per query' },
        { concurrency: connections, tokens: 'per query' },
        { concurrency: connections, tokens: 'reused' },
      ] as const;
      for (const { concurrency, tokens } of settings) {
        const results: Measurement[][] = [];
        for (let round = 0; round < rounds; round += 1) {
          const measured: Measurement[] = [];
          for (const index of order(round)) measured[index] = await measurePlan(contenders[index], plans[index], runs, concurrency, tokens);
          results.push(measured);
        }
        printTable(`${name} — direct client, concurrency ${concurrency}, token ${tokens}, CPU of all four subgraphs`, contenders, results);
      }
    }

    // The floor under every subgraph request: HTTP, the token, Apollo Server's pipeline, no data.
    const floor: SubgraphFetch = { subgraph: 'people', operationName: 'Floor', body: { query: 'query Floor { __typename }', variables: {} } };
    const seen = new Set<string>();
    const matched = fetches.map(() => new Set<SubgraphFetch>());
    for (const fetch of [floor, ...fetches[0]]) {
      const key = `${fetch.subgraph}\u0000${fetch.body.query}`;
      if (seen.has(key) || (values.only && !`${fetch.subgraph} ${fetch.body.query}`.includes(values.only))) continue;
      seen.add(key);
      // The same step of each contender's plan: the same fetch, or its counterpart on the other supergraph.
      const counterparts = fetches.map((list, index) => (fetch === floor ? floor : counterpart(fetch, list, matched[index])));
      if (!counterparts.every((other): other is SubgraphFetch => other !== undefined)) {
        say(`\n${fetch.subgraph}: ${fetch.operationName ?? ''} — not replayed: the contenders' plans differ at this step`);
        continue;
      }
      const representations = Array.isArray(fetch.body.variables.representations) ? `, ${fetch.body.variables.representations.length} representations` : '';
      const results: Measurement[][] = [];
      for (let round = 0; round < rounds; round += 1) {
        const measured: Measurement[] = [];
        for (const index of order(round)) measured[index] = await measureFetch(contenders[index], counterparts[index], { duration, connections });
        results.push(measured);
      }
      printTable(
        `${fetch.subgraph}: ${fetch.operationName ?? ''}${representations} — ${fetch.body.query.replace(/\s+/g, ' ').slice(0, 110)}`,
        contenders,
        results,
      );
    }
    say(`\nload average after measuring: ${load()}`);
  } finally {
    for (const set of contenders) await set.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
