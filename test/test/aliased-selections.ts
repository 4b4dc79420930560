/**
 * Many root selections asked in one request, each under its own alias (`o0`, `o1`, …), and each
 * one's errors read back by that alias. The matrix tests ask hundreds of selections; one request
 * each made them the suite's slowest files (every request is authenticated, planned and sent on
 * to the subgraphs), while what they check is decided per selection either way.
 */

/** Selections per request: under the gateway's default alias limit (`MAX_ALIASES`, 30). */
export const selectionsPerRequest = 25;

/** `items` in runs of `selectionsPerRequest`. */
export function inRequests<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / selectionsPerRequest) }, (_, index) =>
    items.slice(index * selectionsPerRequest, (index + 1) * selectionsPerRequest),
  );
}

/** One operation asking each of `selections` under the alias of its index. */
export const aliasedOperation = (kind: 'query' | 'mutation', selections: readonly string[]) =>
  `${kind} { ${selections.map((selection, index) => `o${index}: ${selection}`).join(' ')} }`;

/** The names along an error's path: list indexes left out (Hive Gateway writes them as `@`). */
export const pathNames = (error: { path?: ReadonlyArray<string | number> }) =>
  (error.path ?? []).filter((key): key is string => typeof key === 'string' && key !== '@');

/** The errors of the selection at `index`: those under its alias, and those of the whole request. */
export function errorsOfSelection<E extends { path?: ReadonlyArray<string | number> }>(errors: readonly E[] | undefined, index: number): E[] {
  return (errors ?? []).filter((error) => {
    const names = pathNames(error);
    return names.length === 0 || names[0] === `o${index}`;
  });
}
