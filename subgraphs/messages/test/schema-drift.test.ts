import { join } from 'node:path';
import { migratedSchemaDrift } from '@movement/runtime/testing';
import { messages } from '../src/server';

test('the migrated database matches schema.prisma', async () => {
  const { tables, drift } = await migratedSchemaDrift(messages, join(__dirname, '..', 'prisma', 'schema.prisma'));
  expect(tables).toBeGreaterThan(0);
  expect(drift).toEqual([]);
});
