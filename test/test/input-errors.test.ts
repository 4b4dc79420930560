import { syntheticId } from '@movement/runtime/demo';
import { fieldOfVariableError, gatewayErrorFormatting } from '@movement/gateway';
import { createLogger } from '@movement/runtime';
import { GraphQLError } from 'graphql';
import { sharedTestGraph, type SharedTestGraph } from './harness';

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

const REGISTER = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const valid = {
  givenName: 'Ivan',
  familyName: 'Petrov',
  sex: 'MALE',
  status: 'CIVILIAN',
  purpose: 'restoring family links',
  legalBasis: 'VITAL_INTEREST',
  recordedById: syntheticId('organization', 'RRC-KURSK'),
};

async function refusal(input: Record<string, unknown> | undefined) {
  const result = await graph.query(REGISTER, input === undefined ? {} : { input });
  expect(result.data?.registerPerson ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  // Whatever the error, nothing of the gateway's insides goes with it.
  expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|node_modules|\.js:\d+/);
  return result.errors![0];
}

test('a wrong enum value in the variables is BAD_USER_INPUT naming the field', async () => {
  const error = await refusal({ ...valid, sex: 'UNKNOWN_SEX' });
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sex' });
});

test('a missing required input field is named', async () => {
  const { familyName: _omitted, ...rest } = valid;
  const error = await refusal(rest);
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.familyName' });
});

test('a bad value inside a list of inputs is named by its dotted path', async () => {
  const error = await refusal({ ...valid, familyLinks: [{ relativeId: syntheticId('person', 1), relationship: 'NEIGHBOUR_OF_COUSIN' }] });
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.familyLinks.0.relationship' });
});

test('an unknown input field and a missing variable are named too', async () => {
  expect((await refusal({ ...valid, nickname: 'Vanya' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nickname' });
  expect((await refusal(undefined)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
});

test('the field is read from every shape of graphql-js variable message', () => {
  expect(fieldOfVariableError('Variable "$input" got invalid value "C" at "input.reason"; Value "C" does not exist in "R" enum.')).toBe('input.reason');
  expect(fieldOfVariableError('Variable "$input" got invalid value {} at "input.inner"; Field "x" of required type "Int!" was not provided.')).toBe(
    'input.inner.x',
  );
  expect(fieldOfVariableError('Variable "$ids" got invalid value {} at "ids[1]"; ID cannot represent value: {}')).toBe('ids.1');
  expect(fieldOfVariableError('Variable "$input" of required type "I!" was not provided.')).toBe('input');
  expect(fieldOfVariableError('Cannot query field "x" on type "Query".')).toBeUndefined();
});

test('an unexpected failure at the gateway is masked, stack and message alike', () => {
  const { formatError } = gatewayErrorFormatting(createLogger('test', 'silent'));
  const original = new GraphQLError('ENOENT: /srv/gateway/dist/server.js', { originalError: new Error('ENOENT: /srv/gateway/dist/server.js') });
  const formatted = formatError({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at server.js:1'] } }, original);
  expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  // Coded errors pass unchanged.
  const forbidden = { message: 'Not yours.', extensions: { code: 'FORBIDDEN' } };
  expect(formatError(forbidden, new GraphQLError('Not yours.'))).toBe(forbidden);
});
