import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestRun } from '@movement/runtime/testing';
import { prepareGraphTemplates } from '../src/graph-templates';
import { startGraphOnTemplate } from '../src/test-graphs';
import { sharedGraphPeople, sharedGraphVariable, startTestGraph, type TestGraph } from './harness';

/** What the teardown stops: kept on the global object, the one thing Jest's setup and teardown share. */
export interface SharedGraphBroker {
  server: http.Server;
  graph?: Promise<TestGraph>;
}

declare global {
  var sharedGraphBroker: SharedGraphBroker | undefined;
}

/**
 * Jest global setup of the graph tests: the run's database templates (the empty cluster and the
 * migrated graph are made here, before the workers start, rather than by each worker's first file
 * at once), and the graph the read-only files share. That graph runs in this (the parent) process,
 * where it outlives every test file, and starts only when the first file asks for it at the
 * address in `TEST_SHARED_GRAPH`: a run of files that all start their own graphs does not pay for it.
 */
export default async function globalSetup(): Promise<void> {
  startTestRun();
  await prepareGraphTemplates();
  const broker: SharedGraphBroker = {
    server: http.createServer((_request, response) => {
      broker.graph ??= startTestGraph({ seedPeople: sharedGraphPeople, label: 'shared' }, startGraphOnTemplate);
      broker.graph.then(
        (graph) => response.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(graph.connection)),
        (error: Error) => response.writeHead(500, { connection: 'close' }).end(error.stack ?? error.message),
      );
    }),
  };
  await new Promise<void>((resolve) => broker.server.listen(0, '127.0.0.1', resolve));
  globalThis.sharedGraphBroker = broker;
  process.env[sharedGraphVariable] = `http://127.0.0.1:${(broker.server.address() as AddressInfo).port}/`;
}
