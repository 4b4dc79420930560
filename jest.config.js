/** One Jest run over every package; each lists its own tests. */
module.exports = {
  // PGlite instances and servers take a few seconds to start on two cores; Jest reads this only here.
  testTimeout: 120000,
  // Two workers: graph tests are mostly waiting on their own servers, and one each per core fits in memory.
  maxWorkers: 2,
  projects: [
    '<rootDir>/subgraphs/runtime',
    '<rootDir>/subgraphs/locations',
    '<rootDir>/subgraphs/people',
    '<rootDir>/subgraphs/assistance',
    '<rootDir>/subgraphs/messages',
    '<rootDir>/schema',
    '<rootDir>/gateway',
    '<rootDir>/test',
  ],
};
