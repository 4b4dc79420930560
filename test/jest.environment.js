const { TestEnvironment } = require('jest-environment-node');

/**
 * Jest's Node environment, with the graph starter of test/src/test-graphs.ts loaded in the
 * worker's own realm rather than in each test file's module registry.
 *
 * A test file that starts a graph would otherwise compile and warm up the whole graph's code
 * (Apollo, Prisma, PGlite, the subgraphs) for itself, only to drop it at its end: loaded here, once
 * per worker, that code stays compiled and optimised for the worker's next files, and each file
 * pays only for its graph's databases and servers. The starter is the built one (`npm test` builds
 * first). Its graphs share nothing but code: each file still gets a fresh database and servers.
 */
class GraphTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // Loaded when a file first starts a graph, so that a worker running only other files never loads it.
    this.global.workerGraphs = { startGraphOnTemplate: (options) => require('./dist/test-graphs.js').startGraphOnTemplate(options) };
  }
}

module.exports = GraphTestEnvironment;
