import { z } from 'zod';
import {
  ConfigurationError,
  databaseUrlFor,
  generateInternalKeyPair,
  internalKeyFromJson,
  internalKeyToJson,
  loadSubgraphEnvironment,
  logLevel,
  parseEnvironment,
  port,
  postgresUrl,
  signInternalToken,
  verifyInternalToken,
} from '../src';

const shape = { PORT: port(4000), LOG_LEVEL: logLevel, DATABASE_URL: postgresUrl, NAME: z.string().min(1) };

test('valid variables are coerced and defaults applied', () => {
  expect(parseEnvironment(shape, { PORT: '4100', NAME: 'people' })).toEqual({ PORT: 4100, LOG_LEVEL: 'info', DATABASE_URL: undefined, NAME: 'people' });
});

test('every bad variable is reported at once, each by name', () => {
  let error: unknown;
  try {
    parseEnvironment(shape, { PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db/movement' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigurationError);
  const problems = (error as ConfigurationError).problems;
  expect(problems).toHaveLength(4);
  for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'NAME']) {
    expect(problems.some((p) => p.startsWith(`${name}: `))).toBe(true);
    expect((error as Error).message).toContain(`- ${name}: `);
  }
});

test('a port outside 0..65535 is refused', () => {
  expect(() => parseEnvironment({ PORT: port(1) }, { PORT: '70000' })).toThrow(/PORT: /);
});

describe('databaseUrlFor', () => {
  test('the subgraph’s own URL wins over the prefix', () => {
    expect(databaseUrlFor('people', 'postgres://h/own', 'postgres://h/movement')).toBe('postgres://h/own');
  });

  test('the prefix gets the subgraph’s name appended to its database', () => {
    expect(databaseUrlFor('people', undefined, 'postgres://u:p@db:5432/movement?sslmode=disable')).toBe(
      'postgres://u:p@db:5432/movement_people?sslmode=disable',
    );
    expect(databaseUrlFor('messages', undefined, 'postgres://db:5432')).toBe('postgres://db:5432/movement_messages');
  });

  test('no URL at all means the embedded database', () => {
    expect(databaseUrlFor('locations', undefined, undefined)).toBeUndefined();
  });
});

test('loadSubgraphEnvironment applies the prefix rule and per-subgraph folders', () => {
  const key = { GATEWAY_VERIFY_KEY: '{"kty":"OKP","crv":"Ed25519"}' };
  const env = loadSubgraphEnvironment('assistance', { ...key, DATABASE_URL: 'postgres://db/movement', DATA_DIR: '/var/data', PORT: '0' });
  expect(env).toMatchObject({ name: 'assistance', port: 0, databaseUrl: 'postgres://db/movement_assistance', dataDir: '/var/data/assistance' });
  expect(
    loadSubgraphEnvironment('assistance', { ...key, ASSISTANCE_DATABASE_URL: 'postgres://db/aid', DATABASE_URL: 'postgres://db/movement' }).databaseUrl,
  ).toBe('postgres://db/aid');
  expect(() => loadSubgraphEnvironment('assistance', { ...key, ASSISTANCE_DATABASE_URL: 'http://db/aid' })).toThrow(/ASSISTANCE_DATABASE_URL: /);
  expect(() => loadSubgraphEnvironment('assistance', {})).toThrow(/GATEWAY_VERIFY_KEY: is required/);
});

test('the gateway key is imported from JWK JSON, and a wrong one is named', async () => {
  const pair = await generateInternalKeyPair();
  const publicKey = await internalKeyFromJson(await internalKeyToJson(pair.publicKey), 'GATEWAY_VERIFY_KEY');
  const token = await signInternalToken(pair.privateKey, {
    principal: { subject: 's', kind: 'partner', partnerId: 'p', scopes: ['people:read'] },
    operationName: 'Op',
  });
  expect(await verifyInternalToken(publicKey, token)).toEqual({
    principal: { subject: 's', kind: 'partner', partnerId: 'p', scopes: ['people:read'] },
    operationName: 'Op',
  });
  await expect(internalKeyFromJson('not json', 'GATEWAY_VERIFY_KEY')).rejects.toThrow(/^GATEWAY_VERIFY_KEY: /);
  await expect(internalKeyFromJson('{"kty":"RSA"}', 'GATEWAY_VERIFY_KEY')).rejects.toThrow(/^GATEWAY_VERIFY_KEY: must be an Ed25519 key/);
});
