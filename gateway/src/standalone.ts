import cluster from 'node:cluster';
import { createLogger, internalKeyFromJson, runUntilSignal } from '@movement/runtime';
import { loadGatewayEnvironment, startupLogLevel } from './environment';
import { startGateway } from './server';
import { announceListening, runWorkers } from './workers';

/**
 * The whole life of a standalone gateway process: configuration from the environment, start,
 * graceful stop on SIGTERM. `node dist/index.js` and the launcher's `serve gateway` both run this,
 * so the container and a developer's terminal start the same gateway. With more than one worker
 * (`GATEWAY_WORKERS`) this process is the primary, and each worker it forks runs this again and
 * starts a gateway (see workers.ts).
 */
export function runGateway(): Promise<void> {
  return runUntilSignal(
    async () => {
      const env = loadGatewayEnvironment();
      const logger = createLogger('gateway', env.logLevel);
      if (cluster.isPrimary && env.workers > 1) return runWorkers({ workers: env.workers, host: env.host, metrics: env.metrics, logger });
      const gateway = await startGateway({
        access: { database: env.accessDatabase, signingKey: await internalKeyFromJson(env.signingKey, 'GATEWAY_SIGNING_KEY'), bearerTokens: env.bearerTokens },
        port: env.port,
        host: env.host,
        supergraphPath: env.supergraphPath,
        subgraphUrls: env.subgraphUrls,
        subgraphTimeoutMs: env.subgraphTimeoutMs,
        shutdownGraceMs: env.shutdownGraceMs,
        registry: env.registry,
        usage: { enabled: env.usageRecording },
        logger,
        limits: env.limits,
        metrics: env.metrics,
        cors: env.cors,
      });
      if (cluster.isWorker) announceListening(gateway.port);
      return gateway;
    },
    createLogger('gateway', startupLogLevel()),
  );
}
