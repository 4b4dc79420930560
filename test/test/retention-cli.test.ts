import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retention } from '@movement/launcher';
import { anonymisationCandidates } from '@movement/people';
import { openDatabase, type Database } from '@movement/runtime';
import { prepareTestDataFolder } from '@movement/runtime/testing';
import { graphTemplate } from '../src/graph-templates';
import { killLeftovers, runNode } from './process-support';

// `npm run retention` as an operator runs it, on its own embedded database folder holding the
// graph as `npm run seed -- --people 200` leaves it (the same seeders, copied from the run's
// template; the seed command itself is seed-cli.test.ts's subject). The commands run in this
// process, through the function the built command calls, sharing the folder's one instance with
// the test; the built command runs as a process where the process is the subject: its exit codes,
// and reading from the folder what the earlier runs wrote to it.
const retentionScript = join(__dirname, '..', '..', 'launcher', 'dist', 'retention-cli.js');
const dataDir = mkdtempSync(join(tmpdir(), 'movement-retention-'));
const graphDir = join(dataDir, 'graph');
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', USER: 'records-officer' };
const SLOW = 240_000;

// Plain SQL only: an inert client factory, as the runtime's plain-SQL stores use.
const openFolder = () => openDatabase({ dataDir: graphDir, createClient: () => ({ $disconnect: async () => undefined }) });
/** Held open between the in-process commands, which then use the same instance instead of starting it again. */
let held: Database<unknown> | undefined;

beforeAll(async () => {
  await prepareTestDataFolder(graphDir, graphTemplate(200));
  held = await openFolder();
});

afterAll(async () => {
  killLeftovers();
  await held?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The command in this process, with the operator's variables and its output captured. */
const run = async (args: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await retention(args, { env, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
};

/** The built command as a process of its own. */
const runProcess = async (args: string[]) => {
  const child = runNode(retentionScript, args, env);
  return { code: await child.exited, stdout: child.stdout(), stderr: child.stderr() };
};

/** Reads the embedded database the commands wrote. */
async function inDatabase<T>(work: (query: <R>(sql: string, params?: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
  const database = await openFolder();
  try {
    return await work((sql, params) => database.driver.query(sql, params));
  } finally {
    await database.close();
  }
}

test(
  'review counts what is past retention; anonymise removes names, birth dates and whereabouts of closed cases, audited, once',
  async () => {
    const review = await run(['review', '--as-of', '2026-11-01']);
    expect(review.code).toBe(0);
    const [, candidates] = /may be anonymised: (\d+)/.exec(review.stdout) ?? [];
    expect(Number(candidates)).toBeGreaterThan(0);
    expect(review.stdout).toMatch(/tracing requests past review on 2026-11-01: \d+ \(\d+ closed/);
    // Every subgraph's records about people are counted, and the seed leaves some of each past review.
    for (const kind of ['messages', 'assistance records', 'reunification support']) {
      const [, total] = new RegExp(`^${kind} past review on 2026-11-01: (\\d+) \\(\\d+ closed`, 'm').exec(review.stdout) ?? [];
      expect([kind, Number(total) > 0]).toEqual([kind, true]);
    }

    const dry = await run(['anonymise', '--as-of', '2026-11-01', '--dry-run']);
    expect(dry.stdout).toBe(`Would anonymise ${candidates} people on 2026-11-01\n`);
    expect(await inDatabase((query) => query<{ n: number }>(`SELECT count(*)::int AS n FROM "people"."Person" WHERE "anonymisedOn" IS NOT NULL`))).toEqual([
      { n: 0 },
    ]);

    // Two delivered messages of people about to be anonymised: one past its review date, one its
    // recorder kept until 2030 with a reason.
    const [pastMessage, keptMessage] = await inDatabase(async (query) => {
      const who = await anonymisationCandidates({ query }, '2026-11-01');
      const picked = await query<{ id: string }>(
        `SELECT "id" FROM "messages"."RedCrossMessage" WHERE "senderId" = ANY($1::uuid[]) OR "addresseeId" = ANY($1::uuid[]) ORDER BY "id" LIMIT 2`,
        [who],
      );
      await query(`UPDATE "messages"."RedCrossMessage" SET "status" = 'DELIVERED', "reviewOn" = DATE '2026-01-01' WHERE "id" = $1`, [picked[0].id]);
      await query(
        `UPDATE "messages"."RedCrossMessage" SET "status" = 'DELIVERED', "reviewOn" = DATE '2030-01-01', "reviewReason" = 'kept for the family' WHERE "id" = $1`,
        [picked[1].id],
      );
      return picked.map((row) => row.id);
    });

    const done = await run(['anonymise', '--as-of', '2026-11-01']);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      new RegExp(
        `^Anonymised ${candidates} people, \\d+ tracing requests, \\d+ detention records and \\d+ messages on 2026-11-01\\nKept \\d+ assistance records and reunification support of theirs, which name no one\\n$`,
      ),
    );
    const [, kept] = /^Kept (\d+) assistance/m.exec(done.stdout) ?? [];

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
      // A finished message past its own review date loses its text; one kept past the day keeps it.
      const texts = await query<{ id: string; content: string }>(`SELECT "id", "content" FROM "messages"."RedCrossMessage" WHERE "id" = ANY($1::uuid[])`, [
        [pastMessage, keptMessage],
      ]);
      expect(Object.fromEntries(texts.map((m) => [m.id, m.content === '[anonymised]']))).toEqual({ [pastMessage]: true, [keptMessage]: false });
      // Assistance and reunification support stay, counted, pointing at the anonymised person.
      const assistance = await query<{ n: number }>(
        `SELECT (SELECT count(*) FROM "assistance"."AssistanceRecord" WHERE "beneficiaryId" = ANY($1::uuid[]))::int
              + (SELECT count(*) FROM "assistance"."ReunificationSupport" WHERE "personId" = ANY($1::uuid[]))::int AS n`,
        [ids],
      );
      expect(assistance).toEqual([{ n: Number(kept) }]);
      expect(Number(kept)).toBeGreaterThan(0);
      // One audit entry per person anonymised, by the operator, in the gateway's audit trail.
      const audit = await query<{ subject: string; operationName: string; recordId: string; field: string }>(
        `SELECT "subject", "operationName", "recordId", "field" FROM "access"."audit_entry" WHERE "field" = 'anonymised'`,
      );
      expect(audit.map((entry) => entry.recordId).sort()).toEqual([...ids].sort());
      expect(audit.every((entry) => entry.subject === 'cli:records-officer' && entry.operationName === 'retention anonymise --as-of 2026-11-01')).toBe(true);
    });

    // Idempotent: a second run, the built command in a process of its own (so the folder is
    // released first: an embedded database opens in one process only), finds nothing in what the
    // runs before wrote, records nothing and exits with 0.
    await held?.close();
    held = undefined;
    const again = await runProcess(['anonymise', '--as-of', '2026-11-01']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Nothing to anonymise: 0 people on 2026-11-01\n');
    expect(await inDatabase((query) => query<{ n: number }>(`SELECT count(*)::int AS n FROM "access"."audit_entry" WHERE "field" = 'anonymised'`))).toEqual([
      { n: Number(candidates) },
    ]);
  },
  SLOW,
);

test('a bad date or command is refused with exit code 2', async () => {
  const badDate = await runProcess(['review', '--as-of', 'soon']);
  expect(badDate.code).toBe(2);
  expect(badDate.stderr).toMatch(/--as-of must be a date/);
  expect((await runProcess(['purge'])).code).toBe(2);
});
