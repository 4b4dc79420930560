import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram } from 'prom-client';
import { latencyBuckets, ServiceMetrics } from '@movement/runtime';
import type { SupergraphStatus } from './registry-follower';

/**
 * The gateway's metrics beside every service's request counts: what an operator alerts on.
 * Labels are the subgraph names, error codes and outcomes, all from small fixed sets.
 */
export class GatewayMetrics extends ServiceMetrics {
  readonly subgraphFetchDuration = new Histogram<'subgraph' | 'outcome'>({
    name: 'movement_subgraph_fetch_duration_seconds',
    help: 'Time of each request from the gateway to a subgraph, by subgraph and outcome (ok, errors, failed).',
    labelNames: ['subgraph', 'outcome'],
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly subgraphFetchErrors = new Counter<'subgraph' | 'code'>({
    name: 'movement_subgraph_fetch_errors_total',
    help: 'Requests to a subgraph that got no usable answer, by subgraph and code (SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE, SUBGRAPH_BAD_RESPONSE).',
    labelNames: ['subgraph', 'code'],
    registers: [this.registry],
  });
  readonly subgraphRetries = new Counter<'subgraph'>({
    name: 'movement_subgraph_retries_total',
    help: 'Queries sent to a subgraph a second time after their connection was refused or reset before any answer, by subgraph.',
    labelNames: ['subgraph'],
    registers: [this.registry],
  });
  readonly rateLimitRefusals = new Counter({
    name: 'movement_rate_limit_refusals_total',
    help: 'Requests refused with 429 because their partner (or app) was over its rate limit.',
    registers: [this.registry],
  });
  readonly auditEntries = new Counter({
    name: 'movement_audit_entries_written_total',
    help: 'Entries written to the audit trail (one per sensitive read).',
    registers: [this.registry],
  });
  readonly auditFailures = new Counter({
    name: 'movement_audit_write_failures_total',
    help: 'Writes to the audit trail that failed; the answers they belonged to were withheld.',
    registers: [this.registry],
  });
  readonly supergraphReloads = new Counter<'outcome'>({
    name: 'movement_supergraph_reloads_total',
    help: 'Supergraph versions from the registry that were loaded or refused.',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly documentsParsed = new Counter({
    name: 'movement_documents_parsed_total',
    help: 'Operation documents the gateway parsed and validated because its document cache did not hold them (trusted documents never are).',
    registers: [this.registry],
  });

  constructor() {
    super('gateway');
  }

  /** Counts the documents Apollo Server parses: its parsing hook runs only on a document-cache miss. */
  parsingPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    const parsed = this.documentsParsed;
    return {
      async requestDidStart() {
        return {
          async parsingDidStart() {
            parsed.inc();
          },
        };
      },
    };
  }

  /** The registry version served (0 while the supergraph file serves), read at each scrape. */
  supergraphVersion(status: () => SupergraphStatus): void {
    new Gauge<'source'>({
      name: 'movement_supergraph_version',
      help: 'Registry version of the supergraph being served; 0 while the checked-in file serves.',
      labelNames: ['source'],
      registers: [this.registry],
      collect() {
        const current = status();
        this.reset();
        this.set({ source: current.source }, current.version ?? 0);
      },
    });
  }

  /**
   * Counts refusals by the status they are answered with, whichever middleware answers: the
   * authentication and rate-limit middlewares stay unaware of metrics.
   */
  refusals(): RequestHandler {
    return (_req, res, next) => {
      res.once('finish', () => {
        if (res.statusCode === 401) this.authenticationFailures.inc();
        else if (res.statusCode === 429) this.rateLimitRefusals.inc();
      });
      next();
    };
  }
}
