import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formattedError } from './errors';
import type { Logger } from './logger';
import { traceIds } from './telemetry/spans';

/** What the partner reads instead of an unexpected failure's own message. */
export const internalErrorMessage = 'Internal server error';

/** Postgres' "invalid text representation": a value that does not parse as its column's type. */
const invalidTextRepresentation = '22P02';

/**
 * Failures that say the database was too busy, not that the request was wrong: Prisma found no free
 * connection (P2024) or could not start or finish a transaction in time (P2028), or Postgres
 * aborted a transaction for a write conflict, deadlock or lock timeout (P2034, 40001, 40P01,
 * 55P03). Each rolls back whole, so the caller may simply retry.
 */
const busyPrismaCodes = new Set(['P2024', 'P2028', 'P2034']);
const busyPostgresCodes = new Set(['40001', '40P01', '55P03']);

export function isDatabaseBusy(error: unknown): boolean {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && busyPrismaCodes.has(code)) return true;
  const sqlState = postgresCode(error);
  return sqlState !== undefined && busyPostgresCodes.has(sqlState);
}

const unavailablePostgresCodes = new Set(['57P01', '57P02', '57P03']);
const unavailableErrorCodes = new Set([
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const unavailableAdapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
// pg and PGlite say these in words only, without a code.
const unavailableMessage = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|PGlite is closed/i;

/**
 * Failures that say the database is gone for the moment, not that the request was wrong: the
 * server shutting down or restarting (57P01–57P03), a connection refused, reset or closed (class
 * 08, socket errors, Prisma's P1001/P1002/P1008/P1017 and its adapters' kinds), or an embedded
 * database already closed. The failed statement committed nothing, so the caller may retry once
 * the database is back.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const sqlState = postgresCode(error);
  if (sqlState !== undefined && (unavailablePostgresCodes.has(sqlState) || sqlState.startsWith('08'))) return true;
  const candidate = error as { code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
  if (typeof candidate.code === 'string' && unavailableErrorCodes.has(candidate.code)) return true;
  if (typeof candidate.kind === 'string' && unavailableAdapterKinds.has(candidate.kind)) return true;
  if (typeof candidate.message === 'string' && unavailableMessage.test(candidate.message)) return true;
  return isDatabaseUnavailable(candidate.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(candidate.cause, depth + 1);
}

interface Masked {
  requestId: string | undefined;
  /** The request's trace, when it is traced: the operator's way from the answer to every service it touched. */
  traceId?: string;
  /** Set when the failure is bad input after all (a value Postgres could not read). */
  badInput?: { field: string; value: string | undefined };
  /** Set when the database was too busy; nothing was written and a retry may succeed. */
  busy?: boolean;
  /** Set when the database could not be reached; a retry may succeed once it is back. */
  unavailable?: boolean;
}

/**
 * The SQLSTATE of a database error, wherever the driver or Prisma put it: pg sets `code`, Prisma
 * wraps it in `meta` (raw queries) or in `meta.driverAdapterError.cause` (driver adapters), and
 * some layers keep the first error as `cause`.
 */
export function postgresCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const candidate = error as { code?: unknown; originalCode?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: unknown } }; cause?: unknown };
  for (const code of [candidate.originalCode, candidate.code, candidate.meta?.code]) {
    // Prisma's own codes (P1000–P6999) have the same shape; they say where, not what, failed.
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^P[1-6]\d{3}$/.test(code)) return code;
  }
  return postgresCode(candidate.meta?.driverAdapterError?.cause, depth + 1) ?? postgresCode(candidate.cause, depth + 1);
}

