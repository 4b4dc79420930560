import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listening HTTP service: where it answers and how to stop it gracefully. */
export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on `host:port` (port 0 picks a free one) and resolves once the socket is bound. */
export async function listen(app: http.RequestListener, host: string, port: number): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(app);
  // Keep-alive longer than the gateway's pooled sockets idle, so the gateway closes them first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
