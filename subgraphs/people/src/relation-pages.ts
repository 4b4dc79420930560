import type { RelationPages } from '@movement/runtime';
import { detentionRecordPages, familyLinkPages, tracingRequestPages, visitPages } from './child-pages';
import { lastSeenPages } from './last-seen-page';

/** Every relation page of the people subgraph, by field. */
export const relationPages = {
  'Person.familyLinks': familyLinkPages,
  'Person.tracingRequests': tracingRequestPages,
  'Person.detentionRecords': detentionRecordPages,
  'DetentionRecord.visits': visitPages,
  'Location.peopleLastSeenHere': lastSeenPages,
} satisfies RelationPages;
