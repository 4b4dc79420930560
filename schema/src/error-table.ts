import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes } from '@movement/runtime';
import { readmePath } from './scope-table';
import { repositoryRoot } from './subgraphs';

export const partnerGuidePath = join(repositoryRoot, 'docs', 'partners.md');
const readmeBegin = '<!-- error table: made by `npm run schema -- errors --write` from subgraphs/runtime/src/errors.ts -->';
const readmeEnd = '<!-- end of error table -->';
const guideBegin = /<!-- error codes:[^\n]*-->\n/;
const guideEnd = '<!-- end of error codes -->';

const rows = () => Object.entries(ErrorCodes).map(([code, meaning]) => ({ code, meaning }));

/** The README's table of error codes: every code of the registry with its meaning, in the registry's order. */
export function errorTable(): string {
  return [readmeBegin, '| code | meaning |', '|---|---|', ...rows().map(({ code, meaning }) => `| \`${code}\` | ${meaning} |`), readmeEnd].join('\n');
}

function ensureTable(from: number, to: number, what: string): void {
  if (from < 0 || to < from) throw new Error(`${what} has no error table to replace`);
}

/** The README with its error table replaced by the registry's. */
export function withErrorTable(readme: string): string {
  const from = readme.indexOf(readmeBegin);
  const to = readme.indexOf(readmeEnd);
  ensureTable(from, to, 'README.md');
  return readme.slice(0, from) + errorTable() + readme.slice(to + readmeEnd.length);
}

/**
 * The partner guide with its error table remade from the registry: the codes and their meanings
 * are the registry's, the examples (written for partners, not kept in code) stay as they are; a
 * code the guide had no row for gets an empty example to fill in.
 */
export function withGuideErrorTable(guide: string): string {
  const opening = guideBegin.exec(guide);
  const to = guide.indexOf(guideEnd);
  ensureTable(opening?.index ?? -1, to, 'docs/partners.md');
  const from = opening!.index + opening![0].length;
  const examples = new Map([...guide.slice(from, to).matchAll(/^\| `([A-Z_]+)` \| .*? \| (.+) \|$/gm)].map((match) => [match[1], match[2]] as const));
  const table = [
    '| code | meaning | example |',
    '|---|---|---|',
    ...rows().map(({ code, meaning }) => `| \`${code}\` | ${meaning} | ${examples.get(code) ?? '—'} |`),
  ];
  return `${guide.slice(0, from)}${table.join('\n')}\n${guide.slice(to)}`;
}

/** Writes the registry's tables into the README and the partner guide. */
export function writeErrorTables(readme = readmePath, guide = partnerGuidePath): void {
  writeFileSync(readme, withErrorTable(readFileSync(readme, 'utf8')));
  writeFileSync(guide, withGuideErrorTable(readFileSync(guide, 'utf8')));
}
