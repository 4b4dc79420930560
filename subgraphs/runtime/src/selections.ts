import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The arguments of every field at `path` below the field being resolved (`['edges', 'node',
 * 'tracingRequests']` under a connection), through inline fragments and named fragment spreads,
 * once per distinct field node: what a list's resolver needs to read a relation of its rows in
 * the same statement as the rows. `@skip` and `@include` are not evaluated: a field they leave
 * out is still named, so a caller may read what is then not asked for, never miss what is.
 * Arguments that do not coerce (a wrong type) leave that field out: its own resolver reports it.
 */
export function argumentsAt(info: GraphQLResolveInfo, path: readonly string[]): Array<Record<string, unknown>> {
  let nodes: FieldNode[] = [...info.fieldNodes];
  let type = getNamedType(info.returnType);
  for (const [index, name] of path.entries()) {
    if (!isObjectType(type)) return [];
    const field = type.getFields()[name];
    if (!field) return [];
    const found: FieldNode[] = [];
    for (const node of nodes) if (node.selectionSet) collectFields(node.selectionSet, name, info, found);
    nodes = found;
    if (index === path.length - 1) {
      const args: Array<Record<string, unknown>> = [];
      for (const node of nodes) {
        try {
          args.push(getArgumentValues(field, node, info.variableValues));
        } catch {
          // Not coercible: the field's own resolver answers with the error at its path.
        }
      }
      return args;
    }
    type = getNamedType(field.type);
  }
  return [];
}

/** The fields named `name` in a selection set, through its fragments. */
function collectFields(selectionSet: SelectionSetNode, name: string, info: GraphQLResolveInfo, found: FieldNode[], seen = new Set<string>()): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name && !found.includes(selection)) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(selection.selectionSet, name, info, found, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment) collectFields(fragment.selectionSet, name, info, found, seen);
    }
  }
}
