import { readFileSync } from 'node:fs';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { openDatabase, type SqlDriver } from '../database';
import { migrate } from '../migrate';
import type { BaseSubgraphContext, SubgraphDefinition } from '../server';
import { createTestDatabaseTarget } from './databases';

/**
 * Migrations are hand-written SQL, so nothing but a comparison keeps them honest against
 * schema.prisma (what the Prisma client believes). Both sides are reduced to one normalised
 * description and compared; an empty difference list means Prisma Migrate would see no drift.
 */

export interface ColumnDescription {
  name: string;
  /** Spelled as PostgreSQL's `format_type` does; enums as `"schema"."Enum"`, arrays with `[]`. */
  sqlType: string;
  nullable: boolean;
}

export interface IndexDescription {
  name: string;
  /** Key columns in order, with a non-default operator class and ` DESC` when present. */
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** Access method: btree, gin, gist, hash, brin, spgist. */
  method: string;
  /** Partial-index predicate; Prisma cannot declare one, so any predicate is drift. */
  predicate: string | null;
}

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface ForeignKeyDescription {
  name: string;
  columns: string[];
  /** Schema-qualified, e.g. `"locations"."Location"`. */
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableDescription {
  /** Schema-qualified, e.g. `"locations"."Location"`. */
  name: string;
  columns: ColumnDescription[];
  indexes: IndexDescription[];
  foreignKeys: ForeignKeyDescription[];
}

export interface EnumDescription {
  /** Schema-qualified, e.g. `"locations"."LocationType"`. */
  name: string;
  values: string[];
}

export interface SchemaDescription {
  tables: TableDescription[];
  enums: EnumDescription[];
}

const qualified = (schema: string, name: string) => `"${schema}"."${name}"`;

// ---------------------------------------------------------------------------------------------
// Expected: schema.prisma through Prisma's own parser (DMMF).
// ---------------------------------------------------------------------------------------------

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: ReferentialAction;
  relationOnUpdate?: ReferentialAction;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}

interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  algorithm?: string | null;
  fields: Array<{ name: string; sortOrder?: 'asc' | 'desc' | null; operatorClass?: string | null }>;
}

interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: Array<{ name: string; dbName?: string | null }>;
}

interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
}

const POSTGRES_IDENTIFIER_LIMIT = 63;

/** Prisma's default constraint name (psl ConstraintNames), truncated the way Prisma does it. */
function prismaName(table: string, columns: string[], suffix: '_pkey' | '_key' | '_idx' | '_fkey'): string {
  let base = columns.length > 0 ? `${table}_${columns.join('_')}` : table;
  const room = POSTGRES_IDENTIFIER_LIMIT - suffix.length;
  if (Buffer.byteLength(base) >= room) base = Buffer.from(base).subarray(0, room).toString();
  return `${base}${suffix}`;
}

/** Types Prisma uses for a scalar without `@db.*`. */
const defaultTypes: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const withArgs = (name: string, args: string[]) => (args.length > 0 ? `${name}(${args.join(',')})` : name);

/** `@db.*` native types in `format_type` spelling. */
function nativeType([name, args]: [string, string[]]): string {
  switch (name) {
    case 'VarChar':
      return withArgs('character varying', args);
    case 'Char':
      return withArgs('character', args);
    case 'Decimal':
      return withArgs('numeric', args);
    case 'Timestamp':
      return `${withArgs('timestamp', args)} without time zone`;
    case 'Timestamptz':
      return `${withArgs('timestamp', args)} with time zone`;
    case 'Time':
      return `${withArgs('time', args)} without time zone`;
    case 'Timetz':
      return `${withArgs('time', args)} with time zone`;
    case 'DoublePrecision':
      return 'double precision';
    case 'Bit':
      return withArgs('bit', args);
    case 'VarBit':
      return withArgs('bit varying', args);
    case 'JsonB':
      return 'jsonb';
    case 'ByteA':
      return 'bytea';
    default:
      // Uuid, Text, Integer, SmallInt, BigInt, Real, Boolean, Date, Json, Xml, Inet, Citext, Money, Oid
      return name.toLowerCase();
  }
}

