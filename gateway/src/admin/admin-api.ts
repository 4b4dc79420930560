import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { badUserInput, forbidden, notFound, scopeCatalogue, uuidPattern, type Logger, type Principal } from '@movement/runtime';
import type { AuditLog } from '../access/audit-log';
import type { ApiKey, ApiKeyStore } from '../auth/api-keys';
import { keyExpiry, keyScopeProblems } from '../auth/key-policy';
import { gatewayErrorFormatting } from '../error-format';
import { graphqlResponseStatus } from '../http/graphql-response';
import { introspectionOnlyFor, operationLimitsPlugin, type LimitsConfig } from '../limits';

/** One page of the graph's organisations, read through the public graph as `principal`. */
export type OrganizationPages = (
  principal: Principal,
  requestId: string,
  args: { type: string | null; first: number; after: string | null },
) => Promise<{ edges: Array<{ cursor: string; node: PartnerOrganization }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } }>;

/** An organisation as the admin API shows it. */
export interface PartnerOrganization {
  id: string;
  type: string;
  name: string;
  shortName: string;
  countryCode: string | null;
  parentId: string | null;
}

export interface AdminContext {
  principal: Principal;
  requestId: string;
  logger: Logger;
}

function need(principal: Principal, scope: string): void {
  if (!principal.scopes.includes(scope)) throw forbidden(`This needs the ${scope} scope.`);
}

const keyView = (key: ApiKey) => ({
  ...key,
  createdAt: key.createdAt.toISOString(),
  expiresAt: key.expiresAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

function optionalDate(value: string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badUserInput(field, 'must be an ISO 8601 date or timestamp');
  return date;
}

function pageSize(first: number | null | undefined, maximum: number, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > maximum) throw badUserInput('first', `must be between 1 and ${maximum}`);
  return size;
}

/** A key id is 16 hex digits; it is the cursor of the key in `keys`. */
const keyIdPattern = /^[0-9a-f]{16}$/;

function optionalUuid(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!uuidPattern.test(value)) throw badUserInput(field, 'must be a UUID');
  return value;
}

/**
 * The administration API's server; mounted by the gateway at `/admin/graphql`. It is held to the
 * same operation limits as the public graph, masks unexpected errors the same way, and only
 * admins may introspect it (its schema is nobody else's business).
 */