/** The value Postgres refused, from `invalid input syntax for type uuid: "abc"`. */
function refusedValue(error: unknown): string | undefined {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? '')}` : '';
  return /invalid input (?:syntax|value) for (?:type|enum) [\w".]+: \\?"((?:[^"\\]|\\.)*)\\?"/.exec(text)?.[1];
}

/** The dotted path of the variable holding `value`, e.g. `input.personId` or `ids.2`. */
function pathOf(value: string, within: unknown, path: string[] = []): string | undefined {
  if (within === value) return path.join('.');
  if (within && typeof within === 'object') {
    for (const [key, nested] of Object.entries(within)) {
      const found = pathOf(value, nested, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** An error the code meant to answer with (it carries its own code), rather than a failure. */
function isExpected(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  const code = (original instanceof GraphQLError ? original : error).extensions?.code;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
}

/**
 * Keeps unexpected failures (a database error, a bug: anything thrown without an error code) from
 * reaching partners with their own message, which can carry SQL, file paths or record values.
 * The original is logged with the request id; the partner gets "Internal server error" and that id
 * to quote. A value Postgres could not read (22P02) is the caller's mistake, so it is answered as
 * `BAD_USER_INPUT`, naming the variable that held it when one did; a busy database is
 * `DATABASE_BUSY` and an unreachable one `SERVICE_UNAVAILABLE`, both of which a client may retry.
 */
export function errorMasking<Context extends BaseContext & { requestId: string; logger: Logger }>(logger: Logger) {
  // The formatter sees the error but not the request; the plugin records what it needs per error.
  const masked = new WeakMap<GraphQLError, Masked>();

  /** Logs each unexpected failure of a request and records what its answer says instead. */
  const encountered = (errors: readonly GraphQLError[], contextValue: Context | undefined, request: { variables?: Record<string, unknown> }): void => {
    const requestId = (contextValue as Partial<Context> | undefined)?.requestId;
    const log = (contextValue as Partial<Context> | undefined)?.logger ?? logger;
    const { traceId } = traceIds();
    for (const error of errors) {
      if (isExpected(error)) continue;
      const original = unwrapResolverError(error);
      if (postgresCode(original) === invalidTextRepresentation) {
        const value = refusedValue(original);
        const field = (value !== undefined ? pathOf(value, request.variables ?? {}) : undefined) ?? String(error.path?.[error.path.length - 1] ?? 'input');
        masked.set(error, { requestId, traceId, badInput: { field, value } });
        log.info({ err: original, path: error.path, field }, 'database refused a value of the input');
        continue;
      }
      if (isDatabaseBusy(original)) {
        masked.set(error, { requestId, traceId, busy: true });
        log.warn({ err: original, path: error.path }, 'database busy; the change was rolled back');
        continue;
      }
      if (isDatabaseUnavailable(original)) {
        masked.set(error, { requestId, traceId, unavailable: true });
        log.warn({ err: original, path: error.path }, 'database unavailable');
        continue;
      }
      masked.set(error, { requestId, traceId });
      log.error({ err: original, path: error.path }, 'unexpected error');
    }
  };

  const plugin: ApolloServerPlugin<Context> = {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ errors, contextValue, request }) => encountered(errors, contextValue, request),
    }),
  };

  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const seen = error instanceof GraphQLError ? masked.get(error) : undefined;
    const base = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (seen?.badInput) {
      const { field, value } = seen.badInput;
      return {
        ...base,
        ...formattedError(
          'BAD_USER_INPUT',
          `${field}: ${value === undefined ? 'a value' : JSON.stringify(value)} is not valid here (an id must be a UUID, an enum one of its values).`,
          { field },
        ),
      };
    }
    const requestId = seen?.requestId;
    const ids = { ...(requestId ? { requestId } : {}), ...(seen?.traceId ? { traceId: seen.traceId } : {}) };
    if (seen?.busy) {
      return {
        ...base,
        ...formattedError('DATABASE_BUSY', `The database was busy and nothing was written; retry${requestId ? ` (request id ${requestId})` : ''}.`, ids),
      };
    }
    if (seen?.unavailable) {
      return {
        ...base,
        ...formattedError(
          'SERVICE_UNAVAILABLE',
          `The database is not available at the moment; retry shortly${requestId ? ` (request id ${requestId})` : ''}.`,
          ids,
        ),
      };
    }
    return {
      ...base,
      ...formattedError('INTERNAL_SERVER_ERROR', requestId ? `${internalErrorMessage} (request id ${requestId})` : internalErrorMessage, ids),
    };
  };

  return { plugin, formatError, encountered };
}
