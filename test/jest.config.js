// Its global setup also serves the graph the read-only files share (test/global-setup.ts).
module.exports = {
  ...require('../jest.config.base.js'),
  displayName: 'graph',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
