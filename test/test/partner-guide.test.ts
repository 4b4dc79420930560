import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes } from '@movement/runtime';

/** The partner guide's table of error codes is the registry's: every code, with its meaning, and no other. */
const guide = readFileSync(join(__dirname, '..', '..', 'docs', 'partners.md'), 'utf8');
const table = /<!-- error codes:[^\n]*-->\n([\s\S]*?)<!-- end of error codes -->/.exec(guide)?.[1] ?? '';
const rows = new Map([...table.matchAll(/^\| `([A-Z_]+)` \| (.*?) \| .+ \|$/gm)].map((match) => [match[1], match[2]] as const));

test('the guide lists every error code of the registry with its meaning, and no code the registry lacks', () => {
  expect([...rows.keys()].sort()).toEqual(Object.keys(ErrorCodes).sort());
  for (const [code, meaning] of Object.entries(ErrorCodes)) expect(rows.get(code)).toBe(meaning);
});
