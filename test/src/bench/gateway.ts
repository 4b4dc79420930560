import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generateInternalKeyPair, internalKeyToJson, signInternalToken, type SubgraphName } from '@movement/runtime';
import { demoPartnerKeys } from '@movement/launcher';
import { benchPrincipal as principal, firstDifference, fmt, median, percentile, ratioRange } from './comparison';
import { defaultBenchDatabaseUrl, ensureBenchDatabases } from './bench-database';
import { createPlanner, executePlan, readSupergraphSdl, type SubgraphPost } from './direct-plan';
import { processCpuMs, startSubgraphSet, type SubgraphSet } from './subgraph-processes';

/**
 * `npm run bench:gateway`: this graph's gateway against stock `@apollo/gateway` + `@apollo/server`
 * and Hive Gateway, each in its own process on the same supergraph over the same four subgraph
 * processes on PostgreSQL (100,000 seeded people), and against a direct client that runs the
 * gateway's query plan straight against the subgraphs (the floor under any gateway). The principal
 * is a National Society's key, whose operations our gateway prunes, with access enforcement,
 * audit and usage recording on.
 *
 * Every contender first answers each query, and must return the same data. Then, for each query
 * and concurrency, the contenders take turns in rounds (the order reversed every other round), each
 * loaded by autocannon (the direct client by as many in-process loops) for `--duration` seconds:
 * requests/s, p50/p95 latency, the gateway process's CPU per request (from /proc/<pid>/stat; for
 * the direct client, this process's), its resident memory, and the ratios per round with their
 * range.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/movement_bench npm run bench:gateway -- \
 *     [--rounds 3] [--duration 5] [--warmup 3] [--quick] [--profile DIR] [--baseline CHECKOUT] [--only ours,stock,hive,direct] [--workers N]
 *     [--query first,tiny,tiny1,tiny32]
 *
 * Before the rounds of each query, each contender serves it unmeasured for `--warmup` seconds
 * over enough connections to reach every worker. `--quick` runs one short round; `--profile DIR`
 * writes a CPU profile of every gateway process there (node --cpu-prof) when it stops;
 * `--baseline CHECKOUT` adds the gateway built in another checkout (e.g. the main branch) as one
 * more contender, to measure a change side by side;
 * `--workers N` runs our gateway as N worker processes (default: one per core, as `GATEWAY_WORKERS`),
 * whose CPU and memory are counted with the primary's; `--query` measures only the queries named:
 * `first` (the README's first example at concurrency 32), `tiny` (the tiny query at concurrency 1
 * and 32), `tiny1` or `tiny32` (the tiny query at one concurrency alone, e.g. to profile it).
 */

const readmeFirstQuery = (() => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const section = /^## Example queries\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const first = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
  if (!first) throw new Error("README.md has no example query under '## Example queries'");
  return first;
})();
const tinyQuery = '{ people(first: 1) { edges { node { fullName } } } }';

type ContenderName = 'ours' | 'baseline' | 'stock' | 'hive' | 'direct';
const labels: Record<ContenderName, string> = {
  ours: 'ours',
  baseline: 'ours at the baseline',
  stock: 'stock @apollo/gateway',
  hive: 'Hive Gateway',
  direct: 'subgraphs directly',
};

interface Measurement {
  rps: number;
  p50: number;
  p95: number;
  /** CPU of the gateway process (the direct client: this process) per request, ms. */
  cpu: number;
}

interface Contender {
  name: ContenderName;
  /** Sends `query` as a client would and gives back the answer. */
  ask(query: string): Promise<{ data?: unknown; errors?: unknown[] }>;
  measure(query: string, connections: number, duration: number): Promise<Measurement>;
  rssMb(): number;
  stop(): Promise<void>;
}

/** The process and its children (a gateway's workers), from /proc. */
function processTree(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4, the parent's pid, is the second after the command name.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // A process that ended while the list was read.
    }
  }
  return [pid, ...children];
}

