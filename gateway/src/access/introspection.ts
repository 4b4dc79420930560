import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

const introspectionFields = new Set(['__schema', '__type']);

/**
 * The first introspection field (`__schema`, `__type`) and the first data field at the root of
 * the operation, through fragments; `__typename` is neither. Null where there is none.
 */
export function introspectionRoots(operation: OperationDefinitionNode, document: DocumentNode): { introspects: string | null; other: string | null } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found: { introspects: string | null; other: string | null } = { introspects: null, other: null };
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (introspectionFields.has(name)) found.introspects ??= name;
        else if (name !== '__typename') found.other ??= name;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return found;
}
