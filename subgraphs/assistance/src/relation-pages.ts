import { visibleRecordsSql, type ChildPageQuery, type Principal, type RelationPages } from '@movement/runtime';

/**
 * Every relation page of the assistance subgraph, by field: one statement for a whole batch of
 * parents, read on the raw driver (a hot path where Prisma's result mapping costs more than the
 * database). Records about people (assistance records, reunification support) are filtered by
 * the principal's visibility inside each parent's page: a hidden record is never fetched, reads
 * as absent and keeps pages full. Distributions are not about a person and are not filtered.
 */
const visibleTo =
  (principal: Principal): ChildPageQuery['where'] =>
  (first) =>
    visibleRecordsSql(principal, 't', first);

export const relationPages = {
  'TracingRequest.reunificationSupport': (principal) => ({
    table: '"assistance"."ReunificationSupport"',
    parentColumn: 'tracingRequestId',
    sortColumn: 'date',
    sortType: 'date',
    direction: 'asc',
    where: visibleTo(principal),
  }),
  'Person.assistanceReceived': (principal) => ({
    table: '"assistance"."AssistanceRecord"',
    parentColumn: 'beneficiaryId',
    sortColumn: 'date',
    sortType: 'date',
    direction: 'desc',
    where: visibleTo(principal),
  }),
  'Location.distributions': () => ({
    table: '"assistance"."Distribution"',
    parentColumn: 'locationId',
    sortColumn: 'date',
    sortType: 'date',
    direction: 'desc',
  }),
  'AssistanceProgramme.distributions': () => ({
    table: '"assistance"."Distribution"',
    parentColumn: 'programmeId',
    sortColumn: 'date',
    sortType: 'date',
    direction: 'desc',
  }),
} satisfies RelationPages;