/** The body of `kind name { … }` in the schema text, for what DMMF leaves out. */
function blockOf(text: string, kind: 'model' | 'enum', name: string): string {
  const match = new RegExp(`^\\s*${kind}\\s+${name}\\s*\\{([\\s\\S]*?)^\\s*\\}`, 'm').exec(text);
  return match?.[1] ?? '';
}

/** `@@schema("x")` of an enum: DMMF does not report the schema of enums. */
function enumSchema(text: string, name: string, fallback: string): string {
  return /@@schema\(\s*"([^"]+)"\s*\)/.exec(blockOf(text, 'enum', name))?.[1] ?? fallback;
}

/** `map:` and `onUpdate:` of a relation: DMMF reports neither. */
function relationArguments(text: string, model: string, field: string): { map?: string; onUpdate?: ReferentialAction } {
  const line = new RegExp(`^\\s*${field}\\s+[^\\n]*@relation\\(([^\\n]*)\\)`, 'm').exec(blockOf(text, 'model', model))?.[1] ?? '';
  return {
    map: /\bmap:\s*"([^"]+)"/.exec(line)?.[1],
    onUpdate: /\bonUpdate:\s*(\w+)/.exec(line)?.[1] as ReferentialAction | undefined,
  };
}

/** Parses schema.prisma text (not a path) into the description its migrations must produce. */
export function describePrismaSchema(text: string): SchemaDescription {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', text]] }))) as Dmmf;
  const { models, enums, indexes } = dmmf.datamodel;
  const modelSchemas = [...new Set(models.map((m) => m.schema ?? 'public'))];
  const defaultSchema = modelSchemas.length === 1 ? modelSchemas[0] : 'public';

  const enumTypes = new Map<string, string>();
  const enumDescriptions = enums.map((e) => {
    const name = qualified(enumSchema(text, e.name, defaultSchema), e.dbName ?? e.name);
    enumTypes.set(e.name, name);
    return { name, values: e.values.map((v) => v.dbName ?? v.name) };
  });

  const byName = new Map(models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, field: string) => {
    const f = m.fields.find((candidate) => candidate.name === field);
    return f?.dbName ?? field;
  };

  const tables = models.map((model): TableDescription => {
    const table = tableOf(model);
    const columns = model.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum' || f.kind === 'unsupported')
      .map((f) => {
        const base =
          f.kind === 'enum'
            ? (enumTypes.get(f.type) ?? qualified(defaultSchema, f.type))
            : f.nativeType
              ? nativeType(f.nativeType)
              : (defaultTypes[f.type] ?? f.type.toLowerCase());
        // Prisma creates scalar lists without NOT NULL, whatever the field says.
        return { name: f.dbName ?? f.name, sqlType: f.isList ? `${base}[]` : base, nullable: f.isList || !f.isRequired };
      });

    const tableIndexes = indexes
      .filter((i) => i.model === model.name && i.type !== 'fulltext')
      .map((i): IndexDescription => {
        const cols = i.fields.map((f) => columnOf(model, f.name));
        const suffix = i.type === 'id' ? '_pkey' : i.type === 'unique' ? '_key' : '_idx';
        return {
          name: i.dbName ?? prismaName(table, i.type === 'id' ? [] : cols, suffix),
          columns: i.fields.map((f, n) => `${cols[n]}${f.operatorClass ? ` ${f.operatorClass}` : ''}${f.sortOrder === 'desc' ? ' DESC' : ''}`),
          unique: i.type !== 'normal',
          primary: i.type === 'id',
          method: (i.algorithm ?? 'BTree').toLowerCase(),
          predicate: null,
        };
      });

    const foreignKeys = model.fields
      .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
      .map((f): ForeignKeyDescription => {
        const target = byName.get(f.type)!;
        const from = f.relationFromFields!;
        const columns = from.map((name) => columnOf(model, name));
        const optional = from.some((name) => !model.fields.find((c) => c.name === name)?.isRequired);
        const text_ = relationArguments(text, model.name, f.name);
        return {
          name: text_.map ?? prismaName(table, columns, '_fkey'),
          columns,
          referencedTable: qualified(target.schema ?? defaultSchema, tableOf(target)),
          referencedColumns: (f.relationToFields ?? []).map((name) => columnOf(target, name)),
          // Prisma's defaults: an optional relation nulls out, a required one refuses.
          onDelete: f.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict'),
          onUpdate: f.relationOnUpdate ?? text_.onUpdate ?? 'Cascade',
        };
      });

    return { name: qualified(model.schema ?? defaultSchema, table), columns, indexes: tableIndexes, foreignKeys };
  });

  return { tables, enums: enumDescriptions };
}

