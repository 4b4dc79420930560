import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Random read operations generated from the API schema, for fuzzing the graph: a seeded PRNG
 * (so a failing run is replayed from its seed), bounded depth and width, arguments drawn from
 * pools of values that matter (visible and hidden ids, malformed ids, odd strings, out-of-range
 * numbers) and from each type's own shape (enums, input objects, lists).
 */

/** mulberry32: small, fast and good enough to spread choices; the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratorOptions {
  schema: GraphQLSchema;
  random: () => number;
  /** Values for `ID` arguments and input fields. */
  ids: readonly string[];
  /** Values for `String` arguments and input fields. */
  strings: readonly string[];
  maxDepth: number;
  maxWidth: number;
}

const ints = [-1, 0, 1, 2, 5, 20, 50, 100, 101, 2147483647];
const floats = [-1, 0, 0.5, 1.5, 1e9];

export function randomOperation(options: GeneratorOptions): string {
  const { random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;

  function literal(type: GraphQLInputType, name: string, depth: number): string {
    if (isNonNullType(type)) return literal(type.ofType, name, depth);
    if (isListType(type)) {
      const length = Math.floor(random() * 3);
      return `[${Array.from({ length }, () => literal(type.ofType, name, depth + 1)).join(', ')}]`;
    }
    if (isEnumType(type)) return pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) || (depth < 2 && chance(0.4)));
      return `{ ${fields.map((field) => `${field.name}: ${literal(field.type, field.name, depth + 1)}`).join(', ')} }`;
    }
    switch (type.name) {
      case 'ID':
        return JSON.stringify(pick(options.ids));
      case 'Int':
        return String(pick(ints));
      case 'Float':
        return String(pick(floats));
      case 'Boolean':
        return chance(0.5) ? 'true' : 'false';
      default:
        return JSON.stringify(pick(options.strings));
    }
  }

  function argumentsOf(args: readonly GraphQLArgument[]): string {
    const chosen = args.filter((arg) => (isNonNullType(arg.type) && arg.defaultValue === undefined) || chance(0.35));
    return chosen.length === 0 ? '' : `(${chosen.map((arg) => `${arg.name}: ${literal(arg.type, arg.name, 0)}`).join(', ')})`;
  }

  function selection(type: GraphQLObjectType, depth: number): string {
    // Every field, those beyond the caller's scopes too: the gateway removes them before planning,
    // and the answer must stay well formed wherever they would have been. At the depth limit only
    // leaves; objects need at least one more level.
    const fields = Object.values(type.getFields()).filter((field) => depth < options.maxDepth || isLeafType(getNamedType(field.type)));
    const count = 1 + Math.floor(random() * options.maxWidth);
    const chosen = new Set<string>();
    // Every object that has an id says it, so an answer can be checked record by record.
    const parts: string[] = 'id' in type.getFields() ? ['id'] : [];
    // Relations weigh three times a leaf: the answers worth checking are the records reached through others.
    const weighted = fields.flatMap((field) => (isObjectType(getNamedType(field.type)) ? [field, field, field] : [field]));
    for (let n = 0; n < count && weighted.length > 0; n += 1) {
      const field = pick(weighted);
      // An alias per field, so a field asked twice with different arguments stays valid.
      const alias = `${field.name}_${parts.length}`;
      if (chosen.has(alias)) continue;
      chosen.add(alias);
      const named = getNamedType(field.type);
      const inner = isObjectType(named) ? ` { ${selection(named, depth + 1)} }` : '';
      parts.push(`${alias}: ${field.name}${argumentsOf(field.args)}${inner}`);
    }
    return parts.length > 0 ? parts.join(' ') : '__typename';
  }

  const query = options.schema.getQueryType()!;
  return `query Fuzz { ${selection(query, 1)} }`;
}
