import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessDatabaseLocation, openAccessDatabase } from '@movement/gateway';
import { ApiKeyStore } from '@movement/gateway/dist/auth/api-keys';
import { databaseUrlFor, generateInternalKeyPair, type InternalKeyPair } from '@movement/runtime';
import { createTokenIssuer, syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, runService, type ServiceProcess, type TestDatabaseTarget } from '@movement/runtime/testing';

const cli = join(__dirname, '..', 'dist', 'cli.js');

/**
 * What the tests of services as separate processes start from: a test database on the server
 * with the access database beside it, the API key store, an identity provider whose keys the
 * gateways read from a JWKS file, an admin token, the internal key pair, and `launch`, which runs
 * `movement serve …` (the image's entry point) and stops whatever it started in `stop`.
 */
export interface ServicesFixture {
  folder: string;
  /** DATABASE_URL and ACCESS_DATABASE_URL (and REGISTRY_DATABASE_URL when asked for). */
  storage: Record<string, string>;
  keys: ApiKeyStore;
  jwksPath: string;
  admin: string;
  internalKeys: InternalKeyPair;
  /** Every process `launch` started, in order. */
  started: readonly ServiceProcess[];
  launch: (args: string[], env: Record<string, string>) => ServiceProcess;
  stop: () => Promise<void>;
}

export async function startServicesFixture(label: string, options: { registry?: boolean } = {}): Promise<ServicesFixture> {
  const folder = mkdtempSync(join(tmpdir(), `movement-${label}-`));
  const target: TestDatabaseTarget = await createTestDatabaseTarget(label);
  const storage: Record<string, string> = {
    DATABASE_URL: target.url!,
    ACCESS_DATABASE_URL: databaseUrlFor('access', undefined, target.url)!,
    ...(options.registry ? { REGISTRY_DATABASE_URL: databaseUrlFor('registry', undefined, target.url)! } : {}),
  };
  const access = await openAccessDatabase(accessDatabaseLocation(storage.ACCESS_DATABASE_URL, folder));
  const identityProvider = await createTokenIssuer();
  const jwksPath = join(folder, 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify(identityProvider.jwks));
  const started: ServiceProcess[] = [];
  return {
    folder,
    storage,
    keys: new ApiKeyStore(access.driver),
    jwksPath,
    admin: await identityProvider.issue({ sub: `${label}-admin`, kind: 'admin', scopes: ['keys:admin'] }),
    internalKeys: await generateInternalKeyPair(),
    started,
    launch: (args, env) => {
      const child = runService(cli, { LOG_LEVEL: 'info', ...env }, args);
      started.push(child);
      return child;
    },
    stop: async () => {
      for (const child of started) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
      await Promise.all(started.map((child) => child.exited));
      await access.close();
      await target.dispose();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A key of its own new partner, so each test's rate-limit count starts from nothing. */
export async function freshKey(keys: ApiKeyStore, issuedBy: string): Promise<{ id: string; secret: string }> {
  const { key, secret } = await keys.issue({
    partnerId: syntheticId('organization', randomUUID()),
    name: issuedBy,
    scopes: ['people:read'],
    createdBy: issuedBy,
  });
  return { id: key.id, secret };
}
