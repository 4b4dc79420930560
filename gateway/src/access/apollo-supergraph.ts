import type { SupergraphSdlHook } from '@apollo/gateway';
import { Kind, parse, print, type ConstDirectiveNode } from 'graphql';
import { AccessRules, authenticatedSpec, requiresScopesSpec } from '@movement/runtime';

/** The `for: SECURITY` features the enforcing gateway checks itself, before @apollo/gateway plans. */
const enforcedBeforePlanning = new Set([requiresScopesSpec, authenticatedSpec]);

/**
 * The access rules of a supergraph. Throws on a malformed `@requiresScopes`, and on a supergraph
 * that links neither `@requiresScopes` nor `@authenticated` (one composed before the graph used
 * them, or written by hand). Every supergraph passes it before @apollo/gateway sees it (see
 * below), and the registry follower asks it which version to start on: a schema served without
 * its rules would be served with none enforced at the gateway.
 */
export function accessRulesOf(supergraphSdl: string): AccessRules {
  const rules = AccessRules.fromDocument(parse(supergraphSdl));
  if (!rules.linksAccessSpecs) {
    throw new Error(
      'the supergraph links neither @requiresScopes nor @authenticated (https://specs.apollo.dev/requiresScopes, …/authenticated), so it carries no access rules',
    );
  }
  return rules;
}

const linkedSpec = (link: ConstDirectiveNode): string | undefined => {
  const url = link.arguments?.find((argument) => argument.name.value === 'url')?.value;
  return url?.kind === Kind.STRING ? /^https:\/\/specs\.apollo\.dev\/([^/]+)\//.exec(url.value)?.[1] : undefined;
};

/**
 * The supergraph as @apollo/gateway will load it. The checked-in supergraph is standard: it links
 * `@requiresScopes` and `@authenticated` `for: SECURITY`, which tells a gateway that does not
 * enforce them to refuse it — and @apollo/gateway enforces neither. The enforcing gateway does,
 * before planning, so for these two links only the `for: SECURITY` is dropped; any other security
 * feature (`@policy`, a future one) keeps it, and @apollo/gateway refuses the supergraph rather
 * than serve it unenforced. Only the edited links change; the rest of the text is kept as it is.
 * A supergraph whose rules do not build is refused here (thrown), so none reaches @apollo/gateway.
 *
 * Only `AccessEnforcingGateway` calls this, on every supergraph it hands to @apollo/gateway.
 */
export function supergraphForApolloGateway(supergraphSdl: string): string {
  accessRulesOf(supergraphSdl);
  const document = parse(supergraphSdl);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const spec = linkedSpec(link);
      if (link.name.value !== 'link' || !link.loc || !spec || !enforcedBeforePlanning.has(spec)) continue;
      const kept = link.arguments?.filter((argument) => argument.name.value !== 'for');
      if (kept?.length === link.arguments?.length) continue;
      edits.push({ start: link.loc.start, end: link.loc.end, text: print({ ...link, arguments: kept }) });
    }
  }
  return edits.reduceRight((sdl, edit) => sdl.slice(0, edit.start) + edit.text + sdl.slice(edit.end), supergraphSdl);
}

/** The same for a supergraph that changes while serving: its first version and every update. */
export function supergraphHookForApolloGateway(hook: SupergraphSdlHook): SupergraphSdlHook {
  return async (options) => {
    const result = await hook({ ...options, update: (sdl) => options.update(supergraphForApolloGateway(sdl)) });
    return { ...result, supergraphSdl: supergraphForApolloGateway(result.supergraphSdl) };
  };
}
