import { join } from 'node:path';
import { openSqlStore, type Logger, type SqlDriver } from '@movement/runtime';

/** Where the gateway keeps API keys and the audit trail: PostgreSQL, or an embedded PGlite folder. */
export interface AccessDatabaseLocation {
  databaseUrl?: string;
  dataDir: string;
}

const accessMigrationsDir = join(__dirname, '..', '..', 'access', 'migrations');

/** Opens the access database and applies its migrations (schema `access`). */
export function openAccessDatabase(location: AccessDatabaseLocation, logger?: Logger): Promise<{ driver: SqlDriver; close(): Promise<void> }> {
  return openSqlStore({ ...location, schema: 'access', migrationsDir: accessMigrationsDir, logger });
}
