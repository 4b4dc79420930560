import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedTestGraph, type SharedTestGraph } from './harness';

/**
 * The README's example queries are what a partner tries first: each must run as written, as the
 * ICRC delegation's demo key, and find data in the demo.
 */
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = /^## Example queries\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

test('the README has example queries to check', () => {
  expect(examples.length).toBeGreaterThanOrEqual(3);
});

test.each(examples.map((query, index) => [index + 1, query] as const))('README example query %i runs without errors and finds data', async (_index, query) => {
  const result = await graph.query<Record<string, { edges?: unknown[] } | null>>(query, {}, graph.as('icrc'));
  expect(result.errors).toBeUndefined();
  const roots = Object.values(result.data ?? {});
  expect(roots.length).toBeGreaterThan(0);
  for (const root of roots) {
    expect(root).not.toBeNull();
    if (root && 'edges' in root) expect(root.edges!.length).toBeGreaterThan(0);
  }
});
