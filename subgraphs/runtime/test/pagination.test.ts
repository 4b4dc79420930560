import { GraphQLError } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, childRowFromJson, decodeCursor, encodeCursor, readPage, toConnection } from '../src';

/** The error `fn` throws, which must be a GraphQLError. */
function thrown(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

test('a cursor decodes to the values it was encoded from', () => {
  const values = ['2026-01-02T03:04:05.000Z', 42, null, '00000000-0000-4000-8000-000000000001'];
  const cursor = encodeCursor(values);
  expect(cursor).not.toContain('2026');
  expect(decodeCursor(cursor)).toEqual(values);
});

test.each([
  ['not base64 json', 'not-a-cursor'],
  ['an empty array', encodeCursor([])],
  ['a JSON object', Buffer.from('{"id":1}').toString('base64url')],
  ['nested values', Buffer.from('[[1]]').toString('base64url')],
])('a cursor that is %s is BAD_USER_INPUT naming the field', (_, cursor) => {
  const error = thrown(() => readPage({ after: cursor }, 'messagesSent'));
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'messagesSent.after' });
  expect(error.message).toMatch(/^messagesSent\.after: /);
});

test('first defaults, and values outside 1..MAX_PAGE_SIZE are refused', () => {
  expect(readPage({})).toEqual({ limit: DEFAULT_PAGE_SIZE, after: null });
  expect(readPage({ first: MAX_PAGE_SIZE }).limit).toBe(MAX_PAGE_SIZE);
  for (const first of [0, -1, MAX_PAGE_SIZE + 1, 2.5]) {
    const error = thrown(() => readPage({ first }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', maximum: MAX_PAGE_SIZE });
  }
  expect(thrown(() => readPage({ first: 0 }, 'children')).extensions).toMatchObject({ field: 'children.first' });
});

test('toConnection uses the extra row only to tell that a next page exists', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const page = readPage({ first: 2 });
  const connection = toConnection(rows, page, (row) => [row.id]);
  expect(connection.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
  expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(decodeCursor(connection.pageInfo.endCursor!)).toEqual(['b']);

  const last = toConnection(rows.slice(2), readPage({ first: 2, after: connection.pageInfo.endCursor }), (row) => [row.id]);
  expect(last.edges.map((e) => e.node.id)).toEqual(['c']);
  expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

  expect(connection.edges.map((e) => decodeCursor(e.cursor))).toEqual([['a'], ['b']]);
  expect(connection.pageInfo.startCursor).toBe(connection.edges[0].cursor);

  const empty = toConnection([], page, (row: { id: string }) => [row.id]);
  expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
});

test('a row read as JSON gets its dates back as the driver reads them: a date at midnight UTC, a timestamp as UTC, a timestamptz at its offset', () => {
  interface Row {
    id: string;
    openedOn: Date;
    closedOn: Date | null;
    createdAt: Date;
    recordedAt: Date;
    note: string;
  }
  const row = childRowFromJson<Row>(
    { id: 'r', openedOn: '2026-03-04', closedOn: null, createdAt: '2026-03-04T05:06:07.123+02:00', recordedAt: '2026-03-04T05:06:07.5', note: '2026-03-04' },
    { openedOn: true, closedOn: true, createdAt: true, recordedAt: true },
  );
  expect(row.openedOn).toEqual(new Date('2026-03-04T00:00:00.000Z'));
  expect(row.closedOn).toBeNull();
  expect(row.createdAt).toEqual(new Date('2026-03-04T03:06:07.123Z'));
  expect(row.recordedAt).toEqual(new Date('2026-03-04T05:06:07.500Z'));
  // A text column that looks like a date stays text.
  expect(row.note).toBe('2026-03-04');
});
