import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';

/** Raised when a subgraph has not answered within the deadline; the socket is discarded. */
export class SubgraphTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`No answer from ${url} within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

const noAnswer = new WeakSet<Error>();

/**
 * Whether a request failed on its connection before any byte of an answer came back: refused,
 * reset or broken while sending. The subgraph may have run it (a reset can follow the work), so
 * only a request that is safe to run twice — a query — may be sent again after one.
 */
export function failedBeforeAnswer(error: unknown): boolean {
  // Not `instanceof Error`: errors raised by Node's own modules may come from another realm.
  if (typeof error !== 'object' || error === null || !noAnswer.has(error as Error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE';
}

const fresh = new AsyncLocalStorage<true>();

/**
 * Runs `send` with every request it makes to a subgraph over a new connection of its own, closed
 * after the answer, rather than over a pooled one. A retry after a connection failure needs it:
 * when a replica dies, the other idle connections the pool holds to it (through a load balancer,
 * each stays tied to the replica it was opened to) are dead too, and the pool would hand one of
 * them to the retry before their close reached it. A new connection is routed to a live replica.
 */
export function overNewConnection<T>(send: () => Promise<T>): Promise<T> {
  return fresh.run(true, send);
}

/** A request to a subgraph: its body is the JSON text of a GraphQL request, when it has one. */
interface Exchange {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** A subgraph's answer as it came: the body whole, unparsed (null for a status that has none). */
export interface Answer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

export interface ConnectionPool {
  /** Sends one request to `url` and reads its whole answer, within the pool's deadline. */
  exchange(url: URL, request: Exchange): Promise<Answer>;
  /** Closes idle pooled sockets; call after the last request. */
  close(): void;
}

const bodiless = new Set([101, 204, 205, 304]);

/**
 * Connections to the subgraphs over keep-alive agents: reused across requests instead of paying a
 * TCP handshake per request, and every request has a hard deadline covering connect, send and the
 * whole answer. Answers are read as bytes, with no WHATWG Request, Response or stream around them:
 * the gateway parses them at once, and those objects cost more than the rest of a small request.
 */
export function createConnectionPool(options: { timeoutMs: number; maxSocketsPerSubgraph?: number }): ConnectionPool {
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: options.maxSocketsPerSubgraph ?? 128,
    maxFreeSockets: 32,
    scheduling: 'lifo' as const,
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  const exchange = (url: URL, { method, headers, body }: Exchange): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const payload = body === undefined ? undefined : Buffer.from(body);
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      // `agent: false` gives the request an agent of its own: a new socket, closed once answered.
      const agent = fresh.getStore() ? false : secure ? agents.https : agents.http;
      const request = (secure ? https : http).request(url, {
        method,
        headers: payload ? { ...headers, 'content-length': payload.length } : headers,
        agent,
      });
      const timer = setTimeout(() => request.destroy(new SubgraphTimeoutError(url.toString(), options.timeoutMs)), options.timeoutMs);
      let answered = false;
      request.on('error', (error) => {
        if (!answered) noAnswer.add(error);
        settle(() => reject(error));
      });
      request.on('response', (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => settle(() => reject(error)));
        response.on('end', () =>
          settle(() => {
            const status = response.statusCode ?? 502;
            resolve({
              status,
              statusText: response.statusMessage ?? '',
              headers: response.headers,
              body: bodiless.has(status) ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
            });
          }),
        );
      });
      request.end(payload);
    });

  return {
    exchange,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
