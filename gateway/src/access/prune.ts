import { Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { satisfies, type AccessRules, type Principal } from '@movement/runtime';

/** Stands in for a selection set that pruning emptied, so the document stays valid; removed from answers. */
export const placeholderAlias = '__accessPlaceholder';

const placeholder: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: placeholderAlias },
  name: { kind: Kind.NAME, value: '__typename' },
};

/** Decides, for one principal, whether `Type.field` may be read. */
export function fieldGate(rules: AccessRules, principal: Principal): (typeName: string, fieldName: string) => boolean {
  const decided = new Map<string, boolean>();
  return (typeName, fieldName) => {
    if (fieldName.startsWith('__')) return true;
    const key = `${typeName}.${fieldName}`;
    let allowed = decided.get(key);
    if (allowed === undefined) {
      allowed = satisfies(principal.scopes, rules.requirements(typeName, fieldName));
      decided.set(key, allowed);
    }
    return allowed;
  };
}

/**
 * The operation without the fields the principal may not read (in the operation and in every
 * fragment), or null when nothing is removed. A selection set left empty gets a placeholder.
 */
export function pruneDocument(schema: GraphQLSchema, document: DocumentNode, allowed: (typeName: string, fieldName: string) => boolean): DocumentNode | null {
  let removed = false;
  const typeInfo = new TypeInfo(schema);
  const pruned = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const parent = typeInfo.getParentType();
          if (parent && !allowed(parent.name, node.name.value)) {
            removed = true;
            return null;
          }
          return undefined;
        },
      },
      SelectionSet: {
        leave(node): SelectionSetNode | undefined {
          return node.selections.length === 0 ? { ...node, selections: [placeholder] } : undefined;
        },
      },
    }),
  );
  return removed ? pruned : null;
}
