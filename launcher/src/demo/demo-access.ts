import { syntheticId, type BearerClaims } from '@movement/runtime/demo';
import type { ApiKeyStore } from '@movement/gateway';

/**
 * The principals of the demo data: three partners with API keys, an internal app and an admin
 * with bearer tokens. Each holds only the scopes its work needs — the authorization matrix test
 * and the README's examples use exactly these.
 */
export const demoPartnerKeys = {
  icrc: {
    partnerKey: 'ICRC-MOSCOW',
    name: 'ICRC Moscow delegation (demo)',
    scopes: [
      'people:read',
      'people:read:sensitive',
      'people:write',
      'detention:read',
      'detention:write',
      'messages:read',
      'messages:read:content',
      'messages:write',
      'assistance:read',
      'assistance:write',
      'assistance:report',
      'mandate:all-records',
    ],
  },
  russianRedCross: {
    partnerKey: 'RRC',
    name: 'Russian Red Cross (demo)',
    scopes: [
      'people:read',
      'people:write',
      'messages:read',
      'messages:read:content',
      'messages:write',
      'assistance:read',
      'assistance:write',
      'assistance:report',
    ],
  },
  belarusRedCross: {
    partnerKey: 'BRC',
    name: 'Belarus Red Cross (demo)',
    scopes: ['people:read', 'messages:read', 'messages:read:content', 'messages:write', 'assistance:read', 'assistance:write', 'assistance:report'],
  },
} as const;

export type DemoPartner = keyof typeof demoPartnerKeys;

export const demoTokens = {
  /**
   * The ICRC's internal apps (case management, tracing, family-links dashboard, assistance
   * coordination): exactly the scopes the operations they ship in `schema/operations/` read,
   * nothing sensitive. A test runs every one of those operations with this token.
   */
  app: {
    sub: 'family-links-app',
    kind: 'app',
    scopes: ['people:read', 'messages:read', 'assistance:read', 'assistance:report'],
    partnerId: syntheticId('organization', 'ICRC-MOSCOW'),
  },
  /** A graph administrator: keys, the audit trail, introspection; no data scopes. */
  admin: { sub: 'graph-admin', kind: 'admin', scopes: ['keys:admin', 'audit:read', 'schema:introspect'] },
} as const satisfies Record<string, BearerClaims>;

/**
 * Issues a fresh key for each demo partner and revokes the keys `createdBy` issued before, so
 * demo keys do not pile up in the access database and an old start's keys stop working; returns
 * the secrets by partner.
 */
export async function issueDemoKeys(apiKeys: ApiKeyStore, createdBy: string): Promise<Record<DemoPartner, string>> {
  await apiKeys.revokeIssuedBy(createdBy, createdBy);
  const secrets = {} as Record<DemoPartner, string>;
  for (const [partner, spec] of Object.entries(demoPartnerKeys) as Array<[DemoPartner, (typeof demoPartnerKeys)[DemoPartner]]>) {
    const issued = await apiKeys.issue({ partnerId: syntheticId('organization', spec.partnerKey), name: spec.name, scopes: [...spec.scopes], createdBy });
    secrets[partner] = issued.secret;
  }
  return secrets;
}
