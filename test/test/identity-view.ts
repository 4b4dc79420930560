import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { personIdentityFields } from '@movement/runtime';
import { apiSchemaPath } from '@movement/schema';

/**
 * The identity-only view of a person (see the runtime's identity-view.ts), as tests check it
 * through the gateway: every field of `Person` in the API schema is asked for, the identity fields
 * answer, every other one is null with a FORBIDDEN error at its own path naming it.
 */
const api = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
const personType = api.getType('Person') as GraphQLObjectType;

/** Every field of `Person` the API offers, by name. */
export const personFields = Object.keys(personType.getFields());

/** The fields the identity-only view withholds. */
export const withheldPersonFields = personFields.filter((name) => !personIdentityFields.has(name));

/** A selection of every field of `Person`: objects and pages by their `__typename`. */
export const everyPersonField = `{ ${personFields
  .map((name) => (isObjectType(getNamedType(personType.getFields()[name].type)) ? `${name} { __typename }` : name))
  .join(' ')} }`;

type Path = ReadonlyArray<string | number>;
interface Answer {
  data?: unknown;
  errors?: Array<{ path?: Path; extensions?: Record<string, unknown> }>;
}

const at = (data: unknown, path: Path): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | null)?.[key] ?? null, data);
const samePath = (a: Path | undefined, b: Path) => a !== undefined && a.length === b.length && a.every((key, index) => key === b[index]);

/**
 * What differs from the identity-only view for the person at `path` of an answer asked with
 * `everyPersonField` (empty when it is exactly that view): the identity fields answered, with
 * `expected` values where given; every other field null with FORBIDDEN and its coordinate at its
 * own path.
 */
export function identityViewProblems(answer: Answer, path: Path, expected: Record<string, unknown> = {}): string[] {
  const problems: string[] = [];
  const person = at(answer.data, path) as Record<string, unknown> | null;
  if (!person) return [`no person at ${path.join('.')}`];
  for (const name of personFields.filter((field) => personIdentityFields.has(field))) {
    if (name in expected && JSON.stringify(person[name]) !== JSON.stringify(expected[name])) problems.push(`${name} is ${JSON.stringify(person[name])}`);
    if (answer.errors?.some((error) => samePath(error.path, [...path, name]))) problems.push(`${name} has an error`);
  }
  for (const name of withheldPersonFields) {
    if (person[name] !== null) problems.push(`${name} is not withheld: ${JSON.stringify(person[name])}`);
    const error = answer.errors?.find((candidate) => samePath(candidate.path, [...path, name]));
    if (error?.extensions?.code !== 'FORBIDDEN' || error.extensions.coordinate !== `Person.${name}`) {
      problems.push(`${name} has no FORBIDDEN error naming Person.${name} at its path (${JSON.stringify(error ?? null)})`);
    }
  }
  return problems;
}
