export * from './audit';
export * from './directive-names';
export * from './enforce';
export * from './internal-token';
export * from './principal';
export * from './request-scope';
export * from './rules';
export * from './scopes';
