import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@movement/runtime';
import { killLeftovers, runNode } from './process-support';

// `npm run seed` then `npm run retention` as an operator runs them (the built commands), on their own embedded database folder.
const dist = join(__dirname, '..', '..', 'launcher', 'dist');
const dataDir = mkdtempSync(join(tmpdir(), 'movement-retention-'));
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', USER: 'records-officer' };
const SLOW = 240_000;

afterAll(() => {
  killLeftovers();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = async (script: string, args: string[]) => {
  const child = runNode(join(dist, script), args, env);
  return { code: await child.exited, stdout: child.stdout(), stderr: child.stderr() };
};

/** Reads the embedded database the commands wrote, once they have exited. */
async function inDatabase<T>(work: (query: <R>(sql: string, params?: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
  // Plain SQL only: an inert client factory, as the runtime's plain-SQL stores use.
  const database = await openDatabase({ dataDir: join(dataDir, 'graph'), createClient: () => ({ $disconnect: async () => undefined }) });
  try {
    return await work((sql, params) => database.driver.query(sql, params));
  } finally {
    await database.close();
  }
}

test(
  'review counts what is past retention; anonymise removes names, birth dates and whereabouts of closed cases, audited, once',
  async () => {
    expect((await run('seed-cli.js', ['--people', '200'])).code).toBe(0);

    const review = await run('retention-cli.js', ['review', '--as-of', '2026-11-01']);
    expect(review.code).toBe(0);
    const [, candidates] = /may be anonymised: (\d+)/.exec(review.stdout) ?? [];
    expect(Number(candidates)).toBeGreaterThan(0);
    expect(review.stdout).toMatch(/tracing requests past review on 2026-11-01: \d+ \(\d+ closed/);

    const dry = await run('retention-cli.js', ['anonymise', '--as-of', '2026-11-01', '--dry-run']);
    expect(dry.stdout).toBe(`Would anonymise ${candidates} people on 2026-11-01\n`);
    expect(await inDatabase((query) => query<{ n: number }>(`SELECT count(*)::int AS n FROM "people"."Person" WHERE "anonymisedOn" IS NOT NULL`))).toEqual([
      { n: 0 },
    ]);

    const done = await run('retention-cli.js', ['anonymise', '--as-of', '2026-11-01']);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      new RegExp(`^Anonymised ${candidates} people, \\d+ tracing requests, \\d+ detention records and \\d+ messages on 2026-11-01\\n$`),
    );

    await inDatabase(async (query) => {
      const people = await query<{
        id: string;
        givenName: string;
        familyName: string;
        names: unknown[];
        birthDate: Date | null;
        birthYear: number | null;
        lastSeenAtId: string | null;
        sex: string;
        status: string;
        forms: number;
      }>(
        `SELECT p."id", p."givenName", p."familyName", p."names", p."birthDate", p."birthYear", p."lastSeenAtId", p."sex", p."status",
              (SELECT count(*)::int FROM "people"."PersonNameForm" f WHERE f."personId" = p."id") AS forms
       FROM "people"."Person" p WHERE p."anonymisedOn" IS NOT NULL`,
      );
      expect(people).toHaveLength(Number(candidates));
      for (const person of people) {
        expect(person).toMatchObject({ givenName: '[anonymised]', familyName: '[anonymised]', names: [], birthDate: null, lastSeenAtId: null, forms: 0 });
        // What is counted stays.
        expect(person.sex).toMatch(/MALE|FEMALE|UNKNOWN/);
      }
      const ids = people.map((p) => p.id);
      const cases = await query<{ status: string; circumstances: string }>(
        `SELECT "status", "circumstances" FROM "people"."TracingRequest" WHERE "soughtPersonId" = ANY($1::uuid[])`,
        [ids],
      );
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.every((c) => ['REUNITED', 'CLOSED'].includes(c.status) && c.circumstances === '[anonymised]')).toBe(true);
      const messages = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "messages"."RedCrossMessage" WHERE ("senderId" = ANY($1::uuid[]) AND "senderAddress" IS NOT NULL) OR ("addresseeId" = ANY($1::uuid[]) AND "addresseeAddress" IS NOT NULL)`,
        [ids],
      );
      expect(messages).toEqual([{ n: 0 }]);
      // One audit entry per person anonymised, by the operator, in the gateway's audit trail.
      const audit = await query<{ subject: string; operationName: string; recordId: string; field: string }>(
        `SELECT "subject", "operationName", "recordId", "field" FROM "access"."audit_entry" WHERE "field" = 'anonymised'`,
      );
      expect(audit.map((entry) => entry.recordId).sort()).toEqual([...ids].sort());
      expect(audit.every((entry) => entry.subject === 'cli:records-officer' && entry.operationName === 'retention anonymise --as-of 2026-11-01')).toBe(true);
    });

    // Idempotent: a second run finds nothing and records nothing.
    const again = await run('retention-cli.js', ['anonymise', '--as-of', '2026-11-01']);
    expect(again.stdout).toBe('Nothing to anonymise: 0 people on 2026-11-01\n');
    expect(await inDatabase((query) => query<{ n: number }>(`SELECT count(*)::int AS n FROM "access"."audit_entry" WHERE "field" = 'anonymised'`))).toEqual([
      { n: Number(candidates) },
    ]);
  },
  SLOW,
);

test('a bad date or command is refused with exit code 2', async () => {
  const badDate = await run('retention-cli.js', ['review', '--as-of', 'soon']);
  expect(badDate.code).toBe(2);
  expect(badDate.stderr).toMatch(/--as-of must be a date/);
  expect((await run('retention-cli.js', ['purge'])).code).toBe(2);
});
