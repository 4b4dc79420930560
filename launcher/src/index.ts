/**
 * The whole graph in one process, for the demo (`npm start`), the whole-graph tests and the
 * benchmarks: the container runs one service per process through `cli.ts` instead.
 */
export * from './graph/graph';
export * from './graph/subgraphs';
export * from './demo/demo-access';
export * from './demo/demo-graph';
