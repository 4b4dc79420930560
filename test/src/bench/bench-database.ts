import { analyseSchema, createLogger, databaseUrlFor, migrate, openDatabase, subgraphNames } from '@movement/runtime';
import { graphSubgraphs } from '@movement/launcher';

/** Where the graph benchmarks keep their data unless `BENCH_DATABASE_URL` says otherwise. */
export const defaultBenchDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/movement_bench';

/**
 * Makes the four subgraph databases under `prefix` (as `DATABASE_URL`: `…/movement_bench` →
 * `movement_bench_people`, …) hold the synthetic demo with `people` people, migrated and with
 * fresh planner statistics. Seeds only what is empty, so a second run reuses the data; a database
 * seeded with another number of people is refused rather than mixed.
 */
export async function ensureBenchDatabases(prefix: string, people: number, log: (line: string) => void): Promise<void> {
  const logger = createLogger('bench', 'warn');
  for (const name of subgraphNames) {
    const { definition, seeder } = graphSubgraphs[name];
    const database = await openDatabase({
      databaseUrl: databaseUrlFor(name, undefined, prefix),
      dataDir: '',
      createClient: definition.createClient,
      poolSize: 2,
    });
    try {
      await migrate(database.driver, { schema: name, migrationsDir: definition.migrationsDir, logger });
      if (!(await seeder.isSeeded(database.driver))) {
        const started = Date.now();
        log(`seeding ${name} with ${people} people ...`);
        await seeder.seed(database.driver, { people });
        log(`seeded ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } else if (name === 'people') {
        const [row] = await database.driver.query<{ people: string }>('SELECT count(*) AS "people" FROM "people"."Person"');
        if (Number(row?.people) !== people) {
          throw new Error(
            `The benchmark database ${databaseUrlFor(name, undefined, prefix)} holds ${row?.people} people, not ${people}: pass --people ${row?.people} or another BENCH_DATABASE_URL.`,
          );
        }
      }
      // A migration applied since the seed may have added indexes or tables: fresh statistics for all.
      await analyseSchema(database.driver, name);
    } finally {
      await database.close();
    }
  }
}
