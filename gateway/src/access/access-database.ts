import { join } from 'node:path';
import { migrate, openDatabase, type Logger, type SqlDriver } from '@movement/runtime';

/** Where the gateway keeps API keys and the audit trail: PostgreSQL, or an embedded PGlite folder. */
export interface AccessDatabaseLocation {
  databaseUrl?: string;
  dataDir: string;
}

export const accessMigrationsDir = join(__dirname, '..', '..', 'access', 'migrations');

/** Opens the access database and applies its migrations (schema `access`). */
export async function openAccessDatabase(location: AccessDatabaseLocation, logger?: Logger): Promise<{ driver: SqlDriver; close(): Promise<void> }> {
  const database = await openDatabase({
    databaseUrl: location.databaseUrl,
    dataDir: location.dataDir,
    poolSize: 4,
    // Plain SQL only; openDatabase wants a client factory, so give it an inert one.
    createClient: () => ({ $disconnect: async () => undefined }),
  });
  try {
    await migrate(database.driver, { schema: 'access', migrationsDir: accessMigrationsDir, logger });
  } catch (error) {
    await database.close();
    throw error;
  }
  return { driver: database.driver, close: () => database.close() };
}
