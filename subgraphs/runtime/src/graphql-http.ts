import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { errorBody } from './errors';
import { bodyTooLarge } from './http-errors';

/**
 * `/graphql` straight on node:http: the body read and parsed once, Apollo Server's own HTTP
 * handling (method, CSRF prevention, content negotiation, status codes) and nothing else. A
 * subgraph answers only its gateway, thousands of times a second; express's routing, body parser
 * and content negotiation cost a tenth of each small request and do nothing Apollo does not.
 */

/** Largest request body a subgraph reads: a gateway's batch of representations fits many times. */
const maxBodyBytes = 1024 * 1024;

export interface GraphqlHttpOptions<Context extends BaseContext, Admission> {
  apollo: ApolloServer<Context>;
  /** Checks the caller before the body is read: what `context` gets, or null once it has answered. */
  admit(req: IncomingMessage, res: ServerResponse): Promise<Admission | null>;
  context(req: IncomingMessage, admission: Admission): Promise<Context>;
  /** Answers what it can without Apollo Server's request pipeline (see direct-requests.ts). */
  direct?: DirectPath<Context>;
}

export interface DirectPath<Context> {
  /**
   * Answers a request itself and resolves true, or resolves false having written nothing, for
   * Apollo Server to answer. Both get the same context, made once.
   */
  answer(req: IncomingMessage, res: ServerResponse, body: unknown, context: () => Promise<Context>): Promise<boolean>;
  /** What Apollo Server answered a request with: its status and content type. */
  answered(req: IncomingMessage, status: number, contentType: string | undefined): void;
}

export function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Hands a request whose body has been read to Apollo Server's own HTTP handling (method, CSRF
 * prevention, content negotiation, status codes) and writes its answer on node:http; resolves
 * with the answer's status and content type.
 */
export async function answerWithApollo<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  context: () => Promise<Context>,
): Promise<{ status: number; contentType: string | undefined }> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query === -1 ? '' : url.slice(query), body },
    context,
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  const answered = { status: res.statusCode, contentType: response.headers.get('content-type') };
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return answered;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
  return answered;
}

/**
 * The body's bytes, or null once it outgrows `limit` (the rest is left unread: answer with
 * `connection: close`). Read on the stream's events: its async iterator costs a promise and an
 * iterator result per chunk, a share of every small request, and its early return destroys the
 * request, which can lose the answer refusing it.
 */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The parsed JSON body, or why it cannot be read. */
async function readBody(req: IncomingMessage): Promise<{ body: unknown } | { status: number; body: unknown }> {
  if (Number(req.headers['content-length']) > maxBodyBytes) return bodyTooLarge(maxBodyBytes);
  const bytes = await readBytes(req, maxBodyBytes);
  if (bytes === null) return bodyTooLarge(maxBodyBytes);
  const text = bytes.toString('utf8');
  // Only a JSON body is parsed; Apollo answers any other (or none) with its own error.
  if (!/^application\/(.+\+)?json/i.test(req.headers['content-type'] ?? '') || text.length === 0) return { body: text.length === 0 ? undefined : text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { status: 400, body: errorBody('BAD_REQUEST', 'The request body is not valid JSON.') };
  }
}

export function graphqlHttp<Context extends BaseContext, Admission>(
  options: GraphqlHttpOptions<Context, Admission>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const admission = await options.admit(req, res);
    if (admission === null) return;
    const read = await readBody(req);
    if ('status' in read) {
      // The rest of a body over the limit is not read: the connection closes after the answer.
      if (read.status === 413) res.setHeader('connection', 'close');
      return answerJson(res, read.status, read.body);
    }
    let made: Promise<Context> | undefined;
    const context = () => (made ??= options.context(req, admission));
    if (options.direct && (await options.direct.answer(req, res, read.body, context))) return;
    const { status, contentType } = await answerWithApollo(options.apollo, req, res, read.body, context);
    options.direct?.answered(req, status, contentType);
  };
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Apollo Server answers every GraphQL failure itself; this is a broken socket or a bug.
      if (!res.headersSent) answerJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
      else res.destroy(error as Error);
    });
  };
}

/** Whether a request is for `/graphql` (with or without a query string or a trailing slash). */
export function isGraphqlPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0];
  return path === '/graphql' || path === '/graphql/';
}
