/**
 * `npm run bench -- <name> [options]`: runs one benchmark by name; without a name, lists them.
 * Each benchmark is its own module that parses the options after the name.
 */
const benchmarks: Record<string, { module: string; what: string }> = {
  statements: { module: '../count-statements', what: 'SQL statements for one cross-subgraph query over 5 and over 50 people' },
  people: { module: './people-search', what: 'name-search latency and recall (--sizes, --postgres)' },
  messages: { module: './messages-sends', what: 'message sends with injected retries; fails on any duplicate or loss (--sends, --concurrency)' },
  assistance: { module: './assistance-report', what: 'area-report latency over 1,000,000 assistance records (BENCH_DATABASE_URL)' },
  usage: { module: './schema-usage', what: 'gateway throughput with usage recording on and off (--requests, --concurrency, --rounds)' },
  access: { module: './access-enforcement', what: 'gateway throughput with access enforcement on and off (--requests, --concurrency, --rounds)' },
  subgraphs: {
    module: './subgraphs',
    what: 'each subgraph alone and the 50-person query without a gateway: req/s, p50/p95, CPU per request (BENCH_DATABASE_URL, --baseline, --quick)',
  },
};

const name = process.argv[2];
const benchmark = name ? benchmarks[name] : undefined;
if (!benchmark) {
  const list = Object.entries(benchmarks)
    .map(([key, { what }]) => `  ${key.padEnd(11)} ${what}`)
    .join('\n');
  process.stderr.write(`${name ? `Unknown benchmark "${name}".\n` : ''}Usage: npm run bench -- <name> [options]\n${list}\n`);
  process.exitCode = name ? 1 : 0;
} else {
  // The benchmark reads its options from process.argv, so it must not see its own name there.
  process.argv.splice(2, 1);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the benchmark runs on loading, as its own entry point would
  require(benchmark.module);
}
