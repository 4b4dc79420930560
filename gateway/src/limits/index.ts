/**
 * Operation limits, introspection control and rate limiting for the gateway: the environment
 * they read, the validation rules and plugins Apollo Server runs, the rate limiter admission
 * consults after authentication (keyed by partner, shared across workers through its counter
 * store), and the answer to an oversized body. Their error codes are the runtime registry's.
 */
export { limitsEnvironment, limitsFromVariables, loadLimitsConfig, type LimitsConfig } from './environment';
export { measureOperation, operationLimitRules, countTokens } from './operation';
export { operationLimitsPlugin, introspectionGuard, introspectionOnlyFor, type LimitsPrincipal, type PrincipalContext } from './plugins';
export { createRateLimiter, openCounterStore, type RateLimiter, type RateLimitVerdict } from './rate-limit';
export { payloadTooLarge } from './body';
