import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { subgraphNames, type SubgraphName } from '@movement/runtime';

/**
 * The four subgraphs as separate processes, started from the built `dist/` of a checkout (this
 * one, or another one to compare with), the way they run in production: `node
 * subgraphs/<name>/dist/index.js` with its environment. Their CPU time is read from the kernel
 * (/proc/<pid>/stat), so measuring needs nothing inside the services.
 */

interface SubgraphProcess {
  name: SubgraphName;
  url: string;
  pid: number;
  /** CPU time (user + system) the process has used so far, in milliseconds. */
  cpuMs(): number;
}

export interface SubgraphSet {
  /** What the set is called in the benchmark's output (e.g. `this branch`, `baseline`). */
  label: string;
  subgraphs: Record<SubgraphName, SubgraphProcess>;
  stop(): Promise<void>;
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User + system CPU of a process in ms: fields 14 and 15 of /proc/<pid>/stat, after the command name. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3), so utime (field 14) is fields[11] and stime fields[12].
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function startOne(root: string, name: SubgraphName, env: NodeJS.ProcessEnv, nodeArgs: string[]): { child: ChildProcess; listening: Promise<string> } {
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'subgraphs', name, 'dist', 'index.js')], {
    cwd: root,
    // NODE_ENV as the image sets it: graphql, among others, drops its development checks in production.
    env: { ...env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const listening = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    // Every line is read (and dropped after start) so a chatty service never blocks on a full pipe.
    lines.on('line', (line) => {
      if (!line.includes('subgraph listening')) return;
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} (${root}) exited with ${code} before listening:\n${stderr.join('')}`)));
  });
  return { child, listening };
}

/**
 * Starts the four subgraphs of the checkout at `root` on the databases named by `databaseUrl`
 * (a prefix, as `DATABASE_URL`), trusting `verifyKey` (JWK JSON). `nodeArgs` go to each process
 * (e.g. `--cpu-prof`).
 */
export async function startSubgraphSet(options: {
  label: string;
  root: string;
  databaseUrl: string;
  verifyKey: string;
  nodeArgs?: string[];
}): Promise<SubgraphSet> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    const env = { ...process.env, DATABASE_URL: options.databaseUrl, GATEWAY_VERIFY_KEY: options.verifyKey };
    const started = await Promise.all(
      subgraphNames.map(async (name) => {
        const { child, listening } = startOne(options.root, name, env, options.nodeArgs ?? []);
        children.push(child);
        const url = await listening;
        return [name, { name, url, pid: child.pid!, cpuMs: () => processCpuMs(child.pid!) }] as const;
      }),
    );
    const subgraphs = Object.fromEntries(started) as Record<SubgraphName, SubgraphProcess>;
    return { label: options.label, subgraphs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
