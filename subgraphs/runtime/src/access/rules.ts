import { Kind, type ConstDirectiveNode, type DocumentNode, type TypeNode } from 'graphql';
import { sensitiveScopes } from './scopes';

/** The project's access directive, as every subgraph declares it. */
export const accessDirectiveName = 'access';
export const accessSpecUrl = 'https://specs.movement-graph.org/access/v1.0';

/**
 * One `@access(scopes: [[…]])`: satisfied when the principal holds every scope of at least one
 * inner list (the same reading as Federation's `@requiresScopes`).
 */
export type ScopeRequirement = string[][];

/**
 * The access rules of a schema, read from its `@access` directives. A field's requirements are
 * its own directive, its parent type's and its return type's: a type-level rule protects every
 * field of the type and every field that leads to it.
 */
export class AccessRules {
  private readonly typeRules = new Map<string, ScopeRequirement[]>();
  private readonly fieldRules = new Map<string, ScopeRequirement[]>();
  private readonly returnTypes = new Map<string, string>();
  private readonly fieldsByType = new Map<string, Set<string>>();
  /** Requirements per coordinate, worked out once: the gateway asks for every field of every request. */
  private readonly resolved = new Map<string, ScopeRequirement[]>();

  static fromDocument(document: DocumentNode): AccessRules {
    const rules = new AccessRules();
    for (const definition of document.definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
      ) {
        continue;
      }
      const typeName = definition.name.value;
      rules.add(rules.typeRules, typeName, definition.directives);
      const fields = rules.fieldsByType.get(typeName) ?? new Set<string>();
      rules.fieldsByType.set(typeName, fields);
      for (const field of definition.fields ?? []) {
        const coordinate = `${typeName}.${field.name.value}`;
        fields.add(field.name.value);
        rules.returnTypes.set(coordinate, namedType(field.type));
        rules.add(rules.fieldRules, coordinate, field.directives);
      }
    }
    return rules;
  }

  /** Everything the principal must satisfy to read `typeName.fieldName`; empty when unprotected. */
  requirements(typeName: string, fieldName: string): ScopeRequirement[] {
    const coordinate = `${typeName}.${fieldName}`;
    let requirements = this.resolved.get(coordinate);
    if (!requirements) {
      const returnType = this.returnTypes.get(coordinate);
      requirements = [
        ...(this.typeRules.get(typeName) ?? []),
        ...(this.fieldRules.get(coordinate) ?? []),
        ...(returnType && returnType !== typeName ? (this.typeRules.get(returnType) ?? []) : []),
      ];
      this.resolved.set(coordinate, requirements);
    }
    return requirements;
  }

  /** Every `Type.field` with at least one requirement, for the authorization matrix. */
  protectedCoordinates(): Array<{ typeName: string; fieldName: string; requirements: ScopeRequirement[] }> {
    const result: Array<{ typeName: string; fieldName: string; requirements: ScopeRequirement[] }> = [];
    for (const [typeName, fields] of this.fieldsByType) {
      for (const fieldName of fields) {
        const requirements = this.requirements(typeName, fieldName);
        if (requirements.length > 0) result.push({ typeName, fieldName, requirements });
      }
    }
    return result;
  }

  /** Every scope the directives name. */
  scopesNamed(): Set<string> {
    const named = new Set<string>();
    for (const requirements of [...this.typeRules.values(), ...this.fieldRules.values()]) {
      for (const requirement of requirements) for (const alternative of requirement) for (const scope of alternative) named.add(scope);
    }
    return named;
  }

  private add(target: Map<string, ScopeRequirement[]>, key: string, directives: readonly ConstDirectiveNode[] | undefined): void {
    for (const directive of directives ?? []) {
      if (directive.name.value !== accessDirectiveName) continue;
      const requirement = scopesArgument(directive, key);
      target.set(key, [...(target.get(key) ?? []), requirement]);
    }
  }
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function scopesArgument(directive: ConstDirectiveNode, where: string): ScopeRequirement {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'scopes');
  const fail = () => new Error(`@access on ${where}: scopes must be a list of lists of scope names`);
  if (!argument || argument.value.kind !== Kind.LIST) throw fail();
  return argument.value.values.map((inner) => {
    if (inner.kind !== Kind.LIST) throw fail();
    return inner.values.map((value) => {
      if (value.kind !== Kind.STRING) throw fail();
      return value.value;
    });
  });
}

/** Whether `scopes` satisfy every requirement. */
export function satisfies(scopes: readonly string[], requirements: readonly ScopeRequirement[]): boolean {
  return requirements.every((requirement) => requirement.some((alternative) => alternative.every((scope) => scopes.includes(scope))));
}

/** The requirements a principal misses, written for an error message: `people:read and detention:read`. */
export function describeMissing(scopes: readonly string[], requirements: readonly ScopeRequirement[]): string {
  return requirements
    .filter((requirement) => !requirement.some((alternative) => alternative.every((scope) => scopes.includes(scope))))
    .map((requirement) => requirement.map((alternative) => alternative.join(' + ')).join(' or '))
    .join(' and ');
}

/** Whether reading under these requirements touches a special category (and so is audited). */
export function isSensitive(requirements: readonly ScopeRequirement[]): boolean {
  return requirements.some((requirement) => requirement.some((alternative) => alternative.some((scope) => sensitiveScopes.has(scope))));
}
