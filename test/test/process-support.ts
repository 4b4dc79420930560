import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A command of the repository run as a child process, with its JSON log lines and stderr. */
export interface Child {
  process: ChildProcess;
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first log line whose `msg` starts with `prefix`; rejects if the process exits first. */
  logged(prefix: string): Promise<Record<string, unknown>>;
  lines: Array<Record<string, unknown>>;
}

const running = new Set<ChildProcess>();

/** Kills whatever a test left running (a failed assertion before its SIGTERM). */
export function killLeftovers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Runs `node script args` with only `env` (plus PATH), so the developer's own variables do not leak in. */
export function runNode(script: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => running.delete(child));
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ prefix: string; resolve: (line: Record<string, unknown>) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
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
