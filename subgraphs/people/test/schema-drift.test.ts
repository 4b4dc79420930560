import { join } from 'node:path';
import { migratedSchemaDrift } from '@movement/runtime/testing';
import { people } from '../src/server';

test('the migrated database matches schema.prisma', async () => {
  const { tables, drift } = await migratedSchemaDrift(people, join(__dirname, '..', 'prisma', 'schema.prisma'));
  expect(tables).toBeGreaterThan(0);
  expect(drift).toEqual([]);
});
