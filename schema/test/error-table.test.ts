import { readFileSync } from 'node:fs';
import { ErrorCodes } from '@movement/runtime';
import { errorTable, partnerGuidePath, readmePath, withErrorTable, withGuideErrorTable } from '../src';

const rerun = 'run `npm run build && npm run schema -- errors --write` and commit the result';

test("the README's error table is the one the runtime's error registry makes", () => {
  const readme = readFileSync(readmePath, 'utf8');
  if (withErrorTable(readme) !== readme) throw new Error(`The error table in README.md is stale: ${rerun}.`);
  // One row per code, each with the registry's meaning.
  const rows = errorTable()
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  expect(rows).toHaveLength(Object.keys(ErrorCodes).length);
  expect(rows).toContain(`| \`FORBIDDEN\` | ${ErrorCodes.FORBIDDEN} |`);
});

test("the partner guide's error table has the registry's codes and meanings, keeping its examples", () => {
  const guide = readFileSync(partnerGuidePath, 'utf8');
  if (withGuideErrorTable(guide) !== guide) throw new Error(`The error table in docs/partners.md is stale: ${rerun}.`);
  // A code added to the registry gets its row with an example still to write; a removed one loses its row.
  const stale = guide
    .replace(/^\| `CONFLICT` \|.*\n/m, '')
    .replace('<!-- end of error codes -->', '| `NO_SUCH_CODE` | gone | x |\n<!-- end of error codes -->');
  const remade = withGuideErrorTable(stale);
  expect(remade).toContain(`| \`CONFLICT\` | ${ErrorCodes.CONFLICT} | — |`);
  expect(remade).not.toContain('NO_SUCH_CODE');
  expect(remade).toContain('| `RATE_LIMITED` | ');
  expect(remade).toMatch(/\| `RATE_LIMITED` \| .* \| HTTP 429, `Retry-After: 17`/);
});
