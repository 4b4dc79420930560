const { join } = require('node:path');

/** The packages whose tests `npm test` runs, each with its own jest.config.js. */
const packages = [
  'subgraphs/runtime',
  'subgraphs/locations',
  'subgraphs/people',
  'subgraphs/assistance',
  'subgraphs/messages',
  'schema',
  'gateway',
  'launcher',
  'test',
];

/**
 * A package's configuration as a project of this run. Its own global setup is for running the
 * package alone; here the run has one setup and one teardown (below), so that nothing of the run
 * is torn down while another part still uses it.
 */
function project(dir) {
  const { globalSetup: _setup, globalTeardown: _teardown, ...config } = require(`./${dir}/jest.config.js`);
  return { ...config, rootDir: join(__dirname, dir) };
}

/** One Jest run over every package. */
module.exports = {
  // PGlite instances and servers take a few seconds to start on two cores; Jest reads this only here.
  testTimeout: 120000,
  // Three workers on two cores: a file also waits on what runs outside its worker (service processes,
  // Chromium, PostgreSQL, the shared graph in the parent), and a third worker fills the cores
  // meanwhile; the run stays under 2 GB.
  maxWorkers: 3,
  // A worker's heap grows with every file it runs (each file's module registry leaves garbage
  // behind), and every collection costs more as it grows: a worker holding more than this after a
  // file is replaced by a fresh one. Compiling the modules again in the new worker costs less.
  workerIdleMemoryLimit: '400MB',
  // The run's database templates and the graph the read-only files share (test/test/global-setup.ts).
  globalSetup: '<rootDir>/test/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/test/global-teardown.ts',
  projects: packages.map(project),
};
