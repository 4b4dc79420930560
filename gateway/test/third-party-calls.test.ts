import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { createLogger, type SqlDriver } from '@movement/runtime';
import { supergraphPath } from '@movement/schema';
import { AccessEnforcingGateway } from '../src/access/enforcing-gateway';
import { AuditLog } from '../src/access/audit-log';

/** Stands in for the access database: loading and stopping a gateway writes no audit entry. */
const refuses = () => Promise.reject(new Error('no audit entry is written by loading or stopping'));
const unusedDriver: SqlDriver = { kind: 'pglite', exec: refuses, query: refuses, read: refuses, transaction: refuses, close: async () => undefined };

test('the gateway calls no third party while it loads a supergraph and stops: Apollo’s data collection is off', async () => {
  const requests: string[] = [];
  const record = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    requests.push(`${request.host}${request.path}`);
  };
  // Every HTTP(S) request this process starts, whoever makes it.
  subscribe('http.client.request.start', record);
  const logger = createLogger('gateway', 'silent');
  try {
    const gateway = new AccessEnforcingGateway(
      { supergraphSdl: readFileSync(supergraphPath, 'utf8'), logger },
      { enforce: true, auditLog: new AuditLog(unusedDriver), logger },
    );
    await gateway.load(undefined);
    // Apollo's collector reports when the gateway stops, as well as every hour.
    await gateway.stop();
  } finally {
    unsubscribe('http.client.request.start', record);
  }
  expect(requests).toEqual([]);
});
