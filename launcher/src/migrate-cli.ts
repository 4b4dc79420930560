import { createLogger, migrate, openDatabase } from '@movement/runtime';
import { loadGraphEnvironment } from './graph/environment';
import { graphSubgraphs, subgraphNames } from './graph/subgraphs';

/** `npm run db:migrate`: applies every subgraph's pending migrations to its database. */
async function main(): Promise<void> {
  const env = loadGraphEnvironment();
  const logger = createLogger('migrate', env.logLevel);
  for (const name of subgraphNames) {
    const { definition } = graphSubgraphs[name];
    const database = await openDatabase({ ...env.databaseFor(name), createClient: definition.createClient, poolSize: 1 });
    try {
      const { applied } = await migrate(database.driver, { schema: name, migrationsDir: definition.migrationsDir, logger });
      logger.info({ subgraph: name, applied }, applied.length ? 'migrations applied' : 'up to date');
    } finally {
      await database.close();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
