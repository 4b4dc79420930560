import { finishTestRun } from '@movement/runtime/testing';
import { sharedGraphVariable } from './harness';

/** Jest global teardown of the graph tests: stops the shared graph if it started, then ends the run. */
export default async function globalTeardown(): Promise<void> {
  const broker = globalThis.sharedGraphBroker;
  if (broker) {
    broker.server.closeAllConnections();
    await new Promise((resolve) => broker.server.close(resolve));
    await (await broker.graph?.catch(() => undefined))?.stop();
    globalThis.sharedGraphBroker = undefined;
  }
  delete process.env[sharedGraphVariable];
  await finishTestRun();
}
