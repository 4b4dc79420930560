// The horizontal-scale test needs PostgreSQL and Redis: it runs when TEST_POSTGRES_URL and
// TEST_REDIS_URL name servers (CI sets both), as two gateway replicas cannot share an embedded
// database; for the same reason the test of a gateway's worker processes runs with TEST_POSTGRES_URL.
module.exports = {
  ...require('../jest.config.base.js'),
  displayName: 'launcher',
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_POSTGRES_URL && process.env.TEST_REDIS_URL ? [] : ['scale']),
    ...(process.env.TEST_POSTGRES_URL ? [] : ['workers']),
  ],
};
