import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import { isInterfaceType, isObjectType, printSchema, type GraphQLSchema } from 'graphql';
import { satisfies, type AccessRules } from '@movement/runtime';

/** The scope that shows the whole API schema, whatever else the principal may read. */
export const WHOLE_SCHEMA_SCOPE = 'schema:introspect';

/** The schema as one scope set sees it, and its SDL (printed on first use: most callers only introspect). */
export interface VisibleSchema {
  schema: GraphQLSchema;
  sdl(): string;
}

const visible = (schema: GraphQLSchema): VisibleSchema => {
  let sdl: string | undefined;
  return { schema, sdl: () => (sdl ??= printSchema(schema)) };
};

/**
 * The API schema as each scope set sees it: a contract computed from the same `@requiresScopes`
 * rules the gateway enforces on operations, so the docs, autocompletion and generated clients of
 * a partner show only what its requests can return. A field goes when the principal may not read
 * it (its own rule, its type's or its return type's); a type goes when none of its fields is left;
 * then whatever nothing reaches any more (arguments' input types, enums) goes too.
 * `schema:introspect` keeps the whole schema. Built once per scope set and kept while this API
 * schema serves; a reload makes a new `VisibleSchemas`.
 */
export class VisibleSchemas {
  private readonly byScopes = new Map<string, VisibleSchema>();
  private readonly whole: VisibleSchema;

  constructor(
    private readonly apiSchema: GraphQLSchema,
    private readonly rules: AccessRules,
  ) {
    this.whole = visible(apiSchema);
  }

  for(scopes: readonly string[]): VisibleSchema {
    if (scopes.includes(WHOLE_SCHEMA_SCOPE)) return this.whole;
    const key = [...new Set(scopes)].sort().join(' ');
    let found = this.byScopes.get(key);
    if (!found) {
      found = visible(this.filter(scopes));
      this.byScopes.set(key, found);
    }
    return found;
  }

  private filter(scopes: readonly string[]): GraphQLSchema {
    const readable = (typeName: string, fieldName: string) => satisfies(scopes, this.rules.requirements(typeName, fieldName));
    const hiddenTypes = new Set<string>();
    for (const type of Object.values(this.apiSchema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      if (!Object.keys(type.getFields()).some((fieldName) => readable(type.name, fieldName))) hiddenTypes.add(type.name);
    }
    const filtered = filterSchema({
      schema: this.apiSchema,
      // A root type left without fields goes too (a read-only key has no Mutation type).
      typeFilter: (typeName) => !hiddenTypes.has(typeName),
      rootFieldFilter: (operation, fieldName) => readable(operation, fieldName),
      objectFieldFilter: (typeName, fieldName) => readable(typeName, fieldName),
      interfaceFieldFilter: (typeName, fieldName) => readable(typeName, fieldName),
    });
    return pruneSchema(filtered);
  }
}
