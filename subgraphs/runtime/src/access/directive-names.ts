import { Kind, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';

/**
 * Federation's standard access directives. A subgraph imports them from the federation spec
 * (`@link(url: ".../federation/v2.5", import: ["@requiresScopes"])`); composition writes each
 * into the supergraph under a `@link` of its own (`.../requiresScopes/v0.1`, `for: SECURITY`).
 */
export const requiresScopesSpec = 'requiresScopes';
export const authenticatedSpec = 'authenticated';
const federationSpec = 'federation';

/** The names the standard directives go by in one document. */
export interface AccessDirectiveNames {
  requiresScopes: string;
  authenticated: string;
  /**
   * Whether the document links the specs of these directives themselves, as a supergraph composed
   * with access rules does (a subgraph imports them from the federation spec instead).
   */
  linksAccessSpecs: boolean;
}

/** `https://specs.apollo.dev/requiresScopes/v0.1` → `requiresScopes`. */
function specName(url: string): string | undefined {
  return /^https:\/\/specs\.apollo\.dev\/([^/]+)\/v\d+\.\d+$/.exec(url)?.[1];
}

const stringArgument = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
};

/** The local name an `import:` entry gives `@element`, if it imports it: `"@x"` or `{ name: "@x", as: "@y" }`. */
function importedAs(entry: ConstValueNode, element: string): string | undefined {
  if (entry.kind === Kind.STRING) return entry.value === `@${element}` ? element : undefined;
  if (entry.kind !== Kind.OBJECT) return undefined;
  const field = (name: string) => {
    const value = entry.fields.find((candidate) => candidate.name.value === name)?.value;
    return value?.kind === Kind.STRING ? value.value : undefined;
  };
  if (field('name') !== `@${element}`) return undefined;
  return (field('as') ?? `@${element}`).replace(/^@/, '');
}

/**
 * Reads the document's `@link`s to learn what `@requiresScopes` and `@authenticated` are called
 * there: composition, or a subgraph's `import: [{ name: "@requiresScopes", as: "@scopes" }]`,
 * may name them otherwise, and a directive of the same name from another spec is not the standard
 * one. A document without a link for one keeps its standard name.
 */
export function accessDirectiveNames(document: DocumentNode): AccessDirectiveNames {
  const names: AccessDirectiveNames = { requiresScopes: requiresScopesSpec, authenticated: authenticatedSpec, linksAccessSpecs: false };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const spec = specName(stringArgument(link, 'url') ?? '');
      if (!spec) continue;
      const prefix = stringArgument(link, 'as') ?? spec;
      const imports = link.arguments?.find((argument) => argument.name.value === 'import')?.value;
      const importList = imports?.kind === Kind.LIST ? imports.values : [];
      for (const element of [requiresScopesSpec, authenticatedSpec] as const) {
        // Within its own spec the element is the spec's root directive: `@<as or spec>`; from federation, `@federation__<element>`.
        if (spec !== element && spec !== federationSpec) continue;
        const imported = importList.map((entry) => importedAs(entry, element)).find((name) => name !== undefined);
        names[element] = imported ?? (spec === element ? prefix : `${prefix}__${element}`);
        if (spec === element) names.linksAccessSpecs = true;
      }
    }
  }
  return names;
}
