import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP hop between the gateway and a subgraph that records the headers of every request
 * it forwards, and can hold requests back, unanswered, to stand for a subgraph that hangs.
 */
export interface RecordingProxy {
  url: string;
  requests: http.IncomingHttpHeaders[];
  /** The gateway-side port of the connection each request arrived on. */
  clientPorts: number[];
  /** Holds the next request back: `arrived` once it reaches the proxy; forwarded on `release`. */
  hold(): { arrived: Promise<void>; release(): void };
  /** While true, requests are held unanswered until the client hangs up. */
  holding: boolean;
  /** Resolves when the client next hangs up on a held request. */
  abandoned(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  let held: { arrive(): void; released: Promise<void> } | undefined;
  const hangUps: Array<() => void> = [];
  const proxy: RecordingProxy = {
    url: '',
    requests: [],
    clientPorts: [],
    hold: () => {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      held = { arrive, released: new Promise<void>((resolve) => (release = resolve)) };
      return { arrived, release };
    },
    holding: false,
    abandoned: () => new Promise((resolve) => hangUps.push(resolve)),
    stop: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    proxy.requests.push(req.headers);
    proxy.clientPorts.push(req.socket.remotePort ?? 0);
    const forward = () => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    const hold = held;
    held = undefined;
    if (hold) {
      hold.arrive();
      void hold.released.then(forward);
      return;
    }
    if (!proxy.holding) return forward();
    res.once('close', () => {
      for (const hangUp of hangUps.splice(0)) hangUp();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  proxy.stop = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/** A URL on which nothing listens: a port the system handed out and that is closed again. */
export async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}
