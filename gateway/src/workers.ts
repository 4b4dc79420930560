import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import type { HeldBackChannel } from './auth/failed-authentication';
import { serveLeases } from './limits/leased-counts';
import { listen, metricsHandler, type Logger, type MetricsConfig, type MetricsSource, type RunningService } from '@movement/runtime';

/**
 * The gateway as several processes on one port (`GATEWAY_WORKERS`): GraphQL work (parsing,
 * planning, merging answers) runs on one core per process, so one process leaves the other cores
 * idle under load. node:cluster's primary accepts the connections and hands them to the workers
 * in turn; each worker is a whole gateway (`startGateway`). What must be one count across the
 * workers is kept so:
 * - rate limits and failed-authentication counts: in Redis when `REDIS_URL` is set (as across
 *   gateway instances), otherwise in the primary, never per worker: requests per partner in blocks
 *   the workers lease (leased-counts.ts), refused credentials one by one (rate-limiter-flexible's
 *   cluster limiter); an address or key id held back for its refused credentials is told to every worker;
 * - usage: each worker adds its own counts to the registry (the registry sums them);
 * - metrics: the primary gathers every worker's (prom-client's AggregatorRegistry) for each
 *   scrape, on `METRICS_PORT` and behind `METRICS_TOKEN` on the public port alike;
 * - a key revoked through one worker is forgotten by every other at once.
 */

const revokedKeys = 'movement:api-keys-revoked';
const metricsRequest = 'movement:metrics-request';
const metricsAnswer = 'movement:metrics-answer';
const workerListening = 'movement:worker-listening';
const heldBack = 'movement:auth-held-back';

type Message =
  | { type: typeof revokedKeys; ids: string[] }
  | { type: typeof metricsRequest; id: number }
  | { type: typeof metricsAnswer; id: number; text?: string; contentType?: string; error?: string }
  | { type: typeof workerListening; port: number }
  | { type: typeof heldBack; keys: string[]; untilMs: number };

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { type?: unknown }).type === 'string' &&
  (value as { type: string }).type.startsWith('movement:');

/** Whether this process is a worker of a gateway started with `runWorkers`. */
export const isGatewayWorker = (): boolean => cluster.isWorker;

/** What a worker gateway needs to act as one with its siblings. */
export interface WorkerLink {
  /** Tells the siblings that keys were revoked; `forget` is called when they tell this one. */
  revoked(ids: string[]): void;
  onRevoked(forget: (ids: string[]) => void): void;
  /** Addresses and key ids held back after too many refused credentials, told to and by the siblings. */
  heldBack: HeldBackChannel;
  /** The metrics of every worker, gathered by the primary. */
  metrics: MetricsSource;
}

/** Tells the primary this worker's gateway is started and answers on `port`. */
export function announceListening(port: number): void {
  process.send?.({ type: workerListening, port } satisfies Message);
}

/** Joins this worker to the primary: its registry is what the primary gathers. */
export function workerLink(registry: Registry): WorkerLink {
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one installs prom-client's listener answering the primary's requests for this worker's metrics.
  new AggregatorRegistry();
  const pending = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
  let next = 0;
  let forget: ((ids: string[]) => void) | undefined;
  let hold: ((keys: string[], untilMs: number) => void) | undefined;
  process.on('message', (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === revokedKeys) forget?.(message.ids);
    else if (message.type === heldBack) hold?.(message.keys, message.untilMs);
    else if (message.type === metricsAnswer) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.text !== undefined) waiting?.resolve(message.text);
      else waiting?.reject(new Error(message.error ?? 'no metrics'));
    }
  });
  return {
    revoked: (ids) => process.send?.({ type: revokedKeys, ids } satisfies Message),
    onRevoked: (callback) => {
      forget = callback;
    },
    heldBack: {
      announce: (keys, untilMs) => process.send?.({ type: heldBack, keys, untilMs } satisfies Message),
      onAnnounced: (callback) => {
        hold = callback;
      },
    },
    metrics: {
      registry: {
        contentType: registry.contentType,
        metrics: () =>
          new Promise<string>((resolve, reject) => {
            const id = (next += 1);
            pending.set(id, { resolve, reject });
            process.send?.({ type: metricsRequest, id } satisfies Message);
          }),
      },
    },
  };
}

export interface WorkersOptions {
  workers: number;
  host: string;
  metrics: MetricsConfig;
  logger: Logger;
}

/**
 * The primary: forks the workers (each runs this same program, which starts a gateway), resolves
 * once every one listens, replaces a worker that dies, and on `stop` lets every worker drain.
 */
export async function runWorkers(options: WorkersOptions): Promise<RunningService> {
  const { logger } = options;
  // Both before the first fork: the workers' counters and metrics are answered here.
  new RateLimiterClusterMaster();
  serveLeases();
  const aggregator = new AggregatorRegistry();
  const gathered = (): Promise<string> => aggregator.clusterMetrics();
  let stopping = false;

  cluster.on('message', (worker: Worker, message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === revokedKeys || message.type === heldBack) {
      for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker && other.isConnected()) other.send(message);
    } else if (message.type === metricsRequest) {
      gathered().then(
        (text) => worker.isConnected() && worker.send({ type: metricsAnswer, id: message.id, text } satisfies Message),
        (error: unknown) => worker.isConnected() && worker.send({ type: metricsAnswer, id: message.id, error: (error as Error).message } satisfies Message),
      );
    }
  });

  // Listening is announced once the worker's gateway has started, not when its socket is bound.
  const fork = () =>
    new Promise<number>((resolve, reject) => {
      const worker = cluster.fork();
      const early = (code: number | null, signal: string | null) => reject(new Error(`a gateway worker exited before listening (${code ?? signal})`));
      worker.once('exit', early);
      const listening = (message: unknown) => {
        if (!isMessage(message) || message.type !== workerListening) return;
        worker.off('message', listening);
        worker.off('exit', early);
        worker.once('exit', (code, signal) => {
          if (stopping) return;
          logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
          fork().catch((error: unknown) => logger.error({ err: error }, 'gateway worker could not be replaced'));
        });
        resolve(message.port);
      };
      worker.on('message', listening);
    });

  const exited = () =>
    Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );

  let ports: number[];
  try {
    ports = await Promise.all(Array.from({ length: options.workers }, fork));
  } catch (error) {
    stopping = true;
    await exited();
    throw error;
  }
  const [port] = ports;
  const scrape = metricsHandler({ registry: { contentType: aggregator.contentType, metrics: gathered } }, options.metrics.token, logger);
  const metricsListener =
    options.metrics.port === undefined
      ? undefined
      : await listen(
          (req, res) => {
            if ((req.url ?? '').split('?', 1)[0] === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) return scrape(req, res);
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
            res.end('Only /metrics is served here.\n');
          },
          options.host,
          options.metrics.port,
        );
  const url = `http://${options.host}:${port}/graphql`;
  logger.info({ url, workers: options.workers, metricsPort: metricsListener?.port }, 'gateway workers listening');
  return {
    url,
    port,
    stop: async () => {
      stopping = true;
      // Each worker drains its own answers on SIGTERM, then exits.
      await exited();
      await metricsListener?.drain(1000);
    },
  };
}
