import { availableParallelism } from 'node:os';
import { ConfigurationError } from '@movement/runtime';
import { repositoryRoot, supergraphPath } from '@movement/schema';
import { loadGatewayEnvironment } from '../src';

/** The signing key is required; its content is checked when it is imported (see the runtime's tests). */
const key = { GATEWAY_SIGNING_KEY: '{"kty":"OKP","crv":"Ed25519"}' };

test('defaults serve the checked-in supergraph on 127.0.0.1:4000', () => {
  const env = loadGatewayEnvironment({ ...key });
  expect(env).toMatchObject({ port: 4000, host: '127.0.0.1', supergraphPath, subgraphUrls: {}, subgraphTimeoutMs: 10_000, nodeEnv: 'development' });
});

test('subgraph URLs and a relative supergraph path are taken from the environment', () => {
  const env = loadGatewayEnvironment({ ...key, PEOPLE_URL: 'http://people.internal:8080/graphql', SUPERGRAPH_PATH: 'build/next.graphql', PORT: '0' });
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
  expect(problems).toMatch(/^GATEWAY_SIGNING_KEY: is required/m);
});

test('bearer tokens are accepted from a JWKS file or URL; the access database follows DATA_DIR', () => {
  expect(loadGatewayEnvironment({ ...key }).bearerTokens).toBeUndefined();
  expect(loadGatewayEnvironment({ ...key, JWKS_PATH: 'keys/jwks.json', JWT_ISSUER: 'https://id.example' }).bearerTokens).toEqual({
    jwks: { path: 'keys/jwks.json' },
    issuer: 'https://id.example',
    audience: undefined,
  });
  expect(loadGatewayEnvironment({ ...key, DATA_DIR: '/var/graph' }).accessDatabase).toEqual({ databaseUrl: undefined, dataDir: '/var/graph/access' });
  expect(() => loadGatewayEnvironment({ ...key, JWKS_URL: 'file:///etc/jwks' })).toThrow(/JWKS_URL:/);
});

test('GATEWAY_WORKERS: one process per core by default on PostgreSQL, the number given, and one on an embedded access database', () => {
  const postgres = { ...key, ACCESS_DATABASE_URL: 'postgres://gateway@db.internal:5432/movement_access' };
  expect(loadGatewayEnvironment(postgres).workers).toBe(availableParallelism());
  expect(loadGatewayEnvironment({ ...postgres, GATEWAY_WORKERS: '3' }).workers).toBe(3);
  // PGlite is opened by one process only.
  expect(loadGatewayEnvironment({ ...key, GATEWAY_WORKERS: '3' }).workers).toBe(1);
  expect(() => loadGatewayEnvironment({ ...postgres, GATEWAY_WORKERS: '0' })).toThrow(/GATEWAY_WORKERS/);
});
