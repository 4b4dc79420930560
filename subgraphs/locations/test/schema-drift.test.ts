import { join } from 'node:path';
import { migratedSchemaDrift } from '@movement/runtime/testing';
import { locations } from '../src/server';

test('the migrated database matches schema.prisma', async () => {
  const { tables, drift } = await migratedSchemaDrift(locations, join(__dirname, '..', 'prisma', 'schema.prisma'));
  expect(tables).toBeGreaterThan(0);
  expect(drift).toEqual([]);
});
