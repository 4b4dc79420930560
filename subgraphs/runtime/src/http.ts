import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

/** A listening HTTP service: where it answers and how to stop it gracefully. */
export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A bound HTTP server and the way to drain it. */
export interface Listener {
  server: http.Server;
  port: number;
  /**
   * Stops accepting connections and drains the open ones: requests in flight finish, and so do
   * requests that arrive meanwhile on connections already open, each answered with
   * `Connection: close`; once nothing is in flight the idle keep-alive connections are closed.
   * Connections still open after `graceMs` are cut. Resolves true when none had to be.
   */
  drain(graceMs: number): Promise<boolean>;
}

/**
 * Keeps count of the requests in progress on each connection, so a drain knows which connections
 * are idle and when the last answer has left.
 */
function connectionTracker(server: http.Server) {
  const inProgress = new Map<Socket, number>();
  const answering = new Set<http.ServerResponse>();
  let draining = false;
  let onIdle: (() => void) | undefined;

  server.on('connection', (socket: Socket) => {
    inProgress.set(socket, 0);
    socket.once('close', () => inProgress.delete(socket));
  });
  // Ahead of the application's own listener, so the header is set before it can answer.
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    if (inProgress.has(socket)) inProgress.set(socket, inProgress.get(socket)! + 1);
    answering.add(res);
    // During a drain every answer tells the client not to send another request on this connection.
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      answering.delete(res);
      if (inProgress.has(socket)) inProgress.set(socket, inProgress.get(socket)! - 1);
      if (draining && answering.size === 0) onIdle?.();
    });
  });

  const closeIdleConnections = () => {
    for (const [socket, requests] of inProgress) if (requests === 0) socket.end();
  };

  return async (graceMs: number): Promise<boolean> => {
    draining = true;
    for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
    onIdle = closeIdleConnections;
    // http.Server#close would also drop every idle keep-alive connection at once (Node 19+), so a
    // request a client is sending on one right now would be reset; net.Server#close only stops
    // accepting new connections, and the open ones are closed above as the answers leave.
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    if (answering.size === 0) closeIdleConnections();
    let graceful = true;
    const deadline = setTimeout(() => {
      graceful = false;
      for (const socket of inProgress.keys()) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(deadline);
    return graceful;
  };
}

/** Listens on `host:port` (port 0 picks a free one) and resolves once the socket is bound. */
export async function listen(app: http.RequestListener, host: string, port: number): Promise<Listener> {
  const server = http.createServer(app);
  // Keep-alive longer than the gateway's pooled sockets idle, so the gateway closes them first.
  server.keepAliveTimeout = 65_000;
  const drain = connectionTracker(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port, drain };
}
