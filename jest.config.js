/** One Jest run over every package; each lists its own tests. */
module.exports = {
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
