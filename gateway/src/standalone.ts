import { createLogger, internalKeyFromJson, runUntilSignal } from '@movement/runtime';
import { loadGatewayEnvironment, startupLogLevel } from './environment';
import { startGateway } from './server';

/**
 * The whole life of a standalone gateway process: configuration from the environment, start,
 * graceful stop on SIGTERM. `node dist/index.js` and the launcher's `serve gateway` both run this,
 * so the container and a developer's terminal start the same gateway.
 */
export function runGateway(): Promise<void> {
  return runUntilSignal(
    async () => {
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
        metrics: env.metrics,
        cors: env.cors,
      });
    },
    createLogger('gateway', startupLogLevel()),
  );
}
