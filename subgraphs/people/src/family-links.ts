import { randomUUID } from 'node:crypto';
import type { Prisma } from './generated/prisma/client';

/** What each relationship is seen from the other side. */
const inverse = {
  PARENT: 'CHILD',
  CHILD: 'PARENT',
  SIBLING: 'SIBLING',
  SPOUSE: 'SPOUSE',
  GRANDPARENT: 'GRANDCHILD',
  GRANDCHILD: 'GRANDPARENT',
  OTHER_RELATIVE: 'OTHER_RELATIVE',
} as const;

/** Records `relative` as `relationship` of `person` and the inverse; an existing link is kept. */
export async function linkBothWays(
  tx: Prisma.TransactionClient,
  personId: string,
  relativeId: string,
  relationship: keyof typeof inverse,
  recordedById: string,
) {
  const sides = [
    { personId, relativeId, relationship },
    { personId: relativeId, relativeId: personId, relationship: inverse[relationship] },
  ];
  const links = [];
  for (const side of sides) {
    links.push(
      await tx.familyLink.upsert({
        where: { personId_relativeId_relationship: side },
        create: { id: randomUUID(), ...side, recordedById, sharedWithIds: [] },
        update: {},
      }),
    );
  }
  return links;
}
