import { migrate, openDatabase, type Database, type Logger, type SqlDriver, type SubgraphName } from '@movement/runtime';
import type { loadGraphEnvironment } from './environment';
import { graphSubgraphs } from './subgraphs';

type GraphEnvironment = ReturnType<typeof loadGraphEnvironment>;

/**
 * The subgraphs' databases of one command's run, each opened and migrated when first used and all
 * closed together at the end: on the embedded folder they are one PGlite instance, which costs
 * seconds to start, so opening it once per run rather than once per step or subgraph is what keeps
 * a run short. With `reset`, a subgraph's schema is dropped before it is migrated again; a
 * command that writes in bulk may ask for more than one connection each.
 */
export class SubgraphDatabases {
  private readonly opened = new Map<SubgraphName, Promise<Database<unknown>>>();

  constructor(
    private readonly env: GraphEnvironment,
    private readonly logger: Logger,
    private readonly options: { reset?: boolean; poolSize?: number } = {},
  ) {}

  async with<T>(name: SubgraphName, work: (driver: SqlDriver) => Promise<T>): Promise<T> {
    let database = this.opened.get(name);
    if (!database) {
      database = this.open(name);
      this.opened.set(name, database);
    }
    return work((await database).driver);
  }

  private async open(name: SubgraphName): Promise<Database<unknown>> {
    const { definition } = graphSubgraphs[name];
    const database = await openDatabase({ ...this.env.databaseFor(name), createClient: definition.createClient, poolSize: this.options.poolSize ?? 1 });
    try {
      if (this.options.reset) await database.driver.exec(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await migrate(database.driver, { schema: name, migrationsDir: definition.migrationsDir, logger: this.logger });
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  async close(): Promise<void> {
    const settled = await Promise.allSettled(this.opened.values());
    this.opened.clear();
    for (const result of settled) if (result.status === 'fulfilled') await result.value.close();
  }
}
