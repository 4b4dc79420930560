import { ConfigurationError } from '@movement/runtime';
import { repositoryRoot, supergraphPath } from '@movement/schema';
import { loadGatewayEnvironment } from '../src';

test('defaults serve the checked-in supergraph on 127.0.0.1:4000', () => {
  const env = loadGatewayEnvironment({});
  expect(env).toMatchObject({ port: 4000, host: '127.0.0.1', supergraphPath, subgraphUrls: {}, subgraphTimeoutMs: 10_000, nodeEnv: 'development' });
});

test('subgraph URLs and a relative supergraph path are taken from the environment', () => {
  const env = loadGatewayEnvironment({ PEOPLE_URL: 'http://people.internal:8080/graphql', SUPERGRAPH_PATH: 'build/next.graphql', PORT: '0' });
  expect(env.subgraphUrls).toEqual({ people: 'http://people.internal:8080/graphql' });
  expect(env.supergraphPath).toBe(`${repositoryRoot}/build/next.graphql`);
  expect(env.port).toBe(0);
});

test('every bad variable is named at once', () => {
  let error: unknown;
  try {
    loadGatewayEnvironment({ PORT: 'eighty', MESSAGES_URL: 'ftp://x', SUBGRAPH_TIMEOUT_MS: '0' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigurationError);
  const problems = (error as ConfigurationError).problems.join('\n');
  expect(problems).toMatch(/^PORT:/m);
  expect(problems).toMatch(/^MESSAGES_URL: must be an http/m);
  expect(problems).toMatch(/^SUBGRAPH_TIMEOUT_MS:/m);
});
