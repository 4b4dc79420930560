import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openDatabase, type Database } from '../src';
import {
  SchemaDriftError,
  actualSchema,
  assertNoSchemaDrift,
  createTestDatabaseTarget,
  describePrismaSchema,
  expectedSchema,
  schemaDrift,
  type SchemaDescription,
  type TestDatabaseTarget,
} from '../src/testing';

// `testTimeout` in jest.config.base.js is a global option that Jest ignores inside `projects`.
const SLOW = 120_000;

// The finished locations subgraph serves as the specimen: its schema.prisma and migration agree.
const locationsDir = join(__dirname, '..', '..', 'locations', 'prisma');
const prismaPath = join(locationsDir, 'schema.prisma');
const prismaText = readFileSync(prismaPath, 'utf8');

let target: TestDatabaseTarget;
let database: Database<{ $disconnect(): Promise<void> }>;
let live: SchemaDescription;

beforeAll(async () => {
  target = await createTestDatabaseTarget('runtime-drift');
  database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: () => ({ $disconnect: async () => undefined }) });
  await migrate(database.driver, { schema: 'locations', migrationsDir: join(locationsDir, 'migrations') });
  live = await actualSchema(database.driver, 'locations');
}, SLOW);

afterAll(async () => {
  await database?.close();
  await target?.dispose();
}, SLOW);

/** schema.prisma with `replace` applied, which must change it. */
function edited(find: string | RegExp, replace: string): SchemaDescription {
  const text = prismaText.replace(find, replace);
  expect(text).not.toBe(prismaText);
  return describePrismaSchema(text);
}

test('schema.prisma is read into Postgres types, Prisma constraint names and referential actions', () => {
  const expected = expectedSchema(prismaPath);
  const location = expected.tables.find((t) => t.name === '"locations"."Location"')!;
  const column = (name: string) => location.columns.find((c) => c.name === name);
  expect(column('pcode')).toEqual({ name: 'pcode', sqlType: 'character varying(32)', nullable: true });
  expect(column('type')).toEqual({ name: 'type', sqlType: '"locations"."LocationType"', nullable: false });
  expect(column('ancestorIds')).toEqual({ name: 'ancestorIds', sqlType: 'uuid[]', nullable: true });
  expect(column('latitude')?.sqlType).toBe('double precision');
  expect(column('createdAt')?.sqlType).toBe('timestamp(3) with time zone');
  expect(column('names')?.sqlType).toBe('jsonb');
  expect(location.indexes.map((i) => i.name).sort()).toEqual([
    'Location_organizationId_name_id_idx',
    'Location_parentId_name_id_idx',
    'Location_parentId_type_name_id_idx',
    'Location_pcode_key',
    'Location_pkey',
    'Location_type_name_id_idx',
  ]);
  expect(location.foreignKeys).toContainEqual({
    name: 'Location_parentId_fkey',
    columns: ['parentId'],
    referencedTable: '"locations"."Location"',
    referencedColumns: ['id'],
    onDelete: 'SetNull',
    onUpdate: 'Cascade',
  });
  expect(expected.enums.find((e) => e.name === '"locations"."OrganizationType"')?.values).toEqual([
    'ICRC',
    'IFRC',
    'NATIONAL_SOCIETY',
    'DELEGATION',
    'BRANCH',
    'AUTHORITY',
  ]);
});

test(
  'the locations migration builds exactly what its schema.prisma describes',
  async () => {
    expect(live.tables.map((t) => t.name).sort()).toEqual([
      '"locations"."BorderCrossing"',
      '"locations"."BorderCrossingPeriod"',
      '"locations"."Location"',
      '"locations"."Organization"',
    ]);
    expect(schemaDrift(expectedSchema(prismaPath), live)).toEqual([]);
    await expect(assertNoSchemaDrift(prismaPath, database.driver, 'locations')).resolves.toBeUndefined();
  },
  SLOW,
);

