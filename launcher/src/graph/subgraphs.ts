import type { BaseSubgraphContext, SqlDriver, SubgraphDefinition, SubgraphName } from '@movement/runtime';
import type { SeedOptions } from '@movement/runtime/demo';
import { locations } from '@movement/locations';
import * as locationsSeed from '@movement/locations/dist/seed';
import { people } from '@movement/people';
import * as peopleSeed from '@movement/people/dist/seed';
import { assistance } from '@movement/assistance';
import * as assistanceSeed from '@movement/assistance/dist/seed';
import { messages } from '@movement/messages';
import * as messagesSeed from '@movement/messages/dist/seed';

/** How a subgraph fills its own tables with the synthetic demo. */
export interface Seeder {
  /** Writes the demo and, unless told otherwise, analyses the tables it filled. */
  seed(driver: SqlDriver, options: SeedOptions): Promise<void>;
  /** What `seed` reports through `onProgress` in all for `people` persons: the progress bar's total. */
  expectedRows(people: number): number;
  isSeeded(driver: SqlDriver): Promise<boolean>;
}

export interface GraphSubgraph {
  // Each subgraph has its own client and context types; the graph only starts and seeds them.
  definition: SubgraphDefinition<unknown, BaseSubgraphContext>;
  seeder: Seeder;
}

/** The four subgraphs, in the order they start (no order is required; this one reads well in logs). */
export const graphSubgraphs: Record<SubgraphName, GraphSubgraph> = {
  locations: { definition: locations as unknown as GraphSubgraph['definition'], seeder: locationsSeed },
  people: { definition: people as unknown as GraphSubgraph['definition'], seeder: peopleSeed },
  assistance: { definition: assistance as unknown as GraphSubgraph['definition'], seeder: assistanceSeed },
  messages: { definition: messages as unknown as GraphSubgraph['definition'], seeder: messagesSeed },
};

export { subgraphNames } from '@movement/runtime';
