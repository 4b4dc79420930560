import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { forbidden } from '../errors';
import type { AuditBuffer, PersonsOfRecord } from './audit';
import type { Principal } from './principal';
import { describeMissing, isSensitive, satisfies, type AccessRules } from './rules';

/** What the wrapped resolvers need from the context. */
interface AccessContext {
  principal: Principal;
  audit: AuditBuffer;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Defence in depth: the subgraph enforces the `@requiresScopes` rules of its own SDL whatever the gateway did.
 * Every protected field's resolver refuses a principal that lacks the scopes (FORBIDDEN: the
 * field is null, the rest of the answer stands), and a sensitive field that yields a value is
 * recorded in the request's audit buffer with the record and the people it is about.
 */
export function enforceAccess(schema: GraphQLSchema, rules: AccessRules, personsOf: PersonsOfRecord): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const requirements = rules.requirements(type.name, field.name);
      if (requirements.length === 0) continue;
      const audited = isSensitive(requirements);
      const resolve: GraphQLFieldResolver<unknown, AccessContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: AccessContext, info) => {
        if (!satisfies(context.principal.scopes, requirements)) {
          throw forbidden(
            `${type.name}.${field.name} requires ${describeMissing(context.principal.scopes, requirements)}.`,
            { coordinate: `${type.name}.${field.name}` },
            info,
          );
        }
        const value = resolve(source, args, context, info);
        if (!audited || !isRecord(source) || typeof source.id !== 'string') return value;
        const record = (resolved: unknown) => {
          if (resolved !== null && resolved !== undefined) {
            context.audit.record({ recordType: type.name, recordId: source.id as string, field: field.name, personIds: personsOf(type.name, source) });
          }
          return resolved;
        };
        return value instanceof Promise ? value.then(record) : record(value);
      };
    }
  }
  return schema;
}
