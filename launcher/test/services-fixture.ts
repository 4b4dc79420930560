import { randomUUID } from 'node:crypto';
import type { ApiKeyStore } from '@movement/gateway/dist/auth/api-keys';
import { syntheticId } from '@movement/runtime/demo';

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
