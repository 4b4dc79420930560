export * from './compose';
export * from './subgraphs';