export function createAdminApi(options: {
  apiKeys: ApiKeyStore;
  auditLog: AuditLog;
  logger: Logger;
  limits: LimitsConfig;
  organizations: OrganizationPages;
}): ApolloServer<AdminContext> {
  const { apiKeys, auditLog, logger, organizations } = options;
  const errorFormatting = gatewayErrorFormatting<AdminContext>(logger);
  return new ApolloServer<AdminContext>({
    typeDefs: readFileSync(join(__dirname, '..', '..', 'admin.graphql'), 'utf8'),
    logger,
    formatError: errorFormatting.formatError,
    includeStacktraceInErrorResponses: false,
    // The process's own handler (runUntilSignal) drains and exits; Apollo's would re-raise SIGTERM mid-drain.
    stopOnTerminationSignals: false,
    // Whether a caller may introspect is the guard's decision (admins only), in every mode.
    introspection: true,
    plugins: [
      // The same statuses as the graph's endpoint, so one client handles both alike.
      graphqlResponseStatus(),
      ...errorFormatting.plugins,
      operationLimitsPlugin(options.limits),
      introspectionOnlyFor<AdminContext>((principal) => principal?.kind === 'admin', 'Introspection of the admin API is for admins.'),
      ApolloServerPluginLandingPageDisabled(),
    ],
    resolvers: {
      Query: {
        apiKeys: async (_: unknown, args: { partnerId?: string | null; includeRevoked?: boolean | null }, { principal }: AdminContext) => {
          need(principal, 'keys:admin');
          return (await apiKeys.list({ partnerId: optionalUuid(args.partnerId, 'partnerId'), includeRevoked: args.includeRevoked ?? false })).map(keyView);
        },
        keys: async (
          _: unknown,
          args: { partnerId?: string | null; includeRevoked?: boolean | null; first?: number | null; after?: string | null },
          { principal }: AdminContext,
        ) => {
          need(principal, 'keys:admin');
          const first = pageSize(args.first, 100, 20);
          if (args.after !== null && args.after !== undefined && !keyIdPattern.test(args.after)) throw badUserInput('after', 'is not a cursor of this list');
          const keys = await apiKeys.page({
            partnerId: optionalUuid(args.partnerId, 'partnerId'),
            includeRevoked: args.includeRevoked ?? false,
            afterId: args.after ?? null,
            limit: first + 1,
          });
          const page = keys.slice(0, first);
          return {
            edges: page.map((key) => ({ cursor: key.id, node: keyView(key) })),
            pageInfo: { endCursor: page.at(-1)?.id ?? null, hasNextPage: keys.length > first },
          };
        },
        organizations: async (
          _: unknown,
          args: { type?: string | null; first?: number | null; after?: string | null },
          { principal, requestId }: AdminContext,
        ) => {
          need(principal, 'keys:admin');
          return organizations(principal, requestId, { type: args.type ?? null, first: pageSize(args.first, 100, 20), after: args.after ?? null });
        },
        auditEntries: async (
          _: unknown,
          args: { personId?: string | null; partnerId?: string | null; from?: string | null; to?: string | null; first?: number | null; after?: string | null },
          { principal }: AdminContext,
        ) => {
          need(principal, 'audit:read');
          const first = args.first ?? 50;
          if (!Number.isInteger(first) || first < 1 || first > 500) throw badUserInput('first', 'must be between 1 and 500');
          if (args.after !== null && args.after !== undefined && !/^\d{1,19}$/.test(args.after)) throw badUserInput('after', 'is not a cursor of this list');
          const entries = await auditLog.query({
            personId: optionalUuid(args.personId, 'personId'),
            partnerId: optionalUuid(args.partnerId, 'partnerId'),
            from: optionalDate(args.from, 'from'),
            to: optionalDate(args.to, 'to'),
            beforeId: args.after ?? null,
            limit: first + 1,
          });
          const page = entries.slice(0, first);
          return {
            edges: page.map((entry) => ({
              cursor: entry.id,
              node: { ...entry, at: entry.at.toISOString(), principalKind: entry.principalKind.toUpperCase() },
            })),
            pageInfo: { endCursor: page.at(-1)?.id ?? null, hasNextPage: entries.length > first },
          };
        },
        scopes: () => Object.entries(scopeCatalogue).map(([name, scope]) => ({ name, ...scope })),
      },
      Mutation: {
        issueApiKey: async (
          _: unknown,
          { input }: { input: { partnerId: string; name: string; scopes: string[]; expiresAt?: string | null; trustedDocumentsOnly?: boolean | null } },
          { principal }: AdminContext,
        ) => {
          need(principal, 'keys:admin');
          if (!uuidPattern.test(input.partnerId)) throw badUserInput('input.partnerId', 'must be an Organization id (UUID)');
          const name = input.name.trim();
          if (name.length < 1 || name.length > 200) throw badUserInput('input.name', 'must be 1 to 200 characters');
          const problems = keyScopeProblems(input.scopes, principal);
          if (problems.length > 0) throw badUserInput('input.scopes', problems.join('; '));
          let expiresAt: Date | null = null;
          if (input.expiresAt !== null && input.expiresAt !== undefined) {
            const expiry = keyExpiry(input.expiresAt);
            if ('problem' in expiry) throw badUserInput('input.expiresAt', expiry.problem);
            expiresAt = expiry.expiresAt;
          }
          const issued = await apiKeys.issue({
            partnerId: input.partnerId,
            name,
            scopes: [...new Set(input.scopes)],
            createdBy: principal.subject,
            expiresAt,
            trustedDocumentsOnly: input.trustedDocumentsOnly ?? false,
          });
          logger.info({ keyId: issued.key.id, partnerId: issued.key.partnerId, by: principal.subject, expiresAt }, 'api key issued');
          return { key: keyView(issued.key), secret: issued.secret };
        },
        revokeApiKey: async (_: unknown, { id }: { id: string }, { principal }: AdminContext) => {
          need(principal, 'keys:admin');
          const revoked = await apiKeys.revoke(id, principal.subject);
          if (!revoked) throw notFound('id', 'no such API key');
          logger.info({ keyId: id, by: principal.subject }, 'api key revoked');
          return keyView(revoked);
        },
      },
    },
  });
}
