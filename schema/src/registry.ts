import { join } from 'node:path';
import { openSqlStore, type Logger, type SqlDriver } from '@movement/runtime';
import { repositoryRoot } from './subgraphs';
import type { SchemaChange } from './changes';
import { writeServedSupergraph } from './embedded-handoff';
import type { NewSchemaVersion, OperationUsage, SchemaVersion, UsageIncrement } from './registry-records';

/** Where the registry keeps its tables: a PostgreSQL URL, or else an embedded PGlite folder. */
export interface RegistryLocation {
  databaseUrl?: string;
  /** PGlite data folder (or `memory://…`); default `.data/registry`. */
  dataDir?: string;
}

export type { NewSchemaVersion, OperationUsage, SchemaVersion, UsageIncrement } from './registry-records';

export const registryMigrationsDir = join(repositoryRoot, 'schema', 'registry', 'migrations');
export const defaultRegistryDataDir = join(repositoryRoot, '.data', 'registry');

interface VersionRow {
  version: number;
  supergraph_sdl: string;
  api_sdl: string;
  subgraphs: Record<string, string> | string;
  author: string;
  message: string;
  changes: SchemaChange[] | string;
  rollback_of: number | null;
  published_at: Date | string;
}

interface UsageRow {
  signature_hash: string;
  partner: string;
  operation_name: string | null;
  signature: string;
  coordinates: string[];
  count: string | number;
  last_seen: Date | string;
}

// JSONB comes back parsed from pg and from PGlite; be tolerant of text all the same.
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const versionOf = (row: VersionRow): SchemaVersion => ({
  version: Number(row.version),
  supergraphSdl: row.supergraph_sdl,
  apiSdl: row.api_sdl,
  subgraphs: json(row.subgraphs),
  author: row.author,
  message: row.message,
  changes: json(row.changes),
  rollbackOf: row.rollback_of === null ? null : Number(row.rollback_of),
  publishedAt: new Date(row.published_at),
});

const usageOf = (row: UsageRow): OperationUsage => ({
  signatureHash: row.signature_hash,
  partner: row.partner,
  operationName: row.operation_name,
  signature: row.signature,
  coordinates: row.coordinates,
  count: Number(row.count),
  lastSeen: new Date(row.last_seen),
});

const versionColumns = 'version, supergraph_sdl, api_sdl, subgraphs, author, message, changes, rollback_of, published_at';

/**
 * The schema registry: published versions (append-only) and operation usage, in the `registry`
 * Postgres schema of its own database. Plain SQL through runtime's SqlDriver: two tables do not
 * need a generated client.
 */
export class SchemaRegistry {
  private constructor(
    private readonly driver: SqlDriver,
    private readonly closeDatabase: () => Promise<void>,
    /** The embedded registry's folder on disk, where each publish leaves the handoff files a gateway follows. */
    readonly embeddedDir: string | undefined,
  ) {}

  /** Opens (and migrates) the registry: PostgreSQL when a URL is given, else embedded PGlite. */
  static async open(location: RegistryLocation = {}, logger?: Logger): Promise<SchemaRegistry> {
    const store = await openSqlStore({
      databaseUrl: location.databaseUrl,
      dataDir: location.dataDir ?? defaultRegistryDataDir,
      schema: 'registry',
      migrationsDir: registryMigrationsDir,
      logger,
    });
    const dataDir = location.dataDir ?? defaultRegistryDataDir;
    // An in-memory PGlite has no folder to share, and PostgreSQL is shared by itself.
    const embeddedDir = location.databaseUrl || dataDir.startsWith('memory://') ? undefined : dataDir;
    return new SchemaRegistry(store.driver, () => store.close(), embeddedDir);
  }

  /**
   * Records a new version, numbered one after the latest. In an embedded registry it is also
   * written to the handoff files: a running gateway cannot open this database, so it follows those.
   */
  async publish(entry: NewSchemaVersion): Promise<SchemaVersion> {
    const version = await this.insertVersion(entry);
    if (this.embeddedDir) writeServedSupergraph(this.embeddedDir, version);
    return version;
  }

