import { badUserInput, dependencyUnavailable, peerHeaders, type Peer } from '@movement/runtime';
import type { GraphQLError } from 'graphql';

/** What a reunification across a border records about its crossing. */
export interface CrossingFacts {
  borderCrossingId: string | null;
  fromCountry: string | null;
  toCountry: string | null;
  /** Open towards `toCountry` on the day; null when nothing was published for it or no crossing was named. */
  crossingOpen: boolean | null;
}

interface CrossingAnswer {
  type: string;
  borderCrossing: { countries: string[]; stateOn: 'OPEN' | 'CLOSED' | 'UNKNOWN' } | null;
}

/**
 * Checks the crossing and the direction of a journey against the places catalogue and asks it
 * whether the crossing was open that way on `date`. A direction without a crossing is kept as
 * given (a journey by air still crosses a border); a crossing needs both countries, and they must
 * be the two it joins. Errors with DEPENDENCY_UNAVAILABLE when the locations subgraph cannot be
 * asked, so nothing is recorded with an unchecked crossing.
 */
export async function checkCrossing(
  locations: Peer | undefined,
  input: { borderCrossingId?: string | null; fromCountry?: string | null; toCountry?: string | null; date: string },
): Promise<CrossingFacts> {
  const fromCountry = input.fromCountry ?? null;
  const toCountry = input.toCountry ?? null;
  if ((fromCountry === null) !== (toCountry === null)) {
    throw badUserInput(fromCountry === null ? 'input.fromCountry' : 'input.toCountry', 'is required with the other country of the journey');
  }
  if (fromCountry !== null && fromCountry === toCountry) throw badUserInput('input.toCountry', 'must be another country than fromCountry');
  if (!input.borderCrossingId) return { borderCrossingId: null, fromCountry, toCountry, crossingOpen: null };
  if (fromCountry === null) throw badUserInput('input.fromCountry', 'is required when a border crossing is named: from which country to which');
  const crossing = await askCrossing(locations, input.borderCrossingId, input.date, toCountry!);
  if (!crossing) throw badUserInput('input.borderCrossingId', `no Location with id ${input.borderCrossingId}`);
  if (crossing.type !== 'BORDER_CROSSING') {
    throw badUserInput('input.borderCrossingId', `Location ${input.borderCrossingId} is a ${crossing.type}, not a BORDER_CROSSING`);
  }
  const countries = crossing.borderCrossing?.countries;
  if (countries) {
    for (const [field, country] of [
      ['input.fromCountry', fromCountry],
      ['input.toCountry', toCountry],
    ] as const) {
      if (!countries.includes(country!)) throw badUserInput(field, `${country} is not one of the countries the crossing joins (${countries.join(', ')})`);
    }
  }
  const state = crossing.borderCrossing?.stateOn ?? 'UNKNOWN';
  return { borderCrossingId: input.borderCrossingId, fromCountry, toCountry, crossingOpen: state === 'UNKNOWN' ? null : state === 'OPEN' };
}

async function askCrossing(locations: Peer | undefined, id: string, date: string, towards: string): Promise<CrossingAnswer | null> {
  if (!locations) throw unavailable('no address is configured for the locations subgraph');
  let body: { data?: { _entities?: Array<CrossingAnswer | null> }; errors?: Array<{ message: string; extensions?: { field?: string } }> };
  try {
    const response = await fetch(locations.url, {
      method: 'POST',
      headers: peerHeaders(locations),
      body: JSON.stringify({
        query: `query($r: [_Any!]!, $date: String!, $towards: String) {
          _entities(representations: $r) { ... on Location { type borderCrossing { countries stateOn(date: $date, towards: $towards) } } } }`,
        variables: { r: [{ __typename: 'Location', id }], date, towards },
      }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw unavailable((error as Error).message);
  }
  const entities = body.data?._entities;
  // A direction the crossing does not join is refused by the locations subgraph as bad input on
  // `towards`; it is answered here on the input field that gave it.
  if (body.errors?.some((error) => error.extensions?.field === 'towards')) {
    throw badUserInput('input.toCountry', `${towards} is not one of the countries the crossing joins`);
  }
  if (!entities) throw unavailable(body.errors?.[0]?.message ?? 'no answer');
  return entities[0] ?? null;
}

function unavailable(reason: string): GraphQLError {
  return dependencyUnavailable(`Could not check the border crossing: ${reason}.`);
}
