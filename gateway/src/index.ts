import { createLogger, internalKeyFromJson, runUntilSignal } from '@movement/runtime';
import { loadGatewayEnvironment } from './environment';
import { startGateway } from './server';

export { startGateway, type EmbeddedRegistryHandoff, type GatewayOptions, type GatewayService } from './server';
export { UsageRecorder, anonymousPartner } from './usage';
export type { SupergraphStatus } from './registry-follower';
export { loadGatewayEnvironment, registryToFollow, type GatewayEnvironment } from './environment';
export { SubgraphClient, type SubgraphFailureCode } from './subgraph-client';
export { openAccessDatabase, type AccessDatabaseLocation } from './access/access-database';
export { AuditLog, type AuditEntry } from './access/audit-log';
export type { ApiKey, ApiKeyStore } from './auth/api-keys';
export { BearerTokenVerifier, type BearerTokenOptions } from './auth/bearer-tokens';
export { loadLimitsConfig, type LimitsConfig } from './limits';
export { loadCorsConfig, type CorsConfig } from './http/cors';
export { fieldOfVariableError, gatewayErrorFormatting } from './error-format';

if (require.main === module) {
  void runUntilSignal(async () => {
    const env = loadGatewayEnvironment();
    return startGateway({
      access: { database: env.accessDatabase, signingKey: await internalKeyFromJson(env.signingKey, 'GATEWAY_SIGNING_KEY'), bearerTokens: env.bearerTokens },
      port: env.port,
      host: env.host,
      supergraphPath: env.supergraphPath,
      subgraphUrls: env.subgraphUrls,
      subgraphTimeoutMs: env.subgraphTimeoutMs,
      shutdownGraceMs: env.shutdownGraceMs,
      registry: env.registry,
      usage: { enabled: env.usageRecording },
      logger: createLogger('gateway', env.logLevel),
      limits: env.limits,
      cors: env.cors,
    });
  }, createLogger('gateway', process.env.LOG_LEVEL));
}
