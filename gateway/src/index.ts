import { createLogger, runUntilSignal } from '@movement/runtime';
import { loadGatewayEnvironment } from './environment';
import { startGateway } from './server';

export { startGateway, type GatewayOptions, type GatewayService } from './server';
export { UsageRecorder, anonymousPartner } from './usage';
export type { SupergraphStatus } from './registry-follower';
export { loadGatewayEnvironment, type GatewayEnvironment } from './environment';
export { SubgraphClient, type SubgraphFailureCode } from './subgraph-client';

if (require.main === module) {
  void runUntilSignal(() => {
    const env = loadGatewayEnvironment();
    return startGateway({
      port: env.port,
      host: env.host,
      supergraphPath: env.supergraphPath,
      subgraphUrls: env.subgraphUrls,
      subgraphTimeoutMs: env.subgraphTimeoutMs,
      registry: env.registry,
      usage: { enabled: env.usageRecording },
      logger: createLogger('gateway', env.logLevel),
    });
  }, createLogger('gateway', process.env.LOG_LEVEL));
}