  private async insertVersion(entry: NewSchemaVersion): Promise<SchemaVersion> {
    return this.driver.transaction(async (tx) => {
      if (this.driver.kind === 'postgres') {
        // Two admins publishing at once must not both take the same number.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['registry:publish']);
      }
      const [row] = await tx.query<VersionRow>(
        `INSERT INTO registry.schema_version (version, supergraph_sdl, api_sdl, subgraphs, author, message, changes, rollback_of)
         SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3::jsonb, $4, $5, $6::jsonb, $7 FROM registry.schema_version
         RETURNING ${versionColumns}`,
        [entry.supergraphSdl, entry.apiSdl, JSON.stringify(entry.subgraphs), entry.author, entry.message, JSON.stringify(entry.changes), entry.rollbackOf],
      );
      if (!row) throw new Error('The registry did not return the published version');
      return versionOf(row);
    });
  }

  async latest(): Promise<SchemaVersion | undefined> {
    const [row] = await this.driver.query<VersionRow>(`SELECT ${versionColumns} FROM registry.schema_version ORDER BY version DESC LIMIT 1`);
    return row ? versionOf(row) : undefined;
  }

  /** Only the latest version number: what the gateway polls, so it stays cheap. */
  async latestVersionNumber(): Promise<number | undefined> {
    const [row] = await this.driver.query<{ version: number | null }>('SELECT MAX(version) AS version FROM registry.schema_version');
    return row?.version === null || row?.version === undefined ? undefined : Number(row.version);
  }

  async get(version: number): Promise<SchemaVersion | undefined> {
    const [row] = await this.driver.query<VersionRow>(`SELECT ${versionColumns} FROM registry.schema_version WHERE version = $1`, [version]);
    return row ? versionOf(row) : undefined;
  }

  /** Every version, oldest first. */
  async history(): Promise<SchemaVersion[]> {
    const rows = await this.driver.query<VersionRow>(`SELECT ${versionColumns} FROM registry.schema_version ORDER BY version`);
    return rows.map(versionOf);
  }

  /** Adds counts to the usage table, one upsert per signature and partner, in one transaction. */
  async recordUsage(increments: readonly UsageIncrement[], seenAt: Date = new Date()): Promise<void> {
    if (increments.length === 0) return;
    // Rows in one order whoever writes: gateways (or a gateway's workers) flushing at once lock them in turn instead of deadlocking.
    const ordered = [...increments].sort((a, b) =>
      a.signatureHash === b.signatureHash ? a.partner.localeCompare(b.partner) : a.signatureHash.localeCompare(b.signatureHash),
    );
    await this.driver.transaction(async (tx) => {
      for (const entry of ordered) {
        await tx.query(
          `INSERT INTO registry.operation_usage (signature_hash, partner, operation_name, signature, coordinates, count, first_seen, last_seen)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
           ON CONFLICT (signature_hash, partner)
           DO UPDATE SET count = registry.operation_usage.count + EXCLUDED.count, last_seen = GREATEST(registry.operation_usage.last_seen, EXCLUDED.last_seen)`,
          [entry.signatureHash, entry.partner, entry.operationName, entry.signature, entry.coordinates, entry.count, seenAt],
        );
      }
    });
  }

  /** Recorded operations that use any of `coordinates`, most used first. */
  async usageOf(coordinates: readonly string[]): Promise<OperationUsage[]> {
    if (coordinates.length === 0) return [];
    const rows = await this.driver.query<UsageRow>(
      `SELECT signature_hash, partner, operation_name, signature, coordinates, count, last_seen
       FROM registry.operation_usage WHERE coordinates && $1::text[] ORDER BY count DESC, partner`,
      [coordinates],
    );
    return rows.map(usageOf);
  }

  async allUsage(): Promise<OperationUsage[]> {
    const rows = await this.driver.query<UsageRow>(
      'SELECT signature_hash, partner, operation_name, signature, coordinates, count, last_seen FROM registry.operation_usage ORDER BY count DESC, partner',
    );
    return rows.map(usageOf);
  }

  close(): Promise<void> {
    return this.closeDatabase();
  }
}
