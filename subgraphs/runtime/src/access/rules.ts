import { Kind, type ConstDirectiveNode, type ConstValueNode, type DocumentNode, type TypeNode } from 'graphql';
import { accessDirectiveNames, type AccessDirectiveNames } from './directive-names';
import { sensitiveScopes } from './scopes';

/**
 * One `@requiresScopes(scopes: [[…]])`: satisfied when the principal holds every scope of at
 * least one inner list (an OR of ANDs, as Federation defines it).
 */
export type ScopeRequirement = string[][];

/** What one type or field states itself: its `@requiresScopes` lists and whether it is `@authenticated`. */
export interface OwnRule {
  requirements: ScopeRequirement[];
  authenticated: boolean;
}

/**
 * The access rules of a schema, read from Federation's `@requiresScopes` and `@authenticated`
 * (in a subgraph's SDL or in the supergraph, whatever the `@link`s name them). A field's
 * requirements are its own, its parent type's and its return type's: a type-level rule protects
 * every field of the type and every field that leads to it (Apollo Router reads a type's rule on
 * the fields returning it, Hive Gateway on the type's own fields; this reads both).
 *
 * Every principal these rules are checked against has authenticated: anonymous requests are
 * answered 401 before any field is looked at. So `@authenticated` holds for all of them here; it
 * is read for the engines that admit anonymous requests, and for `check`.
 */
export class AccessRules {
  private readonly own = new Map<string, OwnRule>();
  private readonly returnTypes = new Map<string, string>();
  private readonly fieldsByType = new Map<string, Set<string>>();
  /** Requirements per coordinate, worked out once: the gateway asks for every field of every request. */
  private readonly resolved = new Map<string, ScopeRequirement[]>();

  private constructor(private readonly names: AccessDirectiveNames) {}

  static fromDocument(document: DocumentNode): AccessRules {
    const rules = new AccessRules(accessDirectiveNames(document));
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
      rules.add(typeName, definition.directives);
      const fields = rules.fieldsByType.get(typeName) ?? new Set<string>();
      rules.fieldsByType.set(typeName, fields);
      for (const field of definition.fields ?? []) {
        const coordinate = `${typeName}.${field.name.value}`;
        fields.add(field.name.value);
        rules.returnTypes.set(coordinate, namedType(field.type));
        rules.add(coordinate, field.directives);
      }
    }
    return rules;
  }

  /** Whether the document links the specs of `@requiresScopes` or `@authenticated`, as a supergraph with access rules does. */
  get linksAccessSpecs(): boolean {
    return this.names.linksAccessSpecs;
  }

  /** Every scope requirement the principal must satisfy to read `typeName.fieldName`; empty when it needs none. */
  requirements(typeName: string, fieldName: string): ScopeRequirement[] {
    const coordinate = `${typeName}.${fieldName}`;
    let requirements = this.resolved.get(coordinate);
    if (!requirements) {
      const returnType = this.returnTypes.get(coordinate);
      requirements = [
        ...(this.own.get(typeName)?.requirements ?? []),
        ...(this.own.get(coordinate)?.requirements ?? []),
        ...(returnType && returnType !== typeName ? (this.own.get(returnType)?.requirements ?? []) : []),
      ];
      this.resolved.set(coordinate, requirements);
    }
    return requirements;
  }

  /** Whether reading `typeName.fieldName` needs an authenticated principal: `@authenticated` or any scope on the way. */
  requiresAuthentication(typeName: string, fieldName: string): boolean {
    const coordinate = `${typeName}.${fieldName}`;
    const returnType = this.returnTypes.get(coordinate);
    return (
      this.requirements(typeName, fieldName).length > 0 ||
      [typeName, coordinate, returnType].some((key) => key !== undefined && this.own.get(key)?.authenticated === true)
    );
  }

  /** Every `Type.field` with at least one scope requirement, for the authorization matrix. */
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

  /** What each type (`Type`) and field (`Type.field`) carrying a directive states itself. */
  ownRules(): ReadonlyMap<string, OwnRule> {
    return this.own;
  }

  /** Whether the schema has this type (`Type`) or field (`Type.field`). */
  defines(typeOrCoordinate: string): boolean {
    return this.fieldsByType.has(typeOrCoordinate) || this.returnTypes.has(typeOrCoordinate);
  }

  /** The type `Type.field` returns (its named type), when the field is known. */
  returnType(typeName: string, fieldName: string): string | undefined {
    return this.returnTypes.get(`${typeName}.${fieldName}`);
  }

  /** Every scope the directives name. */
  scopesNamed(): Set<string> {
    const named = new Set<string>();
    for (const { requirements } of this.own.values()) {
      for (const requirement of requirements) for (const alternative of requirement) for (const scope of alternative) named.add(scope);
    }
    return named;
  }

  private add(key: string, directives: readonly ConstDirectiveNode[] | undefined): void {
    for (const directive of directives ?? []) {
      const name = directive.name.value;
      if (name !== this.names.requiresScopes && name !== this.names.authenticated) continue;
      const rule = this.own.get(key) ?? { requirements: [], authenticated: false };
      if (name === this.names.authenticated) rule.authenticated = true;
      else rule.requirements.push(scopesArgument(directive, key));
      this.own.set(key, rule);
    }
  }
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * The `scopes` argument as GraphQL coerces it: a single value where a list is expected is a list
 * of that one value, so `scopes: "a"` reads as `[["a"]]`, as every engine reads it.
 */
function scopesArgument(directive: ConstDirectiveNode, where: string): ScopeRequirement {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'scopes');
  const fail = () => new Error(`@requiresScopes on ${where}: scopes must be a list of lists of scope names`);
  const list = (value: ConstValueNode): readonly ConstValueNode[] => (value.kind === Kind.LIST ? value.values : [value]);
  if (!argument) throw fail();
  return list(argument.value).map((inner) =>
    list(inner).map((value) => {
      if (value.kind !== Kind.STRING) throw fail();
      return value.value;
    }),
  );
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

/**
 * The requirements as one OR of ANDs: the smallest scope sets that satisfy all of them. None at
 * all is `[[]]` (the empty set satisfies it); one that nobody can satisfy is `[]`.
 */
export function alternativesOf(requirements: readonly ScopeRequirement[]): string[][] {
  const product = requirements.reduce<string[][]>(
    (sets, requirement) => sets.flatMap((set) => requirement.map((alternative) => [...new Set([...set, ...alternative])].sort())),
    [[]],
  );
  // A set that contains another adds nothing: whoever holds it holds the smaller one.
  return product.filter(
    (set, index) =>
      !product.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          other.length <= set.length &&
          other.every((scope) => set.includes(scope)) &&
          (other.length < set.length || otherIndex < index),
      ),
  );
}

/** Whether every scope set that satisfies `stricter` also satisfies `weaker`. */
export function implies(stricter: readonly ScopeRequirement[], weaker: readonly ScopeRequirement[]): boolean {
  return alternativesOf(stricter).every((set) => satisfies(set, weaker));
}

/** Whether reading under these requirements touches a special category (and so is audited). */
export function isSensitive(requirements: readonly ScopeRequirement[]): boolean {
  return requirements.some((requirement) => requirement.some((alternative) => alternative.some((scope) => sensitiveScopes.has(scope))));
}
