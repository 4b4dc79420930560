import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';

/**
 * Test support for services run as child processes, the way they are deployed: their JSON log
 * lines to wait on, and a client that holds keep-alive connections across a SIGTERM.
 */
export interface ServiceProcess {
  process: ChildProcess;
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first log line whose `msg` starts with `prefix`; rejects if the process exits first. */
  logged(prefix: string): Promise<Record<string, unknown>>;
}

/**
 * Runs `node script args` with only `env` (plus PATH), so the developer's own variables do not leak
 * in. Like `fork`, the child gets this process's Node flags (those of the test run, see the README's
 * Tests section), but not a debugger's, whose port the two would share.
 */
export function runService(script: string, env: Record<string, string>, args: string[] = []): ServiceProcess {
  const nodeFlags = process.execArgv.filter((flag) => !/^--(debug|inspect)/.test(flag));
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ prefix: string; resolve: (line: Record<string, unknown>) => void }> = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    stdout += `${text}\n`;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    lines.push(line);
    for (const waiter of waiters) if (String(line.msg).startsWith(waiter.prefix)) waiter.resolve(line);
  });
  return {
    process: child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    lines,
    logged: (prefix) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((line) => String(line.msg).startsWith(prefix));
        if (seen) return resolve(seen);
        waiters.push({ prefix, resolve });
        void exited.then((code) => reject(new Error(`exited with ${code} before logging "${prefix}"; stderr: ${stderr}`)));
      }),
  };
}

/** One answer as the keep-alive client saw it. */
export interface KeptAliveAnswer {
  status: number | undefined;
  connection: string | undefined;
  body: unknown;
}

/**
 * Drives a drain the way a pooling client meets it: three keep-alive connections are opened and
 * left idle, a slow request is sent and held in flight, the service is told to stop
 * (`terminate`), and then another request is sent on one of the connections already open. Gives
 * back both answers and whether that request really travelled on an already-open connection.
 */
export async function drainThroughKeepAlive(options: {
  url: string;
  headers?: Record<string, string>;
  quick: object;
  slow: object;
  /** Holds the next slow request in flight: `arrived` once it is being served, and lets it finish on `release`. */
  holdSlow(): { arrived: Promise<unknown>; release(): void };
  terminate(): Promise<void>;
}): Promise<{ slow: KeptAliveAnswer; arriving: KeptAliveAnswer; arrivedOnOpenConnection: boolean }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 3 });
  const opened: Socket[] = [];
  const post = (body: object, sockets: Socket[]) =>
    new Promise<KeptAliveAnswer>((resolve, reject) => {
      const request = http.request(options.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...options.headers } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, connection: response.headers.connection, body: JSON.parse(text) as unknown }));
        response.on('error', reject);
      });
      request.on('socket', (socket: Socket) => sockets.push(socket));
      request.on('error', reject);
      request.end(JSON.stringify(body));
    });
  try {
    await Promise.all([post(options.quick, opened), post(options.quick, opened), post(options.quick, opened)]);
    const held = options.holdSlow();
    const slow = post(options.slow, []);
    await held.arrived;
    await options.terminate();
    const used: Socket[] = [];
    const arriving = await post(options.quick, used);
    held.release();
    const slowAnswer = await slow;
    // Every connection ends: the ones answered with `Connection: close`, and the idle one, which the service closes.
    await Promise.all(opened.map((socket) => (socket.destroyed ? Promise.resolve() : once(socket, 'close').then(() => undefined))));
    return { slow: slowAnswer, arriving, arrivedOnOpenConnection: used.length === 1 && opened.includes(used[0]) };
  } finally {
    agent.destroy();
  }
}