/** What the migrations of the subgraph whose schema.prisma is at `prismaSchemaPath` must build. */
export function expectedSchema(prismaSchemaPath: string): SchemaDescription {
  return describePrismaSchema(readFileSync(prismaSchemaPath, 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Actual: the live database's catalogs.
// ---------------------------------------------------------------------------------------------

const actions: Record<string, ReferentialAction> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

/** Reads one Postgres schema's tables, indexes, foreign keys and enums from the catalogs. */
export async function actualSchema(driver: Pick<SqlDriver, 'query'>, schema: string): Promise<SchemaDescription> {
  const columnRows = await driver.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    enum_schema: string | null;
    enum_name: string | null;
    is_array: boolean;
  }>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
            NOT a.attnotnull AS "nullable", t.typcategory = 'A' AS "is_array",
            CASE WHEN et.typtype = 'e' THEN en.nspname::text END AS "enum_schema",
            CASE WHEN et.typtype = 'e' THEN et.typname::text END AS "enum_name"
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
       JOIN pg_namespace en ON en.oid = et.typnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const indexRows = await driver.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    columns: string[];
    predicate: string | null;
  }>(
    `SELECT c.relname::text AS "table", i.relname::text AS "name", x.indisunique AS "unique", x.indisprimary AS "primary",
            am.amname::text AS "method", pg_get_expr(x.indpred, x.indrelid) AS "predicate",
            ARRAY(
              SELECT pg_get_indexdef(x.indexrelid, k.ord::int, true)
                     || CASE WHEN oc.opcdefault THEN '' ELSE ' ' || oc.opcname::text END
                     || CASE WHEN (x.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                LEFT JOIN pg_opclass oc ON oc.oid = x.indclass[k.ord - 1]
               WHERE k.ord <= x.indnkeyatts
               ORDER BY k.ord
            )::text[] AS "columns"
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname, i.relname`,
    [schema],
  );
  const foreignKeyRows = await driver.query<{
    table: string;
    name: string;
    columns: string[];
    ref_schema: string;
    ref_table: string;
    ref_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT c.relname::text AS "table", con.conname::text AS "name",
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "columns",
            rn.nspname::text AS "ref_schema", rc.relname::text AS "ref_table",
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "ref_columns",
            con.confdeltype::text AS "on_delete", con.confupdtype::text AS "on_update"
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE con.contype = 'f' AND n.nspname = $1
      ORDER BY c.relname, con.conname`,
    [schema],
  );
  const enumRows = await driver.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS "name", ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS "values"
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND n.nspname = $1
      ORDER BY t.typname`,
    [schema],
  );

  const tables = new Map<string, TableDescription>();
  const tableFor = (name: string) => {
    let table = tables.get(name);
    if (!table) {
      table = { name: qualified(schema, name), columns: [], indexes: [], foreignKeys: [] };
      tables.set(name, table);
    }
    return table;
  };
  for (const row of columnRows) {
    const sqlType = row.enum_name ? `${qualified(row.enum_schema!, row.enum_name)}${row.is_array ? '[]' : ''}` : row.type;
    tableFor(row.table).columns.push({ name: row.column, sqlType, nullable: row.nullable });
  }
  for (const row of indexRows) {
    tableFor(row.table).indexes.push({
      name: row.name,
      // pg_get_indexdef quotes mixed-case column names; the description keeps them bare.
      columns: row.columns.map((c) => c.replace(/^"((?:[^"]|"")+)"/, (_, inner: string) => inner.replace(/""/g, '"'))),
      unique: row.unique,
      primary: row.primary,
      method: row.method,
      predicate: row.predicate,
    });
  }
  for (const row of foreignKeyRows) {
    tableFor(row.table).foreignKeys.push({
      name: row.name,
      columns: row.columns,
      referencedTable: qualified(row.ref_schema, row.ref_table),
      referencedColumns: row.ref_columns,
      onDelete: actions[row.on_delete] ?? 'NoAction',
      onUpdate: actions[row.on_update] ?? 'NoAction',
    });
  }
  return {
    tables: [...tables.values()],
    enums: enumRows.map((row) => ({ name: qualified(schema, row.name), values: row.values })),
  };
}

