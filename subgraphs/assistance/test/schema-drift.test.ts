import { join } from 'node:path';
import { migratedSchemaDrift } from '@movement/runtime/testing';
import { assistance } from '../src/server';

test('the migrated database matches schema.prisma', async () => {
  const { tables, drift } = await migratedSchemaDrift(assistance, join(__dirname, '..', 'prisma', 'schema.prisma'));
  expect(tables).toBeGreaterThan(0);
  expect(drift).toEqual([]);
});
