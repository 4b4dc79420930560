import { dependencyUnavailable, errorBody, ErrorCodes, graphError, internalError } from '../src';

test('a plain HTTP answer built from a registry code has GraphQL error shape, with the extensions after the code', () => {
  expect(errorBody('RATE_LIMITED', 'Slow down.', { retryAfter: 3 })).toEqual({
    errors: [{ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfter: 3 } }],
  });
});

test('the factories answer with the codes of the registry, at the path given', () => {
  const error = graphError('FORBIDDEN', 'No.', { coordinate: 'Person.sex' }, ['person', 'sex']);
  expect(error.extensions).toEqual({ code: 'FORBIDDEN', coordinate: 'Person.sex' });
  expect(error.path).toEqual(['person', 'sex']);
  expect(dependencyUnavailable('Could not check.').extensions.code).toBe('DEPENDENCY_UNAVAILABLE');
  expect(internalError('Broken.').extensions.code).toBe('INTERNAL_SERVER_ERROR');
  for (const code of ['DEPENDENCY_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'FORBIDDEN', 'RATE_LIMITED']) expect(ErrorCodes).toHaveProperty(code);
});
