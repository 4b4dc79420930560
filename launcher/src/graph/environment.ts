import { z } from 'zod';
import { databaseUrlFor, defaultPorts, logLevel, parseEnvironment, port, postgresUrl, type SubgraphName } from '@movement/runtime';
import { registryLocationFromEnvironment } from '@movement/schema';
import { loadCorsConfig, loadLimitsConfig, registryToFollow } from '@movement/gateway';
import type { DatabaseLocation } from './graph';

/**
 * Configuration of the whole graph in one process (`npm start`, `npm run seed`, `npm run db:migrate`).
 * Without any database URL every subgraph lives in one embedded PGlite under `DATA_DIR/graph`, each in
 * its own Postgres schema: one instance instead of four keeps start-up and memory small.
 */
export function loadGraphEnvironment(source: Record<string, string | undefined> = process.env) {
  const env = parseEnvironment(
    {
      HOST: z.string().min(1).default('127.0.0.1'),
      GATEWAY_PORT: port(4000),
      LOCATIONS_PORT: port(defaultPorts.locations),
      PEOPLE_PORT: port(defaultPorts.people),
      ASSISTANCE_PORT: port(defaultPorts.assistance),
      MESSAGES_PORT: port(defaultPorts.messages),
      LOG_LEVEL: logLevel,
      DATA_DIR: z.string().min(1).default('.data'),
      DATABASE_URL: postgresUrl,
      LOCATIONS_DATABASE_URL: postgresUrl,
      PEOPLE_DATABASE_URL: postgresUrl,
      ASSISTANCE_DATABASE_URL: postgresUrl,
      MESSAGES_DATABASE_URL: postgresUrl,
      REGISTRY_DATABASE_URL: postgresUrl,
      ACCESS_DATABASE_URL: postgresUrl,
      REGISTRY_POLL_MS: z.coerce.number().int().min(100).default(5000),
      USAGE_RECORDING: z.enum(['on', 'off']).default('on'),
      SEED_PEOPLE: z.coerce.number().int().min(0).max(10_000_000).default(500),
    },
    source,
  );
  const ownUrls: Record<SubgraphName, string | undefined> = {
    locations: env.LOCATIONS_DATABASE_URL,
    people: env.PEOPLE_DATABASE_URL,
    assistance: env.ASSISTANCE_DATABASE_URL,
    messages: env.MESSAGES_DATABASE_URL,
  };
  return {
    host: env.HOST,
    gatewayPort: env.GATEWAY_PORT,
    subgraphPorts: { locations: env.LOCATIONS_PORT, people: env.PEOPLE_PORT, assistance: env.ASSISTANCE_PORT, messages: env.MESSAGES_PORT },
    logLevel: env.LOG_LEVEL,
    seedPeople: env.SEED_PEOPLE,
    limits: loadLimitsConfig(source),
    // As a gateway started alone: a registry on PostgreSQL is followed (and usage recorded) in the
    // database; the embedded one, which only the schema CLI opens, through its handoff files and spool.
    gateway: {
      registry: registryToFollow(registryLocationFromEnvironment(source), env.REGISTRY_POLL_MS),
      usage: { enabled: env.USAGE_RECORDING === 'on' },
      cors: loadCorsConfig(source),
    },
    // API keys and the audit trail: their own database on PostgreSQL, a schema of the shared PGlite otherwise.
    accessDatabase: { databaseUrl: databaseUrlFor('access', env.ACCESS_DATABASE_URL, env.DATABASE_URL), dataDir: `${env.DATA_DIR}/graph` } as DatabaseLocation,
    databaseFor: (name: SubgraphName): DatabaseLocation => ({
      databaseUrl: databaseUrlFor(name, ownUrls[name], env.DATABASE_URL),
      dataDir: `${env.DATA_DIR}/graph`,
    }),
  };
}
