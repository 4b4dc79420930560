// Its global setup also serves the graph the read-only files share (test/global-setup.ts). The
// relation-plans test needs a PostgreSQL server: it runs when TEST_POSTGRES_URL names one (as CI does).
// The scale-retries test runs services as separate processes on one database and Redis: it runs
// when TEST_POSTGRES_URL and TEST_REDIS_URL name servers (CI sets both).
module.exports = {
  ...require('../jest.config.base.js'),
  displayName: 'graph',
  // Starts the files' own graphs on code the worker keeps (jest.environment.js).
  testEnvironment: '<rootDir>/jest.environment.js',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_POSTGRES_URL ? [] : ['relation-plans']),
    ...(process.env.TEST_POSTGRES_URL && process.env.TEST_REDIS_URL ? [] : ['scale-retries']),
  ],
};