// ---------------------------------------------------------------------------------------------
// Comparison.
// ---------------------------------------------------------------------------------------------

const indexShape = (i: IndexDescription) =>
  `${i.primary ? 'PRIMARY KEY' : i.unique ? 'UNIQUE' : 'INDEX'} USING ${i.method} (${i.columns.join(', ')})${i.predicate ? ` WHERE ${i.predicate}` : ''}`;

const foreignKeyShape = (f: ForeignKeyDescription) =>
  `(${f.columns.join(', ')}) REFERENCES ${f.referencedTable}(${f.referencedColumns.join(', ')}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;

/** Reports named things present on one side only, and those whose shape differs. */
function compareNamed<T extends { name: string }>(what: string, expected: T[], actual: T[], shape: (item: T) => string, out: string[]): void {
  const label = (item: T) => (item.name.startsWith('"') ? item.name : `"${item.name}"`);
  const actualByName = new Map(actual.map((item) => [item.name, item]));
  const expectedNames = new Set(expected.map((item) => item.name));
  for (const item of expected) {
    const found = actualByName.get(item.name);
    if (!found) out.push(`${what} ${label(item)} is in schema.prisma but missing from the database: ${shape(item)}`);
    else if (shape(found) !== shape(item)) {
      out.push(`${what} ${label(item)} differs: schema.prisma has ${shape(item)}, the database has ${shape(found)}`);
    }
  }
  for (const item of actual) {
    if (!expectedNames.has(item.name)) out.push(`${what} ${label(item)} is in the database but not in schema.prisma: ${shape(item)}`);
  }
}

/** Human-readable differences between what schema.prisma describes and what the database holds. */
export function schemaDrift(expected: SchemaDescription, actual: SchemaDescription): string[] {
  const out: string[] = [];
  const actualTables = new Map(actual.tables.map((t) => [t.name, t]));
  const expectedTables = new Set(expected.tables.map((t) => t.name));
  for (const table of expected.tables) {
    const found = actualTables.get(table.name);
    if (!found) {
      out.push(`table ${table.name} is in schema.prisma but missing from the database`);
      continue;
    }
    const columns = new Map(found.columns.map((c) => [c.name, c]));
    for (const column of table.columns) {
      const live = columns.get(column.name);
      const at = `column ${table.name}."${column.name}"`;
      if (!live) {
        out.push(`${at} is in schema.prisma but missing from the database (${column.sqlType})`);
        continue;
      }
      if (live.sqlType !== column.sqlType) out.push(`${at}: schema.prisma expects type ${column.sqlType}, the database has ${live.sqlType}`);
      if (live.nullable !== column.nullable) {
        out.push(
          `${at}: schema.prisma expects ${column.nullable ? 'NULL allowed' : 'NOT NULL'}, the database has ${live.nullable ? 'NULL allowed' : 'NOT NULL'}`,
        );
      }
    }
    const declared = new Set(table.columns.map((c) => c.name));
    for (const live of found.columns) {
      if (!declared.has(live.name)) out.push(`column ${table.name}."${live.name}" is in the database but not in schema.prisma (${live.sqlType})`);
    }
    compareNamed(`index on ${table.name}`, table.indexes, found.indexes, indexShape, out);
    compareNamed(`foreign key on ${table.name}`, table.foreignKeys, found.foreignKeys, foreignKeyShape, out);
  }
  for (const table of actual.tables) {
    if (!expectedTables.has(table.name)) out.push(`table ${table.name} is in the database but not in schema.prisma`);
  }
  // Enum values are compared as sets: ALTER TYPE … ADD VALUE appends, so order may legitimately differ.
  compareNamed('enum', expected.enums, actual.enums, (e) => `(${[...e.values].sort().join(', ')})`, out);
  return out;
}

export class SchemaDriftError extends Error {
  constructor(readonly differences: string[]) {
    super(`schema.prisma and the migrated database disagree:\n${differences.map((d) => `  - ${d}`).join('\n')}`);
    this.name = 'SchemaDriftError';
  }
}

/** Throws a SchemaDriftError listing every difference between schema.prisma and `schema` in the database. */
export async function assertNoSchemaDrift(prismaSchemaPath: string, driver: Pick<SqlDriver, 'query'>, schema: string): Promise<void> {
  // Every model of a subgraph lives in its own schema, so a model declared elsewhere shows as missing.
  const differences = schemaDrift(expectedSchema(prismaSchemaPath), await actualSchema(driver, schema));
  if (differences.length > 0) throw new SchemaDriftError(differences);
}

/** A subgraph whose migrations are checked: its Postgres schema, its migrations and its schema.prisma. */
export interface DriftSubject {
  name: string;
  migrationsDir: string;
  prismaSchemaPath: string;
}

/**
 * Migrates one fresh test database for every subgraph in `subjects`, each in its own Postgres
 * schema as the graph runs them, and compares each with its `schema.prisma`: per subgraph, the
 * differences (none when they agree) and how many tables schema.prisma declares, so a test can
 * rule out an empty schema agreeing with an empty database. One database serves them all, since
 * starting one costs more than migrating a subgraph.
 */
export async function migratedSchemasDrift(subjects: readonly DriftSubject[]): Promise<Record<string, { tables: number; drift: string[] }>> {
  const target = await createTestDatabaseTarget(`${subjects.map((subject) => subject.name).join('-')}-drift`);
  try {
    // Only the catalogs are read: no Prisma client is needed.
    const database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: () => ({ $disconnect: async () => undefined }) });
    try {
      const results: Record<string, { tables: number; drift: string[] }> = {};
      for (const subject of subjects) {
        await migrate(database.driver, { schema: subject.name, migrationsDir: subject.migrationsDir });
        const expected = expectedSchema(subject.prismaSchemaPath);
        results[subject.name] = { tables: expected.tables.length, drift: schemaDrift(expected, await actualSchema(database.driver, subject.name)) };
      }
      return results;
    } finally {
      await database.close();
    }
  } finally {
    await target.dispose();
  }
}

/** `migratedSchemasDrift` for one subgraph's definition. */
export async function migratedSchemaDrift<Client, Context extends BaseSubgraphContext>(
  definition: SubgraphDefinition<Client, Context>,
  prismaSchemaPath: string,
): Promise<{ tables: number; drift: string[] }> {
  const results = await migratedSchemasDrift([{ name: definition.name, migrationsDir: definition.migrationsDir, prismaSchemaPath }]);
  return results[definition.name];
}
