export * from './tracing';
export * from './spans';
export * from './metrics';
export * from './metrics-endpoint';
