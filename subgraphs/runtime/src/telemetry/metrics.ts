import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a fast cached read to the gateway's default subgraph deadline. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Where `/metrics` is served: its own port, the public one behind a bearer token, or both; neither means not at all. */
export interface MetricsConfig {
  /** `METRICS_PORT`: a listener that serves only `/metrics` (0 picks a free one). */
  port?: number;
  /** `METRICS_TOKEN`: the bearer token `/metrics` asks for, on either port. */
  token?: string;
}

/** Whether a configuration serves `/metrics` anywhere. */
export const metricsServed = (config: MetricsConfig | undefined) => config !== undefined && (config.port !== undefined || config.token !== undefined);

/**
 * Label values that cannot grow without bound: operation names are chosen by callers, so the
 * first `limit` distinct well-formed names keep their own series and any later or malformed
 * one collapses into `(other)`. Persisted operations, the names that matter, are seen first in
 * practice; a partner inventing names cannot blow up the time series.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 200) {}

  of(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (this.seen.has(name)) return name;
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name) || this.seen.size >= this.limit) return '(other)';
    this.seen.add(name);
    return name;
  }
}

/** How a GraphQL request ended: every field answered, some failed, or no data at all. */
export type Outcome = 'ok' | 'partial' | 'error';

/** The metrics every service keeps, in its own registry (several services can share a process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operations = new BoundedLabel();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestDuration: Histogram<'operation' | 'outcome'>;
  readonly authenticationFailures: Counter;
  private defaultsCollected = false;
  private readonly pools = new Map<string, () => PoolStats | undefined>();
  private readonly series = new Map<string, { requests: Counter.Internal; duration: Histogram.Internal<'operation' | 'outcome'> }>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    this.requests = new Counter({
      name: 'movement_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name and outcome (ok, partial, error).',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: 'movement_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to its answer, by operation name and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: latencyBuckets,
      registers: [this.registry],
    });
    this.authenticationFailures = new Counter({
      name: 'movement_authentication_failures_total',
      help: "Requests refused with 401. At the gateway: missing, unknown, revoked or expired credentials. At a subgraph: a request without the gateway's valid signature, i.e. someone calling it directly.",
      registers: [this.registry],
    });
    const pools = this.pools;
    new Gauge({
      name: 'movement_db_pool_connections',
      help: 'Connections of a PostgreSQL pool by state: in use, idle, and callers waiting for one.',
      labelNames: ['database', 'state'],
      registers: [this.registry],
      collect() {
        for (const [database, stats] of pools) {
          const current = stats();
          if (!current) continue;
          this.set({ database, state: 'in_use' }, current.total - current.idle);
          this.set({ database, state: 'idle' }, current.idle);
          this.set({ database, state: 'waiting' }, current.waiting);
        }
      },
    });
  }

  /** Node's own metrics (heap, event-loop lag, GC, handles); only for a service that serves them. */
  collectDefaults(): void {
    if (this.defaultsCollected) return;
    this.defaultsCollected = true;
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts and times every GraphQL request Apollo Server answers. */
  plugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ response, operationName, request, document }) => {
            const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
            const outcome: Outcome = !result.errors?.length ? 'ok' : result.data ? 'partial' : 'error';
            // A document that failed validation has no resolved operation; its name is still in it.
            const named = operationName ?? request.operationName ?? (document ? getOperationAST(document)?.name?.value : undefined);
            this.answered(named, outcome, started);
          },
        };
      },
    };
  }

  /** Counts a GraphQL request answered and its time since `started` (`process.hrtime.bigint()`). */
  answered(operationName: string | null | undefined, outcome: Outcome, started: bigint): void {
    const series = this.seriesOf(this.operations.of(operationName), outcome);
    series.requests.inc();
    series.duration.observe(Number(process.hrtime.bigint() - started) / 1e9);
  }

  /**
   * The request counter's and histogram's children for an operation and outcome, kept: prom-client
   * hashes a label object on every call, and the label values are bounded (see `BoundedLabel`).
   */
  private seriesOf(operation: string, outcome: Outcome) {
    const key = `${operation}\u0000${outcome}`;
    let found = this.series.get(key);
    if (!found) {
      found = { requests: this.requests.labels({ operation, outcome }), duration: this.requestDuration.labels({ operation, outcome }) };
      this.series.set(key, found);
    }
    return found;
  }

  /** Reports a database pool's connections at each scrape (PGlite has no pool and reports none). */
  databasePool(database: string, stats: () => PoolStats | undefined): void {
    this.pools.set(database, stats);
  }
}

/** A connection pool's state; PGlite has no pool and reports none. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}
