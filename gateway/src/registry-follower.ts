import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@movement/runtime';
import type { SupergraphSource } from '@movement/schema';
import { accessRulesOf } from './access/apollo-supergraph';

/** What the gateway serves and the last reload it refused, for `/ready` and the logs. */
export interface SupergraphStatus {
  /** Registry version served; null when serving the supergraph file (the registry had none). */
  version: number | null;
  source: 'registry' | 'file';
  loadedAt: string;
  /** The last version that failed to load, kept until a later version loads. */
  refused: { version: number; error: string; at: string } | null;
}

export interface RegistryFollowerOptions {
  /** The registry itself (PostgreSQL), or the handoff files an embedded registry writes. */
  registry: SupergraphSource;
  /** Served when the registry has no version yet. */
  fallbackSdl: string;
  /** How often to ask the registry for a newer version. */
  pollIntervalMs: number;
  logger: Logger;
  /** Told of each version loaded or refused (metrics). */
  onReload?(outcome: 'loaded' | 'refused'): void;
}

/**
 * A `supergraphSdl` hook for @apollo/gateway that follows the registry: it starts on the latest
 * published version and polls for newer ones. `update` swaps the schema between requests —
 * requests already planned finish on the old one — and throws, leaving the old schema serving,
 * when the new supergraph does not load; that version is then refused until a newer one comes.
 * A version whose access rules do not build is refused before it reaches Apollo: Apollo would
 * serve it, and every request would then fail closed for want of rules.
 */
export function followRegistry(options: RegistryFollowerOptions): { hook: SupergraphSdlHook; status: () => SupergraphStatus; poll: () => Promise<void> } {
  const { registry, logger } = options;
  let status: SupergraphStatus = { version: null, source: 'file', loadedAt: new Date().toISOString(), refused: null };
  let update: ((sdl: string) => void) | undefined;
  let polling: Promise<void> | undefined;

  const pollOnce = async () => {
    if (!update) return;
    const newest = await registry.latestVersionNumber();
    if (newest === undefined || newest === status.version || newest === status.refused?.version) return;
    if (status.version !== null && newest < status.version) return;
    const version = await registry.get(newest);
    if (!version) return;
    try {
      // Throws when the version does not load, its access rules included (see supergraphForApolloGateway).
      update(version.supergraphSdl);
      status = { version: version.version, source: 'registry', loadedAt: new Date().toISOString(), refused: null };
      logger.info({ version: version.version }, 'supergraph reloaded from the registry');
      options.onReload?.('loaded');
    } catch (error) {
      status = { ...status, refused: { version: version.version, error: (error as Error).message, at: new Date().toISOString() } };
      logger.error({ version: version.version, err: error, serving: status.version }, 'supergraph refused: it does not load; the previous one keeps serving');
      options.onReload?.('refused');
    }
  };
  // One poll at a time, and a failing registry is logged, never thrown into the timer. A poll asked
  // for while one runs waits for it and then asks the registry again: the running one may have read
  // the latest version before the caller published a newer one, and a reload must see it.
  let next: Promise<void> | undefined;
  const poll = (): Promise<void> => {
    if (polling) {
      next ??= polling.then(() => {
        next = undefined;
        return poll();
      });
      return next;
    }
    polling = pollOnce()
      .catch((error: unknown) => logger.warn({ err: error }, 'schema registry poll failed'))
      .finally(() => {
        polling = undefined;
      });
    return polling;
  };

  const hook: SupergraphSdlHook = async ({ update: apply }) => {
    const newest = await registry.latestVersionNumber();
    let latest = newest === undefined ? undefined : await registry.get(newest);
    update = apply;
    let refused: SupergraphStatus['refused'] = null;
    if (latest) {
      try {
        accessRulesOf(latest.supergraphSdl);
      } catch (error) {
        // Starting on the supergraph file beats not starting: the refusal shows in /ready.
        refused = { version: latest.version, error: (error as Error).message, at: new Date().toISOString() };
        logger.error({ version: latest.version, err: error }, 'supergraph refused: its access rules do not build; serving the supergraph file');
        latest = undefined;
      }
    }
    status = latest
      ? { version: latest.version, source: 'registry', loadedAt: new Date().toISOString(), refused }
      : { version: null, source: 'file', loadedAt: new Date().toISOString(), refused };
    const timer = setInterval(() => void poll(), options.pollIntervalMs);
    timer.unref();
    logger.info({ version: status.version, source: status.source, pollIntervalMs: options.pollIntervalMs }, 'following the schema registry');
    return {
      supergraphSdl: latest?.supergraphSdl ?? options.fallbackSdl,
      cleanup: async () => {
        clearInterval(timer);
        update = undefined;
        await polling;
      },
    };
  };
  return { hook, status: () => status, poll };
}
