import type { MessageStatus, PrismaClient } from './generated/prisma/client';
import { journeyOrder } from './status-machine';

export interface PartnerMessageCounts {
  partnerId: string;
  total: number;
  byStatus: Array<{ status: MessageStatus; count: number }>;
}

/**
 * Messages per status on each partner's route (recorded by it or shared with it), in one
 * statement; the GIN index on sharedWithIds and the recordedById index find the rows.
 * Every status is listed, zeros included, so a dashboard needs no gap-filling.
 */
export async function messageCountsByStatus(prisma: PrismaClient, partnerIds: string[]): Promise<PartnerMessageCounts[]> {
  const unique = [...new Set(partnerIds)];
  const rows = await prisma.$queryRaw<Array<{ partner: string; status: MessageStatus; count: number }>>`
    SELECT route.partner::text AS partner, m."status"::text AS status, count(*)::int AS count
    FROM "messages"."RedCrossMessage" m
    CROSS JOIN LATERAL unnest(array_prepend(m."recordedById", m."sharedWithIds")) AS route(partner)
    WHERE (m."recordedById" = ANY(${unique}::uuid[]) OR m."sharedWithIds" && ${unique}::uuid[])
      AND route.partner = ANY(${unique}::uuid[])
    GROUP BY 1, 2`;
  return unique.map((partnerId) => {
    const mine = rows.filter((row) => row.partner === partnerId);
    const byStatus = journeyOrder.map((status) => ({ status, count: mine.find((row) => row.status === status)?.count ?? 0 }));
    return { partnerId, total: byStatus.reduce((sum, entry) => sum + entry.count, 0), byStatus };
  });
}