test('a column added to schema.prisma but not migrated is reported', () => {
  const drift = schemaDrift(edited('  shortName   String', '  website     String?\n  shortName   String'), live);
  expect(drift).toEqual([expect.stringMatching(/column "locations"\."Organization"\."website" is in schema\.prisma but missing from the database \(text\)/)]);
});

test('a changed type, nullability, index, relation or enum is reported', () => {
  expect(schemaDrift(edited('name           String       @db.VarChar(200)', 'name           String       @db.VarChar(100)'), live)).toEqual([
    expect.stringMatching(/"Location"\."name": schema\.prisma expects type character varying\(100\), the database has character varying\(200\)/),
  ]);
  expect(schemaDrift(edited('adminLevel     Int?', 'adminLevel     Int'), live)).toEqual([
    expect.stringMatching(/"adminLevel": schema\.prisma expects NOT NULL, the database has NULL allowed/),
  ]);
  expect(schemaDrift(edited('@@index([parentId, name, id])', '@@index([parentId, id])'), live)).toEqual([
    expect.stringMatching(/index on "locations"\."Location" "Location_parentId_id_idx" is in schema\.prisma but missing/),
    expect.stringMatching(/"Location_parentId_name_id_idx" is in the database but not in schema\.prisma/),
  ]);
  expect(schemaDrift(edited('references: [id])\n  children     Location[]', 'references: [id], onDelete: Cascade)\n  children     Location[]'), live)).toEqual([
    expect.stringMatching(/foreign key .* "Location_parentId_fkey" differs: .*ON DELETE Cascade.*ON DELETE SetNull/),
  ]);
  expect(schemaDrift(edited('  BRANCH\n', '  BRANCH\n  PARTNER\n'), live)).toEqual([
    expect.stringMatching(
      /^enum "locations"\."OrganizationType" differs: schema\.prisma has \(.*PARTNER\), the database has \(AUTHORITY, BRANCH, DELEGATION, ICRC, IFRC, NATIONAL_SOCIETY\)$/,
    ),
  ]);
});

test(
  'objects only the database has are reported, and the assertion lists every difference',
  async () => {
    await database.driver.exec(`
    CREATE INDEX "Organization_shortName_idx" ON "locations"."Organization"("shortName");
    ALTER TABLE "locations"."Organization" ADD COLUMN "legacyCode" TEXT;
    CREATE TABLE "locations"."Orphan" ("id" UUID NOT NULL);
  `);
    let error: unknown;
    try {
      await assertNoSchemaDrift(prismaPath, database.driver, 'locations');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaDriftError);
    expect((error as SchemaDriftError).differences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/index on "locations"\."Organization" "Organization_shortName_idx" is in the database but not in schema\.prisma/),
        expect.stringMatching(/column "locations"\."Organization"\."legacyCode" is in the database but not in schema\.prisma \(text\)/),
        expect.stringMatching(/table "locations"\."Orphan" is in the database but not in schema\.prisma/),
      ]),
    );
    expect((error as SchemaDriftError).differences).toHaveLength(3);
    expect((error as Error).message).toContain('legacyCode');
  },
  SLOW,
);

test('default names are truncated the way Prisma truncates them', () => {
  const table = 'A'.repeat(40);
  const description = describePrismaSchema(`
    datasource db {
      provider = "postgresql"
    }
    model ${table} {
      id                    String @id
      someRatherLongColumn  String
      anotherLongColumnName String
      @@index([someRatherLongColumn, anotherLongColumnName])
    }
  `);
  const names = description.tables[0].indexes.map((i) => i.name);
  // Prisma cuts `<table>_<columns>` to 63 - 4 bytes before adding the suffix.
  expect(names).toContain(`${table}_someRatherLongColu_idx`);
  expect(`${table}_someRatherLongColu_idx`).toHaveLength(63);
  expect(description.tables[0].name).toBe(`"public"."${table}"`);
});
