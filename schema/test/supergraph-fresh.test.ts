import { readFileSync } from 'node:fs';
import { composeRepository, formatProblems, readmePath, scopeTable, withScopeTable } from '../src';
import { apiSchemaPath, supergraphPath } from '../src/subgraphs';

const rerun = 'run `npm run build && npm run schema -- compose` and commit the result';

test('the checked-in supergraph and API schema match a fresh composition of the subgraphs', () => {
  const outcome = composeRepository();
  if (!outcome.ok) throw new Error(`The subgraphs do not compose:\n${formatProblems(outcome.errors)}`);

  const supergraph = readFileSync(supergraphPath, 'utf8');
  if (supergraph.trimEnd() !== outcome.supergraphSdl.trimEnd()) {
    throw new Error(`schema/supergraph.graphql is stale: ${rerun}.`);
  }
  const api = readFileSync(apiSchemaPath, 'utf8');
  if (api.trimEnd() !== outcome.apiSchemaSdl.trimEnd()) {
    throw new Error(`schema/api.graphql is stale: ${rerun}.`);
  }
  expect(supergraph).toContain('@join__graph(name: "locations", url: "http://127.0.0.1:4001/graphql")');
  // The public schema must not leak federation machinery.
  expect(api).not.toMatch(/join__|_entities|_Service/);
});

test("the README's scope table is the one the supergraph's directives and the scope catalogue make", () => {
  const readme = readFileSync(readmePath, 'utf8');
  const table = scopeTable(readFileSync(supergraphPath, 'utf8'));
  if (withScopeTable(readme, table) !== readme) {
    throw new Error('The scope table in README.md is stale: run `npm run schema -- scopes --write` and commit the result.');
  }
  // Every scope of the catalogue has its row, and the rows name what the directives protect.
  expect(table).toMatch(/^\| `detention:read` \| .* \| `AccessRequestStep`, (`\w+`, )*`DetentionRecord`, `DetentionVisit`, /m);
  expect(table).toMatch(/^\| any valid credential \| .* \| `Location`, `Organization`, /m);
});
