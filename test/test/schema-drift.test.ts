import { dirname, join } from 'node:path';
import { migratedSchemasDrift } from '@movement/runtime/testing';
import { assistance } from '@movement/assistance';
import { locations } from '@movement/locations';
import { messages } from '@movement/messages';
import { people } from '@movement/people';

// Every subgraph's migrations, in one database as the graph runs them, against its schema.prisma.
const definitions = [locations, people, assistance, messages];
let results: Awaited<ReturnType<typeof migratedSchemasDrift>>;

beforeAll(async () => {
  results = await migratedSchemasDrift(
    definitions.map(({ name, migrationsDir }) => ({ name, migrationsDir, prismaSchemaPath: join(dirname(migrationsDir), 'schema.prisma') })),
  );
});

test.each(definitions.map(({ name }) => name))('the migrated %s database matches schema.prisma', (name) => {
  const { tables, drift } = results[name];
  expect(tables).toBeGreaterThan(0);
  expect(drift).toEqual([]);
});
