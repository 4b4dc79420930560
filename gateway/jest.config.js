// The shared-Redis test needs a Redis server: it runs when TEST_REDIS_URL names one (as CI does).
module.exports = {
  ...require('../jest.config.base.js'),
  displayName: 'gateway',
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.TEST_REDIS_URL ? [] : ['limits-redis'])],
};
