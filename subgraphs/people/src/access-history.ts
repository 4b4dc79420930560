import { badUserInput } from '@movement/runtime';
import DataLoader from 'dataloader';
import type { Context } from './context';
import type { DetentionAccessStep, PrismaClient } from './generated/prisma/client';

const DEFAULT_STEPS = 20;
const MAX_STEPS = 100;

/**
 * The latest `first` access steps of many detention records in one statement, so a list of records
 * with their history costs one query per distinct `first`, not one per record.
 */
function historyLoader(prisma: PrismaClient, first: number) {
  return new DataLoader<string, DetentionAccessStep[]>(async (recordIds) => {
    const rows = await prisma.$queryRaw<DetentionAccessStep[]>`
      SELECT s."id", s."sequence", s."detentionRecordId", s."status", s."occurredOn", s."partnerId", s."recordedById", s."sharedWithIds", s."createdAt"
      FROM unnest(${[...recordIds]}::uuid[]) AS r("id")
      CROSS JOIN LATERAL (
        SELECT * FROM "people"."DetentionAccessStep" s
        WHERE s."detentionRecordId" = r."id" ORDER BY s."sequence" DESC LIMIT ${first}) s`;
    const groups = new Map<string, DetentionAccessStep[]>();
    for (const row of rows) groups.set(row.detentionRecordId, [...(groups.get(row.detentionRecordId) ?? []), row]);
    return recordIds.map((id) => groups.get(id) ?? []);
  });
}

// Keyed on the per-request loaders object, so the batches live exactly as long as one request.
const loadersByRequest = new WeakMap<object, Map<number, DataLoader<string, DetentionAccessStep[]>>>();

/** The latest access steps of a detention record, most recent first; `first` is 1 to 100 (default 20). */
export function accessHistory(context: Context, recordId: string, first: number | null | undefined): Promise<DetentionAccessStep[]> {
  const size = first ?? DEFAULT_STEPS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_STEPS) throw badUserInput('first', `must be between 1 and ${MAX_STEPS}.`, { maximum: MAX_STEPS });
  let bySize = loadersByRequest.get(context.loaders);
  if (!bySize) loadersByRequest.set(context.loaders, (bySize = new Map<number, DataLoader<string, DetentionAccessStep[]>>()));
  let loader = bySize.get(size);
  if (!loader) bySize.set(size, (loader = historyLoader(context.prisma, size)));
  return loader.load(recordId);
}
