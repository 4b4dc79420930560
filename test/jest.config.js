// Its global setup also serves the graph the read-only files share (test/global-setup.ts). The
// relation-plans test needs a PostgreSQL server: it runs when TEST_POSTGRES_URL names one (as CI does).
module.exports = {
  ...require('../jest.config.base.js'),
  displayName: 'graph',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.TEST_POSTGRES_URL ? [] : ['relation-plans'])],
};
