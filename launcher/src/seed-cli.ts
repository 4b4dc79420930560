import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createLogger } from '@movement/runtime';
import { loadGraphEnvironment } from './graph/environment';
import { graphSubgraphs, subgraphNames } from './graph/subgraphs';
import { SubgraphDatabases } from './graph/subgraph-databases';
import { commandContext, type CommandContext } from './command-context';

/**
 * `npm run seed -- --people N [--reset]`: fills every subgraph's database with the deterministic
 * synthetic demo, scaled to N people, with a progress bar. Databases come from the same variables
 * as `npm start` (embedded by default, `DATABASE_URL` for PostgreSQL). Returns the process exit
 * code: 1, with the reason on stderr, when it cannot seed.
 */
export async function seed(argv: string[], overrides: Partial<CommandContext> = {}): Promise<number> {
  const context = commandContext(overrides);
  try {
    await seedGraph(argv, context);
    return 0;
  } catch (error) {
    context.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

async function seedGraph(argv: string[], context: CommandContext): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string', default: '500' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    context.stdout.write(
      'Usage: npm run seed -- [--people N] [--reset]\n  --people N  synthetic people to create (default 500)\n  --reset     empty the databases first\n',
    );
    return;
  }
  const people = Number(values.people);
  if (!Number.isInteger(people) || people < 1) throw new Error(`--people must be a positive integer, got "${values.people}"`);
  const env = loadGraphEnvironment(context.env);
  const logger = createLogger('seed', env.logLevel === 'info' ? 'warn' : env.logLevel);
  // Each seeder knows exactly what it will report, so the bar reaches 100% at the end and not before.
  const total = subgraphNames.reduce((sum, name) => sum + graphSubgraphs[name].seeder.expectedRows(people), 0);
  let reported = 0;
  const bar = new SingleBar({ format: 'seeding {bar} {percentage}% | {value}/{total} rows | {subgraph} | {duration}s' }, Presets.shades_classic);
  bar.start(total, 0, { subgraph: '' });
  const startedAt = Date.now();
  // Each subgraph's database stays open until every one is seeded (see SubgraphDatabases).
  const databases = new SubgraphDatabases(env, logger, { reset: values.reset, poolSize: 2 });
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

if (require.main === module) {
  void seed(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
