import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { auditExtension, graphError, injectTraceContext, type AuditRead, type Logger } from '@movement/runtime';
import type { GatewayContext } from './context';
import { InFlight, isQueryDocument } from './in-flight';
import { principalKey, type InternalTokens } from './internal-tokens';
import { SubgraphTimeoutError, failedBeforeAnswer, overNewConnection, type Answer, type ConnectionPool } from './connection-pool';
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

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;

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
export class SubgraphClient implements GraphQLDataSource<GatewayContext> {
  readonly name: string;
  readonly url: string;
  private readonly target: URL;
  private readonly pool: ConnectionPool;
  private readonly log: Logger;
  private readonly tokens: InternalTokens;
  private readonly metrics: GatewayMetrics | undefined;
  private readonly inFlight = new InFlight<GatewayGraphQLResponse>(copyResponse);
  /** The coded errors raised for a connection that failed before any answer: a query meeting one is sent once more. */
  private readonly connectionFailures = new WeakSet<GraphQLError>();

  constructor(options: { name: string; url: string; pool: ConnectionPool; logger: Logger; tokens: InternalTokens; metrics?: GatewayMetrics }) {
    this.name = options.name;
    this.url = options.url;
    // Parsed once: every request of the gateway's life goes to the same address.
    this.target = new URL(options.url);
    this.pool = options.pool;
    this.log = options.logger.child({ subgraph: options.name });
    this.tokens = options.tokens;
    this.metrics = options.metrics;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
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
      const response = await this.send(options);
      timer?.({ outcome: response.errors?.length ? 'errors' : 'ok' });
      return response;
    } catch (error) {
      timer?.({ outcome: 'failed' });
      const code = (error as GraphQLError).extensions?.code;
      this.metrics?.subgraphFetchErrors.inc({ subgraph: this.name, code: typeof code === 'string' && code.startsWith('SUBGRAPH_') ? code : 'OTHER' });
      throw error;
    }
  }

  /**
   * Sends the subgraph its part of the plan and reads the answer. Anything short of a JSON object
   * in a 2xx answer — no connection, a deadline passed, another status, another body — is a failure.
   */
  private async send({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    // The request as GraphQL over HTTP carries it: query, variables, operation name, extensions.
    const { http: _http, ...graphqlRequest } = request;
    try {
      const answer = await this.pool.exchange(this.target, {
        method: 'POST',
        headers: await this.headers(clientContext(context)),
        body: JSON.stringify(graphqlRequest),
      });
      return parseAnswer(answer);
    } catch (error) {
      throw this.failed(error as Error);
    }
  }

  /** What a request to the subgraph carries besides its body: for a client request, whose it is and where it belongs. */
  private async headers(client: GatewayContext | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // Only client requests carry a principal; a subgraph answers nothing without one.
    if (!client) return headers;
    headers['x-request-id'] = client.requestId;
    // The subgraph's spans join the gateway's trace (W3C traceparent), under this fetch's span.
    injectTraceContext({ set: (name, value) => (headers[name] = value) });
    client.internalToken ??= this.tokens.token(client.principal, client.operationName);
    headers.authorization = `Bearer ${await client.internalToken}`;
    return headers;
  }

  /** The coded error a client sees for `error`, logged with what went wrong for operators. */
  private failed(error: Error): GraphQLError {
    const code = failureCode(error);
    this.log.warn({ err: error, code }, 'subgraph request failed');
    // The message names no service: partners are not told how the graph is built (admins read `serviceName`).
    const coded = graphError(code, `A service of the graph could not answer (${code.toLowerCase().replace(/_/g, ' ')}); retry later.`, {
      serviceName: this.name,
    });
    if (failedBeforeAnswer(error)) this.connectionFailures.add(coded);
    return coded;
  }

  /** Asks the subgraph's `/ready` (beside its `/graphql`) through the same pooled connections. */
  async ready(): Promise<{ ready: boolean; detail: string }> {
    try {
      const { status } = await this.pool.exchange(new URL('ready', this.target), { method: 'GET', headers: {} });
      const ok = status >= 200 && status < 300;
      return { ready: ok, detail: ok ? 'ready' : `status ${status}` };
    } catch (error) {
      return { ready: false, detail: failureCode(error as Error).toLowerCase() };
    }
  }
}

const graphqlJson = /^application\/(graphql-response\+)?json\b/;

/** The GraphQL response in a subgraph's answer; throws, saying what came instead, when there is none. */
function parseAnswer({ status, statusText, headers, body }: Answer): GatewayGraphQLResponse {
  const text = body?.toString('utf8') ?? '';
  if (status < 200 || status >= 300) throw new Error(`The subgraph answered ${status} ${statusText}: ${text.slice(0, 500)}`);
  if (!graphqlJson.test(headers['content-type'] ?? '')) throw new Error(`The subgraph answered ${headers['content-type'] ?? 'no content type'}, not JSON`);
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`Expected a JSON object from the subgraph, but received: ${text.slice(0, 500)}`);
  return parsed;
}
