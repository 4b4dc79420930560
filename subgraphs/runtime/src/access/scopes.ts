/**
 * The scope catalogue: every scope a principal can hold, what it allows, whether a partner's API
 * key may hold it (`partnerKey`; the others administer the graph and are carried only by admins'
 * tokens), and whether reading under it is audited. Scopes are fine-grained on purpose (need to
 * know): a key gets only the scopes its partner's work calls for. A scope named in a `@requiresScopes`
 * directive must be here (a test checks every subgraph's SDL against this list).
 */
export const scopeCatalogue = {
  'people:read': {
    partnerKey: true,
    sensitive: false,
    description: 'Read people, their names, family links and tracing requests recorded by or shared with the partner.',
  },
  'people:read:sensitive': {
    partnerKey: true,
    sensitive: true,
    description: 'Read sensitive personal data: vulnerabilities (health, disability) and the particulars of children.',
  },
  'people:write': { partnerKey: true, sensitive: false, description: 'Register and update people, family links and tracing requests.' },
  'detention:read': { partnerKey: true, sensitive: true, description: 'Read detention records, access requests and visits.' },
  'detention:write': { partnerKey: true, sensitive: false, description: 'Register detention records, access requests and visits.' },
  'messages:read': {
    partnerKey: true,
    sensitive: false,
    description: 'Read Red Cross Messages routed through the partner: sender, addressee, route and status, not their text.',
  },
  'messages:read:content': { partnerKey: true, sensitive: true, description: 'Read the text of Red Cross Messages routed through the partner.' },
  'messages:write': { partnerKey: true, sensitive: false, description: 'Collect, review, dispatch, deliver and return Red Cross Messages.' },
  'assistance:read': {
    partnerKey: true,
    sensitive: false,
    description: 'Read programmes, distributions, assistance records and reunification support recorded by or shared with the partner.',
  },
  'assistance:write': { partnerKey: true, sensitive: false, description: 'Record programmes, distributions, assistance and reunification support.' },
  'assistance:report': { partnerKey: true, sensitive: false, description: 'Read aggregated assistance reports (totals and people reached by area).' },
  'mandate:all-records': {
    partnerKey: true,
    sensitive: false,
    description: "The ICRC's mandate: see every record whoever recorded it (the Central Tracing Agency's access). Other scopes still decide which fields.",
  },
  'audit:read': { partnerKey: false, sensitive: false, description: 'Query the audit trail of sensitive reads, in the admin API (admins only).' },
  'keys:admin': { partnerKey: false, sensitive: false, description: 'Issue, list and revoke partner API keys, in the admin API (admins only).' },
  'schema:introspect': {
    partnerKey: false,
    sensitive: false,
    description:
      'See the whole API schema in introspection and `/schema.graphql`, where others see only what their scopes may read, and spelling hints in validation errors in production (admins only).',
  },
} as const satisfies Record<string, { partnerKey: boolean; sensitive: boolean; description: string }>;

export type Scope = keyof typeof scopeCatalogue;

export const allScopes = Object.keys(scopeCatalogue) as Scope[];

export function isScope(value: string): value is Scope {
  return Object.prototype.hasOwnProperty.call(scopeCatalogue, value);
}

/** Scopes a partner's API key may hold: every scope but those that administer the graph. */
export const partnerKeyScopes: ReadonlySet<string> = new Set(allScopes.filter((scope) => scopeCatalogue[scope].partnerKey));

/** Scopes whose reads are audited: the special categories of data. */
export const sensitiveScopes: ReadonlySet<string> = new Set(allScopes.filter((scope) => scopeCatalogue[scope].sensitive));

/** The scope that lets ICRC principals see all records, whoever recorded them. */
export const mandateScope: Scope = 'mandate:all-records';
