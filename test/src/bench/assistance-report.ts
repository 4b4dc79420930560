import { parseArgs } from 'node:util';
import { createLogger, migrate, openDatabase, serveSubgraph, signInternalToken } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { fullAccessPrincipal, postGraphQL, testInternalKeys } from '@movement/runtime/testing';
import { assistance } from '@movement/assistance';
import * as assistanceSeed from '@movement/assistance/dist/seed';

/**
 * The area report over N assistance records (1,000,000 by default) on PostgreSQL: seeds the
 * assistance database alone with the deterministic demo (set-based SQL, one record per person)
 * when it does not hold N records yet, then times `assistanceReport` through the subgraph's HTTP
 * endpoint for areas at every level of the hierarchy, sequentially, and prints p50 and p95.
 *
 *   npx tsc -p test/tsconfig.build.json && \
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/movement_bench_assistance node test/dist/bench/assistance-report.js [--records N] [--runs N] [--reach-runs N]
 */
const TOTALS = `query($areaId: ID!, $from: String, $to: String, $groupBy: ReportPeriod) {
  assistanceReport(areaId: $areaId, from: $from, to: $to, groupBy: $groupBy) {
    records totals { periodStart item unit currency partner { id } quantity records } } }`;
/** The same report with the people reached, summed from the reach totals. */
const WITH_REACH = `query($areaId: ID!, $from: String, $to: String, $groupBy: ReportPeriod) {
  assistanceReport(areaId: $areaId, from: $from, to: $to, groupBy: $groupBy) {
    records householdsReached personsReached totals { periodStart item unit currency partner { id } quantity records } } }`;

const place = (key: string) => syntheticId('location', key);

const cases: Array<{ name: string; variables: Record<string, unknown> }> = [
  { name: 'country RU, all time', variables: { areaId: place('RU') } },
  { name: 'country RU, 2024 by month', variables: { areaId: place('RU'), from: '2024-01-01', to: '2024-12-31', groupBy: 'MONTH' } },
  { name: 'region RU-BEL, all time', variables: { areaId: place('RU-BEL') } },
  { name: 'district RU-KRS-01, Q3 2024', variables: { areaId: place('RU-KRS-01'), from: '2024-07-01', to: '2024-09-30' } },
  { name: 'country BY, by quarter', variables: { areaId: place('BY'), groupBy: 'QUARTER' } },
  { name: 'point DP-GOMEL-1, one month', variables: { areaId: place('DP-GOMEL-1'), from: '2024-05-01', to: '2024-05-31' } },
];

/** Times `runs` sequential requests after three warm-up ones; returns the sorted times in ms and the records counted. */
async function measure(url: string, query: string, variables: Record<string, unknown>, runs: number): Promise<{ counted: number; times: number[] }> {
  const times: number[] = [];
  let counted = 0;
  const { privateKey } = await testInternalKeys();
  for (let run = -3; run < runs; run++) {
    // Signed as the gateway would sign it, outside the timed span: tokens are short-lived.
    const token = await signInternalToken(privateKey, { principal: fullAccessPrincipal, operationName: 'AssistanceReportBench' });
    const started = process.hrtime.bigint();
    const result = await postGraphQL<{ assistanceReport: { records: number } }>(url, query, variables, { authorization: `Bearer ${token}` });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    counted = result.data!.assistanceReport.records;
    if (run >= 0) times.push(elapsed);
  }
  return { counted, times: times.sort((a, b) => a - b) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { records: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '100' }, 'reach-runs': { type: 'string', default: '10' } },
  });
  const records = Number(values.records);
  const runs = Number(values.runs);
  const reachRuns = Number(values['reach-runs']);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/movement_bench_assistance';
  const logger = createLogger('bench', 'warn');
  const database = await openDatabase({ databaseUrl, dataDir: '', createClient: assistance.createClient });
  try {
    await migrate(database.driver, { schema: 'assistance', migrationsDir: assistance.migrationsDir, logger });
    const [{ n }] = (await database.driver.query<{ n: string | number }>(`SELECT count(*) AS n FROM "assistance"."AssistanceRecord"`)) as [
      { n: string | number },
    ];
    if (Number(n) !== records) {
      process.stdout.write(`seeding ${records} assistance records into ${new URL(databaseUrl).pathname.slice(1)} ...\n`);
      const started = Date.now();
      await database.driver.exec(`DROP SCHEMA IF EXISTS "assistance" CASCADE`);
      await migrate(database.driver, { schema: 'assistance', migrationsDir: assistance.migrationsDir, logger });
      await assistanceSeed.seed(database.driver, { people: records });
      await database.driver.exec(`VACUUM ANALYZE "assistance"."AssistanceRecord", "assistance"."AssistanceAreaTotal", "assistance"."AssistanceAreaReachTotal"`);
      process.stdout.write(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    // A migration that has just filled the reach totals leaves them without statistics or a
    // visibility map; quick when already done.
    await database.driver.exec(`VACUUM ANALYZE "assistance"."AssistanceAreaReachTotal"`);
    const service = await serveSubgraph(
      assistance,
      { host: '127.0.0.1', port: 0, shutdownGraceMs: 1000 },
      database,
      createLogger('assistance', 'warn'),
      {},
      (await testInternalKeys()).publicKey,
    );
    try {
      const passes = [
        { label: 'totals', query: TOTALS, runs },
        { label: 'totals + people reached', query: WITH_REACH, runs: reachRuns },
      ];
      for (const pass of passes.filter((p) => p.runs > 0)) {
        process.stdout.write(`assistanceReport (${pass.label}) over ${records} records, ${pass.runs} sequential runs per case (after 3 warm-up runs)\n`);
        for (const { name, variables } of cases) {
          const { counted, times } = await measure(service.url, pass.query, variables, pass.runs);
          process.stdout.write(
            `  ${name.padEnd(32)} ${String(counted).padStart(8)} records   p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms\n`,
          );
        }
      }
    } finally {
      await service.stop();
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
