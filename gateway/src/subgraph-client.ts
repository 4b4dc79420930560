import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { auditExtension, graphError, injectTraceContext, type AuditRead, type Logger } from '@movement/runtime';
import type { GatewayContext } from './context';
import { InFlight, isQueryDocument } from './in-flight';
import { principalKey, type InternalTokens } from './internal-tokens';
import { SubgraphTimeoutError, failedBeforeAnswer, overNewConnection, type Fetcher } from './keep-alive-fetcher';
import type { GatewayMetrics } from './metrics';

/** Stable error codes a client sees when the gateway could not get an answer from a subgraph. */
export type SubgraphFailureCode = 'SUBGRAPH_TIMEOUT' | 'SUBGRAPH_UNAVAILABLE' | 'SUBGRAPH_BAD_RESPONSE';

const unreachable = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

function failureCode(error: Error): SubgraphFailureCode {
  if (error instanceof SubgraphTimeoutError) return 'SUBGRAPH_TIMEOUT';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && unreachable.has(code)) return 'SUBGRAPH_UNAVAILABLE';
  return 'SUBGRAPH_BAD_RESPONSE';
}

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** A follower's own copy of a merged answer: the executor merges later fetches into the objects it is given. */
const copyResponse = ({ data, errors, extensions }: GatewayGraphQLResponse): GatewayGraphQLResponse => structuredClone({ data, errors, extensions });

/** The context of a client request; the gateway's own calls (health, schema loading) carry none. */
const clientContext = (context: GraphQLDataSourceProcessOptions<GatewayContext>['context']): GatewayContext | undefined =>
  context && 'principal' in context ? (context as GatewayContext) : undefined;

/**
 * The one seam every request from the gateway to a subgraph passes through: pooled keep-alive
 * connections, a deadline, the caller's `x-request-id` and trace context, the internal token, identical queries in
 * flight merged per principal, and failures turned into coded errors that name the subgraph (for
 * admins) but never its address or internals.
 */
export class SubgraphClient extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly log: Logger;
  private readonly tokens: InternalTokens;
  private readonly metrics: GatewayMetrics | undefined;
  private readonly inFlight = new InFlight<GatewayGraphQLResponse>(copyResponse);
  /** The coded errors raised for a connection that failed before any answer: a query meeting one is sent once more. */
  private readonly connectionFailures = new WeakSet<GraphQLError>();

  constructor(options: { name: string; url: string; fetcher: Fetcher; logger: Logger; tokens: InternalTokens; metrics?: GatewayMetrics }) {
    super({ url: options.url, fetcher: options.fetcher });
    this.name = options.name;
    this.log = options.logger.child({ subgraph: options.name });
    this.tokens = options.tokens;
    this.metrics = options.metrics;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = clientContext(options.context);
    const query = Boolean(request.query && isQueryDocument(request.query));
    const send = () => (query ? this.retried(options) : this.timed(options));
    // Only queries of one principal are merged: the answer depends on who asks, and a mutation
    // made once for two callers would be one write where they asked for two.
    const response =
      context && query
        ? await this.inFlight.run(`${principalKey(context.principal)}\u0000${request.query}\u0000${JSON.stringify(request.variables ?? {})}`, send)
        : await send();
    // Every caller records the sensitive reads its answer carries, merged or not.
    const reads = response.extensions?.[auditExtension] as AuditRead[] | undefined;
    if (Array.isArray(reads) && context) context.auditReads.push(...reads);
    return response;
  }

  /**
   * A query whose connection was refused or reset before any answer is sent once more: behind a
   * load balancer the second attempt reaches another replica, so a replica going away loses no
   * read. The second attempt opens a connection of its own: the pooled ones to the replica that
   * went away are as dead as the first. Never a mutation: the subgraph may have written before the
   * connection broke. One retry only, so a subgraph that is down costs a caller one extra attempt,
   * not a storm.
   */
  private async retried(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await this.timed(options);
    } catch (error) {
      if (!this.connectionFailures.has(error as GraphQLError)) throw error;
      this.metrics?.subgraphRetries.inc({ subgraph: this.name });
      this.log.info('subgraph query retried after a connection failure');
      return await overNewConnection(() => this.timed(options));
    }
  }

  /** Times each request sent and counts those that got no usable answer, by subgraph. */
  private async timed(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const timer = this.metrics?.subgraphFetchDuration.startTimer({ subgraph: this.name });
    try {
      const response = await super.process(options);
      timer?.({ outcome: response.errors?.length ? 'errors' : 'ok' });
      return response;
    } catch (error) {
      timer?.({ outcome: 'failed' });
      const code = (error as GraphQLError).extensions?.code;
      this.metrics?.subgraphFetchErrors.inc({ subgraph: this.name, code: typeof code === 'string' && code.startsWith('SUBGRAPH_') ? code : 'OTHER' });
      throw error;
    }
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Only client requests carry a principal; a subgraph answers nothing without one.
    const client = clientContext(context);
    if (!client || !request.http) return;
    request.http.headers.set('x-request-id', client.requestId);
    // The subgraph's spans join the gateway's trace (W3C traceparent), under this fetch's span.
    injectTraceContext(request.http.headers);
    client.internalToken ??= this.tokens.token(client.principal, client.operationName);
    request.http.headers.set('authorization', `Bearer ${await client.internalToken}`);
  }

  override didEncounterError(error: Error): void {
    const code = failureCode(error);
    this.log.warn({ err: error, code }, 'subgraph request failed');
    // The message names no service: partners are not told how the graph is built (admins read `serviceName`).
    const coded = graphError(code, `A service of the graph could not answer (${code.toLowerCase().replace(/_/g, ' ')}); retry later.`, {
      serviceName: this.name,
    });
    if (failedBeforeAnswer(error)) this.connectionFailures.add(coded);
    throw coded;
  }

  /** Asks the subgraph's `/ready` (beside its `/graphql`) through the same pooled connections. */
  async ready(): Promise<{ ready: boolean; detail: string }> {
    try {
      const response = await this.fetcher(new URL('ready', this.url).toString(), { method: 'GET' });
      return { ready: response.ok, detail: response.ok ? 'ready' : `status ${response.status}` };
    } catch (error) {
      return { ready: false, detail: failureCode(error as Error).toLowerCase() };
    }
  }
}
