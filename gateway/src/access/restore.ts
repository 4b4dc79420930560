import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  OperationTypeNode,
  getDirectiveValues,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { describeMissing, graphError, type AccessRules, type Principal } from '@movement/runtime';
import { placeholderAlias } from './prune';

type Path = Array<string | number>;
type JsonObject = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  allowed: (typeName: string, fieldName: string) => boolean;
  forbidden: (typeName: string, fieldName: string, path: Path) => GraphQLError;
  errors: GraphQLError[];
  /** The flattened fields of each selection set, collected once for all the objects it applies to. */
  fields: Map<SelectionSetNode, FieldNode[]>;
}

/**
 * Puts back, as `null` with a FORBIDDEN error at its path, every field pruning removed, walking
 * the client's own operation over the answer; drops the placeholders. A removed non-null field
 * nulls its parent, as GraphQL's null propagation would. Returns the data to answer with.
 */
export function restoreForbidden(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown>,
  rules: AccessRules,
  principal: Principal,
  allowed: (typeName: string, fieldName: string) => boolean,
  data: JsonObject | null | undefined,
): { data: JsonObject | null; errors: GraphQLError[] } {
  const walk: Walk = {
    schema,
    fragments: new Map(fragments.map((fragment) => [fragment.name.value, fragment])),
    variables,
    allowed,
    forbidden: (typeName, fieldName, path) =>
      graphError(
        'FORBIDDEN',
        `Forbidden: ${typeName}.${fieldName} requires ${describeMissing(principal.scopes, rules.requirements(typeName, fieldName))}.`,
        { coordinate: `${typeName}.${fieldName}` },
        path,
      ),
    errors: [],
    fields: new Map(),
  };
  const rootType =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  // When execution already nulled the whole answer, only the errors are added.
  const root: JsonObject = data ?? {};
  const nullRoot = rootType ? restoreObject(walk, operation.selectionSet, rootType.name, root, []) : false;
  return { data: nullRoot || !data ? null : root, errors: walk.errors };
}

function included(walk: Walk, node: FieldNode | SelectionSetNode['selections'][number]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if === false) return false;
  return true;
}

/** The fields of a selection set, fragments flattened (the graph has no abstract types to tell apart). */
function fieldsOf(walk: Walk, selectionSet: SelectionSetNode, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(walk, selection.selectionSet, into);
    else {
      const fragment = walk.fragments.get(selection.name.value);
      if (fragment) fieldsOf(walk, fragment.selectionSet, into);
    }
  }
  return into;
}

/** Returns true when the object itself must become null (a non-null field in it was removed). */
function restoreObject(walk: Walk, selectionSet: SelectionSetNode, typeName: string, object: JsonObject, path: Path): boolean {
  const type = walk.schema.getType(typeName);
  if (!isObjectType(type)) return false;
  let nullSelf = false;
  let fields = walk.fields.get(selectionSet);
  if (!fields) walk.fields.set(selectionSet, (fields = fieldsOf(walk, selectionSet)));
  for (const field of fields) {
    const name = field.name.value;
    const key = field.alias?.value ?? name;
    if (name.startsWith('__')) continue;
    const definition = type.getFields()[name];
    if (!definition) continue;
    if (!walk.allowed(typeName, name)) {
      walk.errors.push(walk.forbidden(typeName, name, [...path, key]));
      if (isNonNullType(definition.type)) nullSelf = true;
      else object[key] = null;
      continue;
    }
    const value = object[key];
    if (!field.selectionSet || value === null || value === undefined) continue;
    if (restoreValue(walk, field.selectionSet, definition.type, value, [...path, key])) {
      if (isNonNullType(definition.type)) nullSelf = true;
      else object[key] = null;
    }
  }
  delete object[placeholderAlias];
  return nullSelf;
}

function restoreValue(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLOutputType, value: unknown, path: Path): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return false;
    let nullList = false;
    value.forEach((item, index) => {
      if (item === null || item === undefined) return;
      if (restoreValue(walk, selectionSet, inner.ofType, item, [...path, index])) {
        if (isNonNullType(inner.ofType)) nullList = true;
        else value[index] = null;
      }
    });
    return nullList;
  }
  if (typeof value !== 'object' || value === null) return false;
  return restoreObject(walk, selectionSet, getNamedType(inner).name, value as JsonObject, path);
}
