import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { AccessRules } from '@movement/runtime';
import { sharedTestGraph, type SharedTestGraph } from './harness';

/**
 * The README's example queries are what a partner tries first: each must run as written, as the
 * ICRC delegation's demo key, and find data in the demo.
 */
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = /^## Example queries\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
/** The scopes each example says it needs: the `Scopes: `a`, `b`.` sentence just before it. */
const statedScopes = [...section.matchAll(/Scopes: ((?:`[a-z:]+`(?:, )?)+)\.\n\n```graphql\n/g)].map((match) =>
  [...match[1].matchAll(/`([a-z:]+)`/g)].map((scope) => scope[1]).sort(),
);

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

test('each example says the scopes it needs: exactly those its fields require', () => {
  const root = join(__dirname, '..', '..', 'schema');
  const schema = buildASTSchema(parse(readFileSync(join(root, 'api.graphql'), 'utf8')));
  const rules = AccessRules.fromDocument(parse(readFileSync(join(root, 'supergraph.graphql'), 'utf8')));
  const required = examples.map((query) => {
    const scopes = new Set<string>();
    const typeInfo = new TypeInfo(schema);
    visit(
      parse(query),
      visitWithTypeInfo(typeInfo, {
        Field: (node) => {
          const parent = typeInfo.getParentType();
          // Each rule of the examples' fields has a single alternative, so its scopes are all needed.
          for (const requirement of parent ? rules.requirements(parent.name, node.name.value) : []) for (const scope of requirement[0] ?? []) scopes.add(scope);
        },
      }),
    );
    return [...scopes].sort();
  });
  expect(statedScopes).toEqual(required);
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