function rssMb(pid: number): number {
  return processTree(pid).reduce((sum, member) => {
    const status = readFileSync(`/proc/${member}/status`, 'utf8');
    return sum + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  }, 0);
}

/** CPU of a gateway, its workers included. */
const treeCpuMs = (pid: number) => processTree(pid).reduce((sum, member) => sum + processCpuMs(member), 0);

/** A gateway in its own process, loaded over HTTP by autocannon. */
async function startGatewayProcess(name: Exclude<ContenderName, 'direct'>, env: NodeJS.ProcessEnv, nodeArgs: string[]): Promise<Contender> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(__dirname, 'gateway-contender.js'), name], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    process.stderr.write(`[${name}] ${chunk.toString()}`);
  });
  child.once('exit', (code, signal) => process.stderr.write(`[${name}] exited (${code ?? signal})\n`));
  const started = await new Promise<{ url: string; apiKey?: string }>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{"url"')) done(JSON.parse(line) as { url: string; apiKey?: string });
    });
    child.once('exit', (code) => fail(new Error(`${name} exited with ${code} before listening:\n${stderr.join('')}`)));
    setTimeout(() => fail(new Error(`${name} did not listen within 3 minutes:\n${stderr.join('')}`)), 180_000).unref();
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(started.apiKey ? { 'x-api-key': started.apiKey } : {}) };
  return {
    name,
    ask: async (query) => {
      const response = await fetch(started.url, { method: 'POST', headers, body: JSON.stringify({ query }) });
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as { data?: unknown; errors?: unknown[] };
    },
    measure: async (query, connections, duration) => {
      const times: number[] = [];
      const cpuBefore = treeCpuMs(child.pid!);
      const result = await new Promise<autocannon.Result>((done, fail) => {
        const instance = autocannon(
          { url: started.url, method: 'POST', connections, duration, headers, body: JSON.stringify({ query }) },
          (error: unknown, finished) => (error ? fail(error instanceof Error ? error : new Error('autocannon failed')) : done(finished)),
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
      });
      const cpu = treeCpuMs(child.pid!) - cpuBefore;
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      return {
        rps: result.requests.total / (result.duration || duration),
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        cpu: cpu / Math.max(1, result.requests.total),
      };
    },
    rssMb: () => rssMb(child.pid!),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** The floor: the gateway's query plan run from this process straight against the subgraphs, a token signed per query. */
function directClient(set: SubgraphSet, signingKey: CryptoKey | Awaited<ReturnType<typeof generateInternalKeyPair>>['privateKey']): Contender {
  const plan = createPlanner();
  const plans = new Map<string, ReturnType<typeof plan>>();
  const run = async (query: string) => {
    let queryPlan = plans.get(query);
    if (!queryPlan) plans.set(query, (queryPlan = plan(query)));
    const token = await signInternalToken(signingKey, { principal, operationName: null });
    const post: SubgraphPost = async (subgraph, body) => {
      const response = await fetch(set.subgraphs[subgraph as SubgraphName].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`direct ${subgraph}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as Awaited<ReturnType<SubgraphPost>>;
    };
    return executePlan(queryPlan, {}, post);
  };
  return {
    name: 'direct',
    ask: async (query) => {
      const { data, errors } = await run(query);
      return { data, errors };
    },
    measure: async (query, connections, duration) => {
      const times: number[] = [];
      const cpuBefore = process.cpuUsage();
      const began = process.hrtime.bigint();
      const until = began + BigInt(duration * 1e9);
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (process.hrtime.bigint() < until) {
            const started = process.hrtime.bigint();
            await run(query);
            times.push(Number(process.hrtime.bigint() - started) / 1e6);
          }
        }),
      );
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      const used = process.cpuUsage(cpuBefore);
      return {
        rps: times.length / seconds,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        cpu: (used.user + used.system) / 1000 / Math.max(1, times.length),
      };
    },
    rssMb: () => process.memoryUsage().rss / 1024 / 1024,
    stop: async () => undefined,
  };
}

/**
 * `value` with only the fields `shape` has: the direct client keeps the keys and `__typename`s the
 * plan fetched for its own joins, which a gateway leaves out of the answer.
 */
function shapedLike(value: unknown, shape: unknown): unknown {
  if (Array.isArray(value) && Array.isArray(shape)) return value.map((item, index) => shapedLike(item, shape[index]));
  if (typeof value === 'object' && value !== null && typeof shape === 'object' && shape !== null && !Array.isArray(shape)) {
    return Object.fromEntries(
      Object.keys(shape).map((key) => [key, shapedLike((value as Record<string, unknown>)[key], (shape as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The queries `--query` names, each at the concurrencies it names: `tiny` is the tiny query at
 * every concurrency, `tiny1` at concurrency 1 alone; every query when the flag is not given.
 */
function selectQueries<Q extends { key: string; settings: number[] }>(queries: Q[], named: string | undefined): Q[] {
  if (named === undefined) return queries;
  const wanted = named.split(',');
  const known = queries.flatMap(({ key, settings }) => [key, ...settings.map((connections) => `${key}${connections}`)]);
  const unknown = wanted.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`--query: ${unknown.join(', ')} is not one of ${known.join(', ')}`);
  return queries
    .map((query) => ({
      ...query,
      settings: query.settings.filter((connections) => wanted.includes(query.key) || wanted.includes(`${query.key}${connections}`)),
    }))
    .filter(({ settings }) => settings.length > 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '100000' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      quick: { type: 'boolean', default: false },
      profile: { type: 'string' },
      only: { type: 'string' },
      baseline: { type: 'string' },
      workers: { type: 'string' },
      query: { type: 'string' },
    },
  });
  const quick = values.quick;
  const people = Number(values.people);
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  const duration = Number(values.duration ?? (quick ? 2 : 5));
  const warmup = Number(values.warmup ?? (quick ? 1 : 3));
  const workers = Number(values.workers ?? availableParallelism());
  // Several connections per worker of ours in the warm-up, which the primary hands out in turn.
  const warmupConnections = 4 * workers;
  const chosen = (values.only?.split(',') ?? ['ours', ...(values.baseline ? ['baseline'] : []), 'stock', 'hive', 'direct']) as ContenderName[];
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? defaultBenchDatabaseUrl;
  const say = (line: string) => process.stdout.write(`${line}\n`);

  say(
    `bench:gateway — ${people} people on ${new URL(databaseUrl).pathname.slice(1)}_<subgraph>, principal: a National Society key (${demoPartnerKeys.russianRedCross.name})`,
  );
  await ensureBenchDatabases(databaseUrl, people, say);

  const keys = await generateInternalKeyPair();
  const supergraphSdl = readSupergraphSdl();
  const nodeArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [];
  const root = join(__dirname, '..', '..', '..');
  const set = await startSubgraphSet({ label: 'subgraphs', root, databaseUrl, verifyKey: await internalKeyToJson(keys.publicKey) });
  const contenders: Contender[] = [];
  try {
    const env = {
      ...process.env,
      BENCH_SUPERGRAPH_SDL: supergraphSdl,
      BENCH_SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(Object.values(set.subgraphs).map(({ name, url }) => [name, url]))),
      BENCH_SIGNING_KEY: await internalKeyToJson(keys.privateKey),
      BENCH_PRINCIPAL: JSON.stringify(principal),
      BENCH_ACCESS_DATABASE_URL: `${databaseUrl}_access`,
      NODE_ENV: 'production',
      BENCH_BASELINE_ROOT: values.baseline ? resolve(values.baseline) : '',
      // Our gateway as deployed: as many worker processes as GATEWAY_WORKERS' default, unless told.
      BENCH_GATEWAY_WORKERS: String(workers),
    };
    for (const name of chosen) {
      contenders.push(name === 'direct' ? directClient(set, keys.privateKey) : await startGatewayProcess(name, env, nodeArgs));
      say(`${labels[name]} started`);
    }

    const queries = selectQueries(
      [
        { key: 'first', name: "README's first example", query: readmeFirstQuery, settings: [32] },
        { key: 'tiny', name: '{ people(first: 1) { edges { node { fullName } } } }', query: tinyQuery, settings: [1, 32] },
      ],
      values.query,
    );
    // Every contender must give the same data, or the comparison measures different work.
    for (const { name, query } of queries) {
      const answers = await Promise.all(contenders.map((contender) => contender.ask(query)));
      for (const [index, answer] of answers.entries()) {
        if (!answer.data) throw new Error(`${labels[contenders[index].name]} answered ${name} without data: ${JSON.stringify(answer.errors).slice(0, 300)}`);
        const data = contenders[index].name === 'direct' ? shapedLike(answer.data, answers[0].data) : answer.data;
        const difference = firstDifference(answers[0].data, data);
        if (difference) throw new Error(`${name}: ${labels[contenders[0].name]} and ${labels[contenders[index].name]} answer differently at ${difference}`);
      }
      say(`${name}: the same data from ${contenders.map((contender) => labels[contender.name]).join(', ')}`);
    }

    const load = () =>
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' ');
    say(`\nload average before measuring: ${load()} (2 cores shared; ratios are measured side by side in the same run)`);
    say(`rounds ${rounds}, ${duration} s per contender and round after ${warmup} s of warm-up, the order reversed every other round`);
    const order = (round: number) => (round % 2 === 0 ? contenders : [...contenders].reverse());
    const ratio = (results: Map<ContenderName, Measurement>[], a: ContenderName, b: ContenderName, pick: (m: Measurement) => number) =>
      results.every((round) => round.has(a) && round.has(b)) ? ratioRange(results.map((round) => pick(round.get(a)!) / pick(round.get(b)!))) : '-';

    for (const { name, query, settings } of queries) {
      // Unmeasured first: every contender compiles its hot paths, and every worker of ours gets
      // connections of its own (the primary hands them out in turn), so that no round measures a
      // process's first requests, as a deployment that has been serving for a while never would.
      for (const contender of contenders) await contender.measure(query, warmupConnections, warmup);
      for (const connections of settings) {
        const results: Map<ContenderName, Measurement>[] = [];
        for (let round = 0; round < rounds; round += 1) {
          const measured = new Map<ContenderName, Measurement>();
          for (const contender of order(round)) measured.set(contender.name, await contender.measure(query, connections, duration));
          results.push(measured);
        }
        say(`\n${name} — concurrency ${connections}`);
        for (const contender of contenders) {
          const of = (pick: (m: Measurement) => number) => median(results.map((round) => pick(round.get(contender.name)!)));
          say(
            `  ${labels[contender.name].padEnd(22)} ${fmt(of((m) => m.rps)).padStart(8)} req/s   p50 ${fmt(
              of((m) => m.p50),
              2,
            ).padStart(7)} ms   p95 ${fmt(
              of((m) => m.p95),
              2,
            ).padStart(7)} ms   CPU ${fmt(
              of((m) => m.cpu),
              2,
            ).padStart(6)} ms/request   RSS ${fmt(contender.rssMb(), 0).padStart(5)} MB`,
          );
        }
        say(
          `  ours / stock: req/s ${ratio(results, 'ours', 'stock', (m) => m.rps)}   ours / Hive: req/s ${ratio(results, 'ours', 'hive', (m) => m.rps)}${values.baseline ? `   ours / baseline: req/s ${ratio(results, 'ours', 'baseline', (m) => m.rps)}, CPU ${ratio(results, 'ours', 'baseline', (m) => m.cpu)}` : ''}   p50 ours / direct: ${ratio(results, 'ours', 'direct', (m) => m.p50)}   CPU ours / Hive: ${ratio(results, 'ours', 'hive', (m) => m.cpu)}   (median (range) over rounds)`,
        );
      }
    }
    say(`\nload average after: ${load()}`);
  } finally {
    for (const contender of contenders) await contender.stop();
    await set.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
