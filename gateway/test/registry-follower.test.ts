import { readFileSync } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import { createLogger } from '@movement/runtime';
import { supergraphPath, type SupergraphSource } from '@movement/schema';
import { followRegistry } from '../src/registry-follower';

const supergraphSdl = readFileSync(supergraphPath, 'utf8');

/**
 * A registry whose answers to "which version is the latest?" are held until the test lets them
 * go, each one the latest at the moment it was asked: a poll can then be caught between reading
 * the registry and acting on it.
 */
function heldRegistry() {
  let latest = 1;
  const held: Array<() => void> = [];
  const source: SupergraphSource = {
    latestVersionNumber: () => {
      const answer = latest;
      return new Promise((resolve) => held.push(() => resolve(answer)));
    },
    get: async (version) => (version <= latest ? { version, supergraphSdl } : undefined),
  };
  return {
    source,
    publish: () => ++latest,
    /** Lets every held answer go, and those asked for until `done` settles. */
    releaseUntil: async (done: Promise<void>) => {
      let settled = false;
      const settle = () => (settled = true);
      void done.then(settle, settle);
      while (!settled) {
        held.splice(0).forEach((release) => release());
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

test('a reload asked for while a poll runs sees the version published meanwhile', async () => {
  const registry = heldRegistry();
  const applied: string[] = [];
  const follower = followRegistry({
    registry: registry.source,
    fallbackSdl: supergraphSdl,
    pollIntervalMs: 3_600_000,
    logger: createLogger('gateway', 'silent'),
  });
  const started = follower.hook({ update: (sdl: string) => void applied.push(sdl) } as unknown as Parameters<SupergraphSdlHook>[0]);
  await registry.releaseUntil(started.then(() => undefined));
  const { cleanup } = await started;
  expect(follower.status().version).toBe(1);

  // The first poll reads "latest is 1" before version 2 is published; the reload comes after it.
  const running = follower.poll();
  const published = registry.publish();
  const reload = follower.poll();
  await registry.releaseUntil(Promise.all([running, reload]).then(() => undefined));

  expect(follower.status()).toMatchObject({ version: published, refused: null });
  expect(applied).toHaveLength(1);
  await cleanup?.();
});
