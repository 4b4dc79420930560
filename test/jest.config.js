// The relation-plans test needs a PostgreSQL server: it runs when TEST_POSTGRES_URL names one (as CI does).
module.exports = {
  ...require('../jest.config.base.js'),
  displayName: 'graph',
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.TEST_POSTGRES_URL ? [] : ['relation-plans'])],
};
