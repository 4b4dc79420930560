import { byIdLoader, manyByKeyLoader, visibleRecordsWhere } from '@movement/runtime';
import type DataLoader from 'dataloader';
import type { Context } from '../context';
import type { DetentionEvent, DetentionNotification, DetentionVisit } from '../generated/prisma/client';

interface DetentionLoaders {
  events: DataLoader<string, DetentionEvent[]>;
  notifications: DataLoader<string, DetentionNotification[]>;
  /** A visit whose detention record the principal may see; null otherwise, as for one that does not exist. */
  visit: DataLoader<string, DetentionVisit | null>;
}

// Keyed on the per-request loaders object, so the batches live exactly as long as one request.
const byRequest = new WeakMap<object, DetentionLoaders>();

/**
 * The events and notifications of many detention records, one statement per list whatever the
 * number of records; they are shown with a record the principal may see, like its visits. Visits
 * looked up by id (entity references from the messages subgraph) are batched the same way.
 */
export function detentionLoaders(context: Context): DetentionLoaders {
  let loaders = byRequest.get(context.loaders);
  if (!loaders) {
    const { prisma, principal } = context;
    loaders = {
      events: manyByKeyLoader(
        (ids) => prisma.detentionEvent.findMany({ where: { detentionRecordId: { in: ids } }, orderBy: { sequence: 'asc' } }),
        (row) => row.detentionRecordId,
      ),
      notifications: manyByKeyLoader(
        (ids) => prisma.detentionNotification.findMany({ where: { detentionRecordId: { in: ids } }, orderBy: [{ transmittedOn: 'asc' }, { id: 'asc' }] }),
        (row) => row.detentionRecordId,
      ),
      visit: byIdLoader((ids) => prisma.detentionVisit.findMany({ where: { id: { in: ids }, detentionRecord: visibleRecordsWhere(principal) } })),
    };
    byRequest.set(context.loaders, loaders);
  }
  return loaders;
}
