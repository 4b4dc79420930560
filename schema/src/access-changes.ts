import { parse } from 'graphql';
import { AccessRules, alternativesOf, implies, type OwnRule, type ScopeRequirement } from '@movement/runtime';
import type { SchemaChange } from './changes';

/**
 * Stands for "holds a valid credential" in the comparison: `@authenticated` needs it, and so does
 * every scope (only an authenticated principal holds any).
 */
const credential = '(authenticated)';

function requirementsOf(rule: OwnRule | undefined): ScopeRequirement[] {
  if (!rule) return [];
  return [...rule.requirements, ...(rule.authenticated || rule.requirements.length > 0 ? [[[credential]]] : [])];
}

/** `people:read + detention:read or mandate:all-records`, for a change's message. */
function describe(requirements: ScopeRequirement[]): string {
  if (requirements.length === 0) return 'no rule';
  const alternatives = alternativesOf(requirements).map((set) => set.filter((scope) => scope !== credential));
  if (alternatives.length === 0) return 'no principal';
  return alternatives.map((set) => (set.length === 0 ? 'any authenticated principal' : set.join(' + '))).join(' or ');
}

function readableRules(supergraphSdl: string): AccessRules | undefined {
  try {
    return AccessRules.fromDocument(parse(supergraphSdl));
  } catch {
    return undefined;
  }
}

/**
 * Every change of a type's or field's own `@requiresScopes` / `@authenticated` between two
 * supergraphs, on what both define (additions and removals are the API diff's). Needing more
 * (narrowing) stops principals that could read it, so it is breaking; needing less (widening)
 * lets principals read what they could not, so it is dangerous: someone should have meant it.
 * A change that is neither (other scopes, neither stricter nor looser) is breaking. A baseline
 * composed before the graph used these directives, or one whose rules do not build (a version
 * the gateways refused, which a rollback leaves), has nothing to compare against; rules of the
 * new version that do not build are an error.
 */
export function diffAccessRules(beforeSupergraph: string, afterSupergraph: string): SchemaChange[] {
  const after = AccessRules.fromDocument(parse(afterSupergraph));
  const before = readableRules(beforeSupergraph);
  if (!before?.linksAccessSpecs) return [];
  const changes: SchemaChange[] = [];
  for (const path of new Set([...before.ownRules().keys(), ...after.ownRules().keys()])) {
    if (!before.defines(path) || !after.defines(path)) continue;
    const was = requirementsOf(before.ownRules().get(path));
    const is = requirementsOf(after.ownRules().get(path));
    const narrower = implies(is, was);
    const wider = implies(was, is);
    if (narrower && wider) continue;
    const what = `${path.includes('.') ? 'Field' : 'Type'} '${path}'`;
    const from = `${describe(was)} → ${describe(is)}`;
    if (narrower) {
      changes.push({
        type: 'REQUIRED_SCOPES_NARROWED',
        level: 'breaking',
        message: `${what} needs more: ${from}`,
        path,
        reason: 'Principals that could read it before are refused now.',
      });
    } else if (wider) {
      changes.push({
        type: 'REQUIRED_SCOPES_WIDENED',
        level: 'dangerous',
        message: `${what} needs less: ${from}`,
        path,
        reason: 'Principals that were refused can read it now.',
      });
    } else {
      changes.push({
        type: 'REQUIRED_SCOPES_CHANGED',
        level: 'breaking',
        message: `${what} needs other scopes: ${from}`,
        path,
        reason: 'Some principals that could read it before are refused now.',
      });
    }
  }
  return changes;
}
