import type { MatchReasonKind } from './generated/graphql';
import type { Principal } from '@movement/runtime';
import type { Person, PrismaClient, TracingRequest } from './generated/prisma/client';
import { searchNames } from './search';

interface MatchReasonValue {
  kind: MatchReasonKind;
  detail: string;
  weight: number;
}

export interface PossibleMatchValue {
  person: Person;
  score: number;
  reasons: MatchReasonValue[];
}

/** Weights of the clues: the name carries most; the others only reorder alike names. */
const NAME_WEIGHT = 0.65;
const BIRTH_YEAR_SAME = 0.15;
const BIRTH_YEAR_CLOSE = 0.08;
const PLACE = 0.1;
const FAMILY_LINK = 0.1;

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Candidates for a tracing request: people whose name is like any spelling of the sought person's,
 * scored on name, birth year, place last seen and an existing family link to the enquirer.
 * The sought person, the enquirer, rejected candidates and people the principal may not see are
 * left out (the last inside the search's SQL, so the best visible candidates fill the list).
 */
export async function possibleMatches(prisma: PrismaClient, principal: Principal, request: TracingRequest, first: number): Promise<PossibleMatchValue[]> {
  const [sought, rejections] = await Promise.all([
    prisma.person.findUniqueOrThrow({ where: { id: request.soughtPersonId }, include: { nameForms: true } }),
    prisma.tracingMatchRejection.findMany({ where: { tracingRequestId: request.id }, select: { personId: true } }),
  ]);
  const excludeIds = [sought.id, request.enquirerId, ...rejections.map((r) => r.personId)];
  const spellings = [...new Map(sought.nameForms.map((form) => [form.nameKey, form.value])).entries()];
  const bestName = new Map<string, { score: number; value: string }>();
  for (const [key, value] of spellings) {
    for (const candidate of await searchNames(prisma, key, { excludeIds, principal, limit: 50 })) {
      const previous = bestName.get(candidate.personId);
      if (!previous || previous.score < candidate.score) bestName.set(candidate.personId, { score: candidate.score, value: `${candidate.value} ~ ${value}` });
    }
  }
  const ids = [...bestName.keys()];
  if (ids.length === 0) return [];
  const [people, links] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: ids } } }),
    prisma.familyLink.findMany({ where: { personId: request.enquirerId, relativeId: { in: ids } } }),
  ]);
  const linked = new Set(links.map((link) => link.relativeId));
  const lastSeenAtId = request.lastSeenAtId ?? sought.lastSeenAtId;
  const matches = people.map((person): PossibleMatchValue => {
    const name = bestName.get(person.id)!;
    const reasons: MatchReasonValue[] = [{ kind: 'NAME', detail: `name ${name.value} (${name.score.toFixed(2)})`, weight: round(NAME_WEIGHT * name.score) }];
    if (sought.birthYear !== null && person.birthYear !== null) {
      const gap = Math.abs(sought.birthYear - person.birthYear);
      if (gap === 0) reasons.push({ kind: 'BIRTH_YEAR', detail: `both born in ${person.birthYear}`, weight: BIRTH_YEAR_SAME });
      else if (gap === 1)
        reasons.push({ kind: 'BIRTH_YEAR', detail: `born in ${person.birthYear}, sought person in ${sought.birthYear}`, weight: BIRTH_YEAR_CLOSE });
    }
    if (lastSeenAtId && person.lastSeenAtId === lastSeenAtId) reasons.push({ kind: 'PLACE', detail: 'last seen at the same place', weight: PLACE });
    if (linked.has(person.id)) reasons.push({ kind: 'FAMILY_LINK', detail: 'already recorded as a relative of the enquirer', weight: FAMILY_LINK });
    reasons.sort((a, b) => b.weight - a.weight);
    return {
      person,
      score: round(
        Math.min(
          1,
          reasons.reduce((sum, reason) => sum + reason.weight, 0),
        ),
      ),
      reasons,
    };
  });
  return matches.sort((a, b) => b.score - a.score || a.person.id.localeCompare(b.person.id)).slice(0, first);
}
