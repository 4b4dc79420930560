/**
 * `@movement/runtime/testing`: what tests and benchmarks run subgraphs, databases and processes
 * with. It is an entry of its own, apart from the runtime's, so that a service cannot reach test
 * keys or a principal holding every scope through an import the editor completed (a lint rule
 * keeps it out of the services' sources).
 */
export * from './databases';
export * from './processes';
export * from './schema-drift';
export * from './span-recorder';
export * from './subgraphs';
