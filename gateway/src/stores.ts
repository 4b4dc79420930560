import type { Logger } from '@movement/runtime';
import { SchemaRegistry, ServedSupergraphFiles, UsageSpoolFile, type SupergraphSource, type UsageSink } from '@movement/schema';
import { openAccessDatabase } from './access/access-database';
import { AuditLog } from './access/audit-log';
import { ApiKeyStore } from './auth/api-keys';
import type { GatewayMetrics } from './metrics';
import type { GatewayOptions } from './options';
import { followRegistry, type SupergraphStatus } from './registry-follower';
import { UsageRecorder } from './usage';

/**
 * What the gateway keeps outside its process: the access database (API keys and the audit trail)
 * and, when it follows the schema registry, the registry (or an embedded registry's hand-off
 * files) that versions come from and operation usage goes to.
 */
export interface GatewayStores {
  apiKeys: ApiKeyStore;
  auditLog: AuditLog;
  /** The registry's versions as Apollo's `supergraphSdl` hook; absent when serving the supergraph file. */
  follower?: ReturnType<typeof followRegistry>;
  /** Records operation usage; absent when not following a registry or when usage is off. */
  usage?: UsageRecorder;
  /** The supergraph being served, from the registry or the file. */
  supergraph: () => SupergraphStatus;
  close(): Promise<void>;
}

/** Opens the access database and the registry the options name, and reports both in `metrics`. */
export async function openStores(
  options: Pick<GatewayOptions, 'access' | 'registry' | 'usage'>,
  supergraphSdl: string,
  metrics: GatewayMetrics,
  logger: Logger,
): Promise<GatewayStores> {
  const accessDatabase = await openAccessDatabase(options.access.database, logger);
  const apiKeys = new ApiKeyStore(accessDatabase.driver, { ...options.access.apiKeyCache, logger });
  const auditLog = new AuditLog(accessDatabase.driver, (outcome) =>
    'failed' in outcome ? metrics.auditFailures.inc() : metrics.auditEntries.inc(outcome.written),
  );
  if (accessDatabase.driver.pool) metrics.databasePool('access', () => accessDatabase.driver.pool?.());
  const registryOption = options.registry;
  const registry = registryOption && 'location' in registryOption ? await SchemaRegistry.open(registryOption.location, logger) : undefined;
  const handoffDir = registryOption && 'handoffDir' in registryOption ? registryOption.handoffDir : undefined;
  const source: SupergraphSource | undefined = registry ?? (handoffDir ? new ServedSupergraphFiles(handoffDir) : undefined);
  const sink: UsageSink | undefined = registry ?? (handoffDir ? new UsageSpoolFile(handoffDir) : undefined);
  const follower = source
    ? followRegistry({
        registry: source,
        fallbackSdl: supergraphSdl,
        pollIntervalMs: registryOption?.pollIntervalMs ?? 5000,
        logger,
        onReload: (outcome) => metrics.supergraphReloads.inc({ outcome }),
      })
    : undefined;
  const usage = sink && (options.usage?.enabled ?? true) ? new UsageRecorder(sink, logger, options.usage?.flushIntervalMs ?? 5000) : undefined;
  const fileStatus: SupergraphStatus = { version: null, source: 'file', loadedAt: new Date().toISOString(), refused: null };
  const supergraph = () => follower?.status() ?? fileStatus;
  metrics.supergraphVersion(supergraph);
  return {
    apiKeys,
    auditLog,
    follower,
    usage,
    supergraph,
    close: async () => {
      await usage?.stop();
      await registry?.close();
      await accessDatabase.close();
    },
  };
}
