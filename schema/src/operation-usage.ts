import { createHash } from 'node:crypto';
import {
  Kind,
  TypeInfo,
  getNamedType,
  isEnumType,
  isInputObjectType,
  typeFromAST,
  print,
  separateOperations,
  stripIgnoredCharacters,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Schema coordinates an operation touches: `Type.field` for every field selected,
 * `Type.field(argument:)` for every argument given, `Input.field` for input fields written and
 * `Enum.VALUE` for enum literals. These are the keys `check` and `usage` match changes against.
 *
 * Values passed as variables are not in the document, so for each variable the operation records
 * what any value of its type may carry: the input type's every field (recursively), and each
 * enum type it can reach as `Enum` (a removed value of it may be among the values sent).
 */
export function coordinatesOf(schema: GraphQLSchema, document: DocumentNode): string[] {
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const reached = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type) recordReachable(getNamedType(type), found, reached);
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) found.add(`${parent.name}.${node.name.value}`);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field && typeInfo.getArgument()) found.add(`${parent.name}.${field.name}(${node.name.value}:)`);
      },
      ObjectField(node) {
        const input = typeInfo.getParentInputType();
        const named = input ? getNamedType(input) : undefined;
        if (named) found.add(`${named.name}.${node.name.value}`);
      },
      EnumValue(node) {
        const input = typeInfo.getInputType();
        const named = input ? getNamedType(input) : undefined;
        if (named && isEnumType(named)) found.add(`${named.name}.${node.value}`);
      },
    }),
  );
  return [...found].sort();
}

/** Every input field (`Input.field`) and enum type (`Enum`) a variable of `type` can carry; each type visited once. */
function recordReachable(type: GraphQLNamedType, found: Set<string>, reached: Set<string>): void {
  if (reached.has(type.name)) return;
  reached.add(type.name);
  if (isEnumType(type)) found.add(type.name);
  if (!isInputObjectType(type)) return;
  for (const field of Object.values(type.getFields())) {
    found.add(`${type.name}.${field.name}`);
    recordReachable(getNamedType(field.type), found, reached);
  }
}

/**
 * A normalised signature: literals hidden (they may carry personal data and make every call
 * distinct), aliases dropped, whitespace stripped, only the executed operation kept. Two calls
 * that differ only by values or formatting share a signature.
 */
export function operationSignature(document: DocumentNode, operationName?: string | null): string {
  const hidden = visit(executedOperation(document, operationName), {
    IntValue: () => ({ kind: Kind.INT, value: '0' }),
    FloatValue: () => ({ kind: Kind.FLOAT, value: '0' }),
    StringValue: () => ({ kind: Kind.STRING, value: '' }),
    ListValue: () => ({ kind: Kind.LIST, values: [] }),
    ObjectValue: () => ({ kind: Kind.OBJECT, fields: [] }),
    Field: (node) => (node.alias ? { ...node, alias: undefined } : undefined),
  });
  return stripIgnoredCharacters(print(hidden));
}

export const signatureHash = (signature: string): string => createHash('sha256').update(signature).digest('hex');

/** `Type.field` and the argument coordinates under it, for matching a `--field` question. */
export function coordinatesUnder(coordinate: string): (candidate: string) => boolean {
  return (candidate) => candidate === coordinate || candidate.startsWith(`${coordinate}(`);
}

/** The executed operation alone (with the fragments it spreads), so coordinates are not mixed with siblings'. */
export function executedOperation(document: DocumentNode, operationName?: string | null): DocumentNode {
  if (!operationName) return document;
  return separateOperations(document)[operationName] ?? document;
}
