import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { apiSchemaPath } from '@movement/schema';
import { everyPersonField } from './identity-view';

/**
 * The relations of the API schema that lead to records a partner owns, read from the schema so a
 * new one is found without anyone listing it.
 */
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));

function objectType(name: string): GraphQLObjectType {
  const type = api.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type of the API schema`);
  return type;
}

/** A type whose records say who recorded them and whom they are shared with: a partner owns each. */
export const ownedTypes = Object.values(api.getTypeMap())
  .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
  .filter((type) => 'recordedBy' in type.getFields() && 'sharedWith' in type.getFields())
  .map((type) => type.name)
  .sort();

/** The node type of a Relay connection, or null for any other type. */
function nodeOfConnection(type: GraphQLObjectType): GraphQLObjectType | null {
  const edges = type.getFields().edges;
  if (!type.name.endsWith('Connection') || !edges) return null;
  const node = (getNamedType(edges.type) as GraphQLObjectType).getFields().node;
  return node ? (getNamedType(node.type) as GraphQLObjectType) : null;
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

export interface Relation {
  /** `Parent.field`. */
  coordinate: string;
  parent: string;
  field: string;
  /** The owned type the field leads to. */
  target: string;
  /** A list or a page of them, rather than one. */
  many: boolean;
}

/** Where a field leads: its type, or the nodes of the connection it returns. */
function leadsTo(field: GraphQLField<unknown, unknown>): { type: GraphQLObjectType; many: boolean } | null {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return null;
  const node = nodeOfConnection(named);
  return node ? { type: node, many: true } : { type: named, many: isList(field.type) };
}

/**
 * Every field of every type that leads to an owned type, directly, in a list or through a
 * connection — except the root fields (the ownership matrix covers those) and the insides of
 * connections (part of the field returning the connection).
 */
export const relationsToOwnedTypes: Relation[] = Object.values(api.getTypeMap())
  .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
  .filter((type) => !['Query', 'Mutation', 'Subscription'].includes(type.name) && !type.name.endsWith('Edge') && !nodeOfConnection(type))
  .flatMap((type) =>
    Object.values(type.getFields()).flatMap((field) => {
      const to = leadsTo(field);
      return to && ownedTypes.includes(to.type.name)
        ? [{ coordinate: `${type.name}.${field.name}`, parent: type.name, field: field.name, target: to.type.name, many: to.many }]
        : [];
    }),
  )
  .sort((a, b) => a.coordinate.localeCompare(b.coordinate));

/**
 * The operation that reaches `field` from the root field `root` (with its arguments) through
 * `via`, each object on the way giving its `id`, and asks the target for every field when it is a
 * person, its `id` otherwise. Connections are walked through their nodes (a page of 100).
 */
export function relationQuery(root: string, via: readonly string[], field: string): string {
  const rootField = /^(\w+)/.exec(root)![1];
  const steps = [...via, field];
  const levels: GraphQLObjectType[] = [];
  const rootType = getNamedType(objectType('Query').getFields()[rootField].type) as GraphQLObjectType;
  const rootConnection = nodeOfConnection(rootType);
  let current = rootConnection ?? rootType;
  for (const step of steps) {
    levels.push(current);
    const definition = current.getFields()[step];
    if (!definition) throw new Error(`${current.name} has no field ${step}`);
    const named = getNamedType(definition.type) as GraphQLObjectType;
    current = nodeOfConnection(named) ?? named;
  }
  const target = current;
  let inner = target.name === 'Person' ? everyPersonField.slice(2, -2) : 'id';
  for (let index = steps.length - 1; index >= 0; index -= 1) {
    const level = levels[index];
    const step = steps[index];
    const isPage = nodeOfConnection(getNamedType(level.getFields()[step].type) as GraphQLObjectType) !== null;
    const selection = isPage ? `${step}(first: 100) { edges { node { ${inner} } } }` : `${step} { ${inner} }`;
    inner = `${'id' in level.getFields() ? 'id ' : ''}${selection}`;
  }
  return rootConnection ? `{ r: ${root} { edges { node { ${inner} } } } }` : `{ r: ${root} { ${inner} } }`;
}
