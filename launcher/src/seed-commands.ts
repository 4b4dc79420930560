import { SingleBar, Presets } from 'cli-progress';
import { createLogger } from '@movement/runtime';
import { loadGraphEnvironment } from './graph/environment';
import { graphSubgraphs, subgraphNames } from './graph/subgraphs';
import { SubgraphDatabases } from './graph/subgraph-databases';
import type { CommandContext } from './command-context';

/** The work of `npm run seed` (seed-cli.ts): seeds `people` people into every subgraph's database, with a progress bar. */
export async function seedGraphDatabases(context: CommandContext, people: number, reset: boolean): Promise<void> {
  const env = loadGraphEnvironment(context.env);
  const logger = createLogger('seed', env.logLevel === 'info' ? 'warn' : env.logLevel);
  // Each seeder knows exactly what it will report, so the bar reaches 100% at the end and not before.
  const total = subgraphNames.reduce((sum, name) => sum + graphSubgraphs[name].seeder.expectedRows(people), 0);
  let reported = 0;
  const bar = new SingleBar({ format: 'seeding {bar} {percentage}% | {value}/{total} rows | {subgraph} | {duration}s' }, Presets.shades_classic);
  bar.start(total, 0, { subgraph: '' });
  const startedAt = Date.now();
  // Each subgraph's database stays open until every one is seeded (see SubgraphDatabases).
  const databases = new SubgraphDatabases(env, logger, { reset, poolSize: 2 });
  try {
    for (const name of subgraphNames) {
      const { seeder } = graphSubgraphs[name];
      await databases.with(name, async (driver) => {
        if (await seeder.isSeeded(driver)) {
          bar.stop();
          throw new Error(`The ${name} database already holds data; run again with --reset to replace it.`);
        }
        bar.update({ subgraph: name });
        await seeder.seed(driver, {
          people,
          onProgress: (rows) => {
            reported += rows;
            bar.increment(rows, { subgraph: name });
          },
        });
      });
    }
  } finally {
    await databases.close();
  }
  bar.stop();
  context.stdout.write(`Seeded ${people} people: ${reported} of ${total} rows in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
}
