import { isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { syntheticId } from '@movement/runtime/demo';

/** Values for arguments by name, for those that must point at data; the others are made up. */
export type KnownArguments = Record<string, () => string>;

/**
 * The required arguments of a field as GraphQL literals, `(id: "…", input: { … })`, or '' when it
 * has none. A known name takes its value; any other is well-formed but points nowhere (ids and
 * strings are UUIDs under `label` that no record has), so a permitted mutation fails its own
 * validation and never writes.
 */
export function requiredArguments(args: readonly GraphQLArgument[], known: KnownArguments, label: string): string {
  const required = args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length === 0) return '';
  return `(${required.map((arg) => `${arg.name}: ${sample(arg.name, arg.type, known, label)}`).join(', ')})`;
}

function sample(name: string, type: GraphQLInputType, known: KnownArguments, label: string): string {
  const value = known[name];
  if (value) return value();
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return '[]';
  if (isEnumType(inner)) return inner.getValues()[0].name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${fields.map((field) => `${field.name}: ${sample(field.name, field.type, known, label)}`).join(', ')} }`;
  }
  if (inner.name === 'Int' || inner.name === 'Float') return '1';
  if (inner.name === 'Boolean') return 'false';
  return `"${syntheticId(label, name)}"`;
}
