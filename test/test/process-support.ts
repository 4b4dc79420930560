import type { ChildProcess } from 'node:child_process';
import { runService, type ServiceProcess } from '@movement/runtime/testing';

/** A command of the repository run as a child process, with its JSON log lines and stderr. */
export type Child = ServiceProcess;

const running = new Set<ChildProcess>();

/** Kills whatever a test left running (a failed assertion before its SIGTERM). */
export function killLeftovers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Runs `node script args` with only `env` (plus PATH), so the developer's own variables do not leak in. */
export function runNode(script: string, args: string[], env: Record<string, string>): Child {
  const child = runService(script, env, args);
  running.add(child.process);
  void child.exited.then(() => running.delete(child.process));
  return child;
}
