/**
 * Operation limits, introspection control and rate limiting for the gateway.
 *
 * Wiring, in the gateway's server:
 * - environment: spread `limitsEnvironment` into the gateway's `parseEnvironment` shape and turn
 *   the result into a config with `limitsFromVariables` (or call `loadLimitsConfig`);
 * - body size: `express.json({ limit: config.maxBodyBytes })`, followed by `payloadTooLarge` so
 *   an oversized body is answered in GraphQL's shape;
 * - Apollo Server: `introspection: true` (the guard decides), plugins `operationLimitsPlugin(config)`
 *   and `introspectionGuard(config)`;
 * - rate limits: `const limiter = await createRateLimiter(config, logger)`, then
 *   `limiter.rateLimit((req, res) => key)` on `/graphql` after authentication, keyed by partner (or
 *   the principal's subject); `limiter.close()` on stop;
 * - error codes: `LimitErrorCodes` joins the graph's registry of codes.
 */
export { limitsEnvironment, limitsFromVariables, loadLimitsConfig, type LimitsConfig, type LimitsVariables } from './environment';
export { LimitErrorCodes, type LimitErrorCode } from './errors';
export { measureOperation, operationLimitRules, operationLimitErrors, countTokens, tokenLimitError, type OperationMeasure } from './operation';
export { operationLimitsPlugin, introspectionGuard, introspectionOnlyFor, INTROSPECTION_SCOPE, type LimitsPrincipal, type PrincipalContext } from './plugins';
export { createRateLimiter, openCounterStore, type CounterStore, type RateLimiter, type RateLimiterOptions, type RateLimitVerdict } from './rate-limit';
export { payloadTooLarge } from './body';
