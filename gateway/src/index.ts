import './tracing';
import { runGateway } from './standalone';

export { runGateway } from './standalone';
export { startGateway } from './server';
export type { EmbeddedRegistryHandoff, GatewayOptions, GatewayService } from './options';
export { UsageRecorder, anonymousPartner } from './usage';
export type { SupergraphStatus } from './registry-follower';
export { accessDatabaseLocation, loadGatewayEnvironment, registryToFollow, type GatewayEnvironment } from './environment';
export { SubgraphClient, type SubgraphFailureCode } from './subgraph-client';
export { openAccessDatabase, type AccessDatabaseLocation } from './access/access-database';
export { AuditLog, type AuditEntry } from './access/audit-log';
export type { ApiKey, ApiKeyStore } from './auth/api-keys';
export { BearerTokenVerifier, type BearerTokenOptions } from './auth/bearer-tokens';
export { loadLimitsConfig, type LimitsConfig } from './limits';
export { loadCorsConfig, type CorsConfig } from './http/cors-environment';
export { fieldOfVariableError, gatewayErrorFormatting } from './error-format';
export { announceListening, isGatewayWorker, runWorkers, type WorkersOptions } from './workers';

if (require.main === module) void runGateway();
