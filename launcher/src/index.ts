/**
 * The whole graph in one process, for the demo (`npm start`), the whole-graph tests and the
 * benchmarks: the container runs one service per process through `cli.ts` instead. The seed and
 * retention commands are here as well, so that a test can run them in its own process.
 */
export * from './graph/graph';
export * from './graph/subgraphs';
export * from './demo/demo-access';
export * from './demo/demo-graph';
export { retention } from './retention-cli';
export { seed } from './seed-cli';
export type { CommandContext } from './command-context';
