export * from './audit';
export * from './enforce';
export * from './identity-view';
export * from './internal-token';
export * from './principal';
export * from './request-scope';
export * from './rules';
export * from './scopes';
