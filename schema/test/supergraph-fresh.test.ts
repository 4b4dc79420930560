import { readFileSync } from 'node:fs';
import { composeRepository, formatProblems } from '../src';
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
