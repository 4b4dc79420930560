import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type Database } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '@movement/runtime/testing';
import { graphSubgraphs } from '@movement/launcher';

/**
 * The migrations that gave messages, assistance records and reunification support a review date
 * fill it for the rows already kept as the people subgraph did for its own: five years after the
 * record was made (the message written, the assistance or support given). Each subgraph is
 * migrated up to the migration before, given a row, then migrated to the end.
 */

const SLOW = 120_000;
let target: TestDatabaseTarget;
let database: Database<{ $disconnect(): Promise<void> }>;
const folders: string[] = [];

beforeAll(async () => {
  target = await createTestDatabaseTarget('review-backfill');
  database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: () => ({ $disconnect: async () => undefined }) });
}, SLOW);

afterAll(async () => {
  await database?.close();
  await target?.dispose();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, SLOW);

/** Migrates `name`'s schema with every migration before `upTo`, then lets `arrange` add rows, then applies the rest. */
async function migrateAround(name: 'messages' | 'assistance', upTo: string, arrange: () => Promise<void>): Promise<string[]> {
  const { migrationsDir } = graphSubgraphs[name].definition;
  const before = mkdtempSync(join(tmpdir(), `movement-${name}-before-`));
  folders.push(before);
  for (const migration of readdirSync(migrationsDir).filter((entry) => entry < upTo)) {
    cpSync(join(migrationsDir, migration), join(before, migration), { recursive: true });
  }
  await migrate(database.driver, { schema: name, migrationsDir: before });
  await arrange();
  return (await migrate(database.driver, { schema: name, migrationsDir })).applied;
}

const day = (value: Date | string) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);
const inFiveYears = () => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 5);
  return date.toISOString().slice(0, 10);
};
const sql = <T>(text: string, params: unknown[] = []) => database.driver.query<T>(text, params);
const org = syntheticId('organization', 'RRC');

test(
  'a message kept before review dates is reviewed five years after it was written; a new one five years from today',
  async () => {
    const message = syntheticId('message', 'backfill');
    const applied = await migrateAround('messages', '20260701000000', async () => {
      await sql(
        `INSERT INTO "messages"."RedCrossMessage" ("id", "reference", "senderId", "addresseeId", "language", "content", "status", "collectingPartnerId",
           "createdAt", "updatedAt", "statusChangedAt", "recordedById", "sharedWithIds")
         VALUES ($1, 'RCM-2023-000001', $2, $3, 'ru', 'Мы живы.', 'DELIVERED', $4, TIMESTAMPTZ '2023-03-14T10:00:00Z', now(), now(), $4, '{}')`,
        [message, syntheticId('person', 1), syntheticId('person', 2), org],
      );
    });
    expect(applied).toContain('20260701000000_message_review_date');
    const [row] = await sql<{ reviewOn: Date | string; reviewReason: string | null }>(
      `SELECT "reviewOn", "reviewReason" FROM "messages"."RedCrossMessage" WHERE "id" = $1`,
      [message],
    );
    expect({ reviewOn: day(row.reviewOn), reviewReason: row.reviewReason }).toEqual({ reviewOn: '2028-03-14', reviewReason: null });

    const fresh = syntheticId('message', 'fresh');
    await sql(
      `INSERT INTO "messages"."RedCrossMessage" ("id", "reference", "senderId", "addresseeId", "language", "content", "status", "collectingPartnerId",
         "updatedAt", "recordedById", "sharedWithIds")
       VALUES ($1, 'RCM-2026-000001', $2, $3, 'uk', 'Ми живі.', 'COLLECTED', $4, now(), $4, '{}')`,
      [fresh, syntheticId('person', 1), syntheticId('person', 2), org],
    );
    const [created] = await sql<{ reviewOn: Date | string }>(`SELECT "reviewOn" FROM "messages"."RedCrossMessage" WHERE "id" = $1`, [fresh]);
    expect(day(created.reviewOn)).toBe(inFiveYears());
  },
  SLOW,
);

test(
  'assistance and reunification support kept before review dates are reviewed five years after they were given',
  async () => {
    const record = syntheticId('assistance-record', 'backfill');
    const support = syntheticId('reunification-support', 'backfill');
    const applied = await migrateAround('assistance', '20260701000000', async () => {
      await sql(
        `INSERT INTO "assistance"."AssistanceRecord" ("id", "beneficiaryId", "householdSize", "item", "modality", "quantity", "unit", "date", "locationId",
           "partnerId", "recordedById", "sharedWithIds", "areaIds")
         VALUES ($1, $2, 3, 'food parcel', 'IN_KIND', 1, 'PARCEL', DATE '2022-11-30', $3, $4, $4, '{}', '{}')`,
        [record, syntheticId('person', 1), syntheticId('location', 'DP-BELGOROD-1'), org],
      );
      await sql(
        `INSERT INTO "assistance"."ReunificationSupport" ("id", "tracingRequestId", "personId", "kind", "date", "outcome", "partnerId", "recordedById", "sharedWithIds")
         VALUES ($1, $2, $3, 'DOCUMENTS', DATE '2024-02-29', 'COMPLETED', $4, $4, '{}')`,
        [support, syntheticId('tracing-request', 1), syntheticId('person', 1), org],
      );
    });
    expect(applied).toContain('20260701000000_assistance_review_date');
    const rows = await sql<{ kind: string; reviewOn: Date | string }>(
      `SELECT 'record' AS kind, "reviewOn" FROM "assistance"."AssistanceRecord" WHERE "id" = $1
       UNION ALL SELECT 'support', "reviewOn" FROM "assistance"."ReunificationSupport" WHERE "id" = $2`,
      [record, support],
    );
    // 29 February plus five years is the last day of February.
    expect(Object.fromEntries(rows.map((row) => [row.kind, day(row.reviewOn)]))).toEqual({ record: '2027-11-30', support: '2029-02-28' });
  },
  SLOW,
);
