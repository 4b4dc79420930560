import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { AccessRules, allScopes, implies, scopeCatalogue, type OwnRule } from '@movement/runtime';
import { repositoryRoot, supergraphPath } from './subgraphs';

export const readmePath = join(repositoryRoot, 'README.md');
const begin = '<!-- scope table: made by `npm run schema -- scopes --write` from the directives and scopes.ts -->';
const end = '<!-- end of scope table -->';

/**
 * Where a rule is stated for its own sake: a type's rule, or a field's that its parent type and
 * return type do not already impose (a field restating its return type's scopes, so every engine
 * refuses it at the same place, is the type's rule again).
 */
function statedHere(rules: AccessRules, path: string, rule: OwnRule): OwnRule {
  const [typeName, fieldName] = path.split('.') as [string, string | undefined];
  if (fieldName === undefined) return rule;
  const returned = rules.returnType(typeName, fieldName);
  const imposed = [...(rules.ownRules().get(typeName)?.requirements ?? []), ...((returned && rules.ownRules().get(returned)?.requirements) || [])];
  const inherited = (scope: string) => imposed.length > 0 && implies(imposed, [[[scope]]]);
  const typeAuthenticated = [typeName, returned].some((name) => name !== undefined && rules.ownRules().get(name)?.authenticated === true);
  return {
    requirements: rule.requirements.map((requirement) => requirement.map((alternative) => alternative.filter((scope) => !inherited(scope)))),
    authenticated: rule.authenticated && !typeAuthenticated,
  };
}

const code = (text: string) => `\`${text}\``;

/**
 * The README's scope table: every scope of the catalogue, what it allows, whether its reads are
 * audited, and the types and fields whose `@requiresScopes` name it; then what any valid
 * credential may read (`@authenticated`). Made from the supergraph, so it says what is enforced.
 */
export function scopeTable(supergraphSdl: string): string {
  const rules = AccessRules.fromDocument(parse(supergraphSdl));
  const neededBy = new Map<string, string[]>(allScopes.map((scope) => [scope, []]));
  const anyCredential: string[] = [];
  for (const [path, rule] of rules.ownRules()) {
    const own = statedHere(rules, path, rule);
    for (const scope of new Set(own.requirements.flat(2))) neededBy.get(scope)?.push(path);
    if (own.authenticated) anyCredential.push(path);
  }
  const rows = allScopes.map((scope) => {
    const { description, sensitive } = scopeCatalogue[scope];
    const where = neededBy.get(scope)!.sort().map(code).join(', ') || '— (checked by the services, not by a directive)';
    return `| ${code(scope)} | ${description}${sensitive ? ' Every read is audited.' : ''} | ${where} |`;
  });
  rows.push(`| any valid credential | What every partner, app and admin may read (\`@authenticated\`). | ${anyCredential.sort().map(code).join(', ')} |`);
  return [begin, '| scope | allows | needed by (`@requiresScopes`) |', '|---|---|---|', ...rows, end].join('\n');
}

/** The README with its scope table replaced by `table`; throws when the README has no table to replace. */
export function withScopeTable(readme: string, table: string): string {
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no scope table between "${begin}" and "${end}"`);
  return readme.slice(0, from) + table + readme.slice(to + end.length);
}

/** Writes the table made from the checked-in supergraph into the README. */
export function writeScopeTable(path = readmePath): void {
  const readme = readFileSync(path, 'utf8');
  writeFileSync(path, withScopeTable(readme, scopeTable(readFileSync(supergraphPath, 'utf8'))));
}
