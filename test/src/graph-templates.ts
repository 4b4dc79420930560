import { openDatabase, subgraphNames } from '@movement/runtime';
import { makeTestDatabaseTemplate, type TestDatabaseTemplate } from '@movement/runtime/testing';
import { graphSubgraphs, startGraph } from '@movement/launcher';

/**
 * The run's templates of the graph's databases, apart from the graphs started on them: a test of
 * a command that opens an embedded folder itself starts from one as well (`prepareTestDataFolder`),
 * without being counted among the files that reach the database servers.
 */

export const testLogLevel = () => process.env.LOG_LEVEL ?? 'silent';

/** The databases of a graph as it leaves them once started: migrated, with the access store. */
const migratedGraph: TestDatabaseTemplate = {
  name: 'graph',
  fill: async (target) => {
    const location = { databaseUrl: target.url, dataDir: target.dataDir };
    const graph = await startGraph({ databaseFor: () => location, logLevel: testLogLevel(), access: { database: location } });
    await graph.stop();
  },
};

/**
 * Makes the run's template of the migrated graph, which every seeded one starts from: in the
 * global setup, so that the workers' first files do not all make it at once.
 */
export const prepareGraphTemplates = () => makeTestDatabaseTemplate(migratedGraph);

/**
 * The databases of a graph seeded with `seedPeople` people (none when undefined). Made once per
 * test run and copied for each graph, since migrating and seeding cost more than the rest of a start.
 */
export function graphTemplate(seedPeople: number | undefined): TestDatabaseTemplate {
  if (seedPeople === undefined) return migratedGraph;
  return {
    name: `graph-${seedPeople}`,
    from: migratedGraph,
    fill: async (target) => {
      for (const name of subgraphNames) {
        const { definition, seeder } = graphSubgraphs[name];
        const database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: definition.createClient });
        try {
          await seeder.seed(database.driver, { people: seedPeople });
        } finally {
          await database.close();
        }
      }
    },
  };
}
