import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from '@movement/runtime';
import { coordinatesOf, executedOperation, operationSignature, signatureHash, type UsageIncrement, type UsageSink } from '@movement/schema';
import type { GatewayContext } from './context';

/** Partner ids kept as they are; anything else counts as anonymous. */
const partnerPattern = /^[\w.:-]{1,64}$/;
export const anonymousPartner = 'anonymous';

interface Analysed {
  signatureHash: string;
  signature: string;
  operationName: string | null;
  coordinates: string[];
}

/** Distinct operations analysed per schema, for bounded memory; the least recently used is forgotten first. */
const maxCachedOperations = 2000;

/**
 * Records who uses what, cheaply: each distinct operation text is analysed once per schema
 * (signature, coordinates), then a request costs a map lookup and a counter increment. Counts
 * are flushed to the sink (the registry in one transaction, or the embedded registry's usage
 * spool) every `flushIntervalMs`, and on stop.
 *
 * The partner is the authenticated principal's partner, or its subject when it acts for none.
 */
export class UsageRecorder {
  private readonly analysed = new WeakMap<GraphQLSchema, LRUCache<string, Analysed>>();
  private pending = new Map<string, UsageIncrement>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: UsageSink,
    private readonly logger: Logger,
    flushIntervalMs: number,
  ) {
    this.timer = setInterval(() => void this.flush(), flushIntervalMs);
    this.timer.unref();
  }

  record(schema: GraphQLSchema, queryHash: string, analyse: () => Omit<Analysed, 'signatureHash'>, partnerHeader: string | null | undefined): void {
    let cache = this.analysed.get(schema);
    if (!cache) this.analysed.set(schema, (cache = new LRUCache<string, Analysed>({ max: maxCachedOperations })));
    let entry = cache.get(queryHash);
    if (!entry) {
      const result = analyse();
      entry = { ...result, signatureHash: signatureHash(result.signature) };
      cache.set(queryHash, entry);
    }
    const partner = partnerHeader && partnerPattern.test(partnerHeader) ? partnerHeader : anonymousPartner;
    const key = `${entry.signatureHash}\u0000${partner}`;
    const counted = this.pending.get(key);
    if (counted) counted.count += 1;
    else
      this.pending.set(key, {
        signatureHash: entry.signatureHash,
        partner,
        operationName: entry.operationName,
        signature: entry.signature,
        coordinates: entry.coordinates,
        count: 1,
      });
  }

  /** Writes the counts gathered so far; a failed write is logged and its counts dropped (usage is advisory). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending.values()];
      this.pending = new Map();
      try {
        await this.sink.recordUsage(batch);
      } catch (error) {
        this.logger.warn({ err: error, operations: batch.length }, 'operation usage could not be recorded');
      }
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, operationName, queryHash, contextValue }) => {
          this.record(
            schema,
            `${queryHash}:${operationName ?? ''}`,
            () => ({
              signature: operationSignature(document, operationName),
              operationName: operationName ?? null,
              coordinates: coordinatesOf(schema, executedOperation(document, operationName)),
            }),
            contextValue.principal.partnerId ?? contextValue.principal.subject,
          );
        },
      }),
    };
  }
}
