import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import proxyaddr from 'proxy-addr';
import { answerJson, answerWithApollo, bodyTooLarge, errorBody, internalErrorMessage, readBytes, type Logger } from '@movement/runtime';
import type { Authentication } from '../auth/authenticate';
import type { RateLimitVerdict } from '../limits';
import type { GatewayMetrics } from '../metrics';

/**
 * `POST /graphql` straight on node:http, for the requests services and scripts send: a JSON body,
 * no `Origin`. It does what the express route does — request id, authentication, rate limit,
 * body limit, `documentId`, Apollo Server's own HTTP handling — without express's routing, body
 * parser and response helpers, which cost a large share of a small query's time at the gateway.
 * Everything else (browsers' requests with their CORS headers, GET, other media types, encoded
 * bodies) goes to the express app, so there is one place for each of those rules.
 */

/** Credentials the gateway accepted. */
type Admitted = Extract<Authentication, { principal: unknown }>;

export interface GraphqlEndpointOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Hops of trusted proxies in front of the gateway (`TRUST_PROXY`), as express is told. */
  trustProxyHops: number;
  maxBodyBytes: number;
  /** The request id the answer carries (the caller's when it is plain, a new one otherwise). */
  requestIdOf(req: IncomingMessage): string;
  authenticate(req: IncomingMessage, address: string): Promise<Authentication>;
  rateLimit(admitted: Admitted): Promise<RateLimitVerdict | null>;
  /** The body Apollo Server gets (`documentId` rewritten), or the refusal to answer. */
  rewriteBody(body: unknown): { body: unknown } | { status: number; refusal: unknown };
  context(requestId: string, admitted: Admitted): Promise<Context>;
}

/** `application/json`, with no charset or UTF-8: what the express route's body parser reads without converting. */
const plainJson = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Whether a request is one the lean path answers exactly as the express route would. */
export function takesLeanPath(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.headers.origin !== undefined) return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  if ((query === -1 ? url : url.slice(0, query)) !== '/graphql') return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  return plainJson.test(req.headers['content-type'] ?? '');
}

/** The JSON body as express.json reads it (an empty body is `{}`, a top-level scalar is refused), or the answer refusing it. */
async function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<{ body: unknown } | { status: number; body: unknown }> {
  // No length and no chunked encoding: no body at all, which Apollo Server answers itself.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return { body: undefined };
  if (Number(req.headers['content-length']) > maxBodyBytes) return bodyTooLarge(maxBodyBytes);
  const bytes = await readBytes(req, maxBodyBytes);
  if (bytes === null) return bodyTooLarge(maxBodyBytes);
  const text = bytes.toString('utf8');
  if (text.trim().length === 0) return { body: {} };
  const notJson = { status: 400, body: errorBody('BAD_REQUEST', 'The request body is not valid JSON.') };
  // Strict like express.json: only an object or an array is a request.
  if (!/^[\s\uFEFF]*[{[]/.test(text)) return notJson;
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return notJson;
  }
}

export function graphqlEndpoint<Context extends BaseContext>(options: GraphqlEndpointOptions<Context>): (req: IncomingMessage, res: ServerResponse) => void {
  const trusted = (_address: string, hop: number) => hop < options.trustProxyHops;
  const handle = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    res.setHeader('x-request-id', requestId);
    // Refusals are counted by the status they are answered with, as on the express route.
    res.once('finish', () => {
      if (res.statusCode === 401) options.metrics.authenticationFailures.inc();
      else if (res.statusCode === 429) options.metrics.rateLimitRefusals.inc();
    });
    const authentication = await options.authenticate(req, proxyaddr(req, trusted));
    if ('refusal' in authentication) {
      answerJson(res, authentication.refusal.status, authentication.refusal.body, authentication.refusal.headers);
      return;
    }
    const verdict = await options.rateLimit(authentication);
    if (verdict) for (const [name, value] of Object.entries(verdict.headers)) res.setHeader(name, value);
    if (verdict?.refusal) {
      answerJson(res, verdict.refusal.status, verdict.refusal.body);
      return;
    }
    const read = await readBody(req, options.maxBodyBytes);
    if ('status' in read) {
      // The rest of a body over the limit is not read: the connection closes after the answer.
      if (read.status === 413) res.setHeader('connection', 'close');
      return answerJson(res, read.status, read.body);
    }
    const rewritten = options.rewriteBody(read.body);
    if ('refusal' in rewritten) return answerJson(res, rewritten.status, rewritten.refusal);
    await answerWithApollo(options.apollo, req, res, rewritten.body, () => options.context(requestId, authentication));
  };
  return (req, res) => {
    const requestId = options.requestIdOf(req);
    handle(req, res, requestId).catch((error: unknown) => {
      // Apollo Server answers every GraphQL failure itself; this is a broken socket or a bug,
      // answered as the express route's error handler answers it.
      options.logger.error({ err: error, requestId }, 'unexpected error in the HTTP layer');
      if (res.headersSent) res.destroy(error as Error);
      else answerJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', `${internalErrorMessage} (request id ${requestId})`, { requestId }));
    });
  };
}
