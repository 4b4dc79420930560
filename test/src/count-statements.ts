import { postGraphQL } from '@movement/runtime/testing';
import { startDemoGraph } from '@movement/launcher';

/**
 * `npm run bench:statements`: the SQL statements each subgraph sends for one query over N people
 * with their messages, assistance and last-seen place — the same for 5 and for 50 when every
 * relation is batched. Runs on a throwaway embedded database seeded with 200 people.
 */
const query = `query($first: Int!) { people(first: $first) { edges { node {
  id fullName lastSeenAt { id name }
  messagesSent(first: 5) { edges { node { id status } } }
  messagesReceived(first: 5) { edges { node { id status } } }
  assistanceReceived(first: 5) { edges { node { id item } } }
} } } }`;

async function main(): Promise<void> {
  const { graph, credentials } = await startDemoGraph({
    databaseFor: () => ({ dataDir: 'memory://statements' }),
    accessDatabase: { dataDir: 'memory://statements' },
    seedPeople: 200,
    logLevel: 'silent',
  });
  try {
    for (const first of [5, 50]) {
      const before = graph.statements();
      const result = await postGraphQL(graph.url, query, { first }, credentials.fullAccess);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const after = graph.statements();
      const perSubgraph = Object.fromEntries(Object.entries(after).map(([name, n]) => [name, n - before[name as keyof typeof before]]));
      const total = Object.values(perSubgraph).reduce((a, b) => a + b, 0);
      process.stdout.write(`${first} people: ${total} SQL statements ${JSON.stringify(perSubgraph)}\n`);
    }
  } finally {
    await graph.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
