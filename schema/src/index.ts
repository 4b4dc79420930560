export * from './compose';
export * from './subgraphs';
export * as operations from './generated/client/graphql';
