import type { GraphQLResolveInfo } from 'graphql';
import { argumentsAt, keysetOrder, keysetWhere, readPage, requireId, toConnection, visibleRecordsWhere, type Page } from '@movement/runtime';
import type { QueryResolvers } from '../generated/graphql';
import { byCaptureDate } from './DetentionRecord';
import { byName } from './Person';
import { byOpenedOn } from './TracingRequest';
import { peoplePage } from '../people-page';
import { searchNames } from '../search';
import { searchSchema, validate } from '../validation';
import { detentionRecordsAwaitingNotification, detentionRecordsFamilyNotInformed } from '../detention/queries';
import { recordsPastReview } from '../retention/review';

/**
 * The one page of tracing requests the people's query asks of each person on the page, read
 * then with the page; none when it asks for none, for several pages (aliases), or for one its
 * arguments do not describe (the field's own resolver reports those).
 */
function tracingRequestsAsked(info: GraphQLResolveInfo): Page | undefined {
  const asked = argumentsAt(info, ['edges', 'node', 'tracingRequests']);
  let page: Page | undefined;
  for (const args of asked) {
    let read: Page;
    try {
      read = readPage(args, 'tracingRequests');
    } catch {
      return undefined;
    }
    if (page && (page.limit !== read.limit || JSON.stringify(page.after) !== JSON.stringify(read.after))) return undefined;
    page = read;
  }
  return page;
}

export const Query: QueryResolvers = {
  person: (_root, { id }, { loaders }) => loaders.person.load(requireId(id, 'id')),
  people: async (_root, args, { prisma, principal, loaders }, info) => {
    const page = readPage(args);
    const tracingRequests = tracingRequestsAsked(info);
    const rows = await peoplePage(prisma, principal, args.status, page, tracingRequests);
    // Each person's tracing requests, read with the page, are where Person.tracingRequests looks first.
    if (tracingRequests)
      for (const row of rows) loaders.tracingRequestsSeeking.prime({ parentId: row.person.id, page: tracingRequests }, row.tracingRequests ?? []);
    return toConnection(
      rows.map((row) => row.person),
      page,
      byName,
    );
  },
  searchPeople: async (_root, args, { prisma, loaders, principal }) => {
    validate(searchSchema, args, '');
    const filters = args.filters ?? {};
    const found = await searchNames(prisma, args.name.trim(), {
      birthYear: filters.birthYear,
      birthYearTolerance: filters.birthYearTolerance ?? 2,
      sex: filters.sex,
      status: filters.status,
      principal,
      limit: args.first ?? 10,
    });
    const people = await loaders.person.loadMany(found.map((candidate) => candidate.personId));
    return found.flatMap((candidate, index) => {
      const person = people[index];
      if (!person || person instanceof Error) return [];
      const { script, scheme, language, value } = candidate;
      return [{ person, score: Math.round(candidate.score * 1000) / 1000, matchedName: { script, scheme, language, value } }];
    });
  },
  tracingRequest: (_root, { id }, { loaders }) => loaders.tracingRequest.load(requireId(id, 'id')),
  tracingRequests: async (_root, args, { prisma, principal }) => {
    const page = readPage(args);
    const rows = await prisma.tracingRequest.findMany({
      where: { AND: [{ ...(args.status ? { status: args.status } : {}), ...keysetWhere(page.after, 'openedOn', 'desc') }, visibleRecordsWhere(principal)] },
      orderBy: keysetOrder('openedOn', 'desc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byOpenedOn);
  },
  detentionRecord: (_root, { id }, { loaders }) => loaders.detentionRecord.load(requireId(id, 'id')),
  detentionRecordsAwaitingNotification,
  detentionRecordsFamilyNotInformed,
  recordsPastReview,
  detentionRecords: async (_root, args, { prisma, principal }) => {
    const page = readPage(args);
    const placeOfDetentionId = args.placeOfDetentionId ? requireId(args.placeOfDetentionId, 'placeOfDetentionId') : null;
    const rows = await prisma.detentionRecord.findMany({
      where: {
        AND: [{ ...(placeOfDetentionId ? { placeOfDetentionId } : {}), ...keysetWhere(page.after, 'captureDate', 'desc') }, visibleRecordsWhere(principal)],
      },
      orderBy: keysetOrder('captureDate', 'desc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byCaptureDate);
  },
};
