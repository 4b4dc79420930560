import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { forbidden, type FieldAt } from '../errors';
import { canSeeRecord, type Principal } from './principal';

/**
 * The identity-only view of a person. A principal may reach a person through a record it may
 * see (a tracing request's enquirer or sought person, a detainee, a message's sender or
 * addressee, the beneficiary of assistance) although the person is not visible to it on their
 * own (neither recorded by nor shared with its partner). The record establishes who it is about
 * and no more: the caller sees the identity it needs to act on the record, and every other field
 * of the person (sex, birth date, status, nationality, vulnerabilities, places, their other
 * records, sharing, recorder, purpose, legal basis) is null with FORBIDDEN at its path.
 *
 * The view is enforced on the `Person` type of every subgraph that has one, by wrapping the
 * type's field resolvers, so a field added later is withheld until it is listed here.
 */

/**
 * The field in which the people subgraph tells the others its verdict: true when the caller sees
 * the person only through a record. It is `@inaccessible` (no client can ask for it); the other
 * subgraphs declare it `@external` and `@requires` it on their `Person` fields, so the gateway
 * fetches the verdict from the owner and hands it to them inside the signed request.
 */
export const identityOnlyField = 'identityOnly';

/** The fields of a person shown in the identity-only view. */
export const personIdentityFields: ReadonlySet<string> = new Set([
  'id',
  'givenName',
  'familyName',
  'patronymic',
  'fullName',
  'names',
  'birthYear',
  // Whether the person is a child follows from the birth year for everyone but those born exactly
  // 18 years ago, and a partner acting on a record about a child must know it is one (children
  // call for particular care in every record): it is shown. The birth date itself is not.
  'isMinor',
  identityOnlyField,
]);

/** Whether the object being resolved is to be shown in the identity-only view. */
export type IdentityOnlyTest<Context> = (source: unknown, context: Context) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isOwnedRow = (value: unknown): value is { recordedById: string; sharedWithIds: string[] } =>
  isRecord(value) && typeof value.recordedById === 'string' && Array.isArray(value.sharedWithIds);

/**
 * The owner's test: the row carries its recorder and sharing, so the visibility rule decides,
 * whichever loader produced the row. A row without them cannot be shown in full.
 */
export const notVisibleOnItsOwn: IdentityOnlyTest<{ principal: Principal }> = (source, context) =>
  !isOwnedRow(source) || !canSeeRecord(context.principal, source);

/**
 * The test of a subgraph that only adds fields to `Person`: it cannot tell who may see the
 * person, so it follows the owner's verdict in the entity representation. A representation
 * without the verdict gets the identity-only view: failing closed.
 */
export const ownersVerdict: IdentityOnlyTest<unknown> = (source) => !(isRecord(source) && source[identityOnlyField] === false);

/** The refusal of a field withheld by the identity-only view. */
export function withheldByIdentityView(typeName: string, fieldName: string, at?: FieldAt) {
  return forbidden(
    `${typeName}.${fieldName} is withheld: the caller sees this person only through a record about them, which shows who they are (names and birth year) and nothing else.`,
    { coordinate: `${typeName}.${fieldName}` },
    at,
  );
}

/**
 * Wraps every field of `typeName` outside the identity fields: for an object the test puts in
 * the identity-only view, the field is refused (FORBIDDEN, null at its path) before its resolver
 * runs, so nothing is read, loaded or audited for it. Apply it last, so it runs first.
 */
export function enforceIdentityView<Context>(schema: GraphQLSchema, typeName: string, isIdentityOnly: IdentityOnlyTest<Context>): GraphQLSchema {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return schema;
  for (const field of Object.values(type.getFields())) {
    if (personIdentityFields.has(field.name)) continue;
    const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: Context, info) => {
      if (isIdentityOnly(source, context)) throw withheldByIdentityView(typeName, field.name, info);
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
