import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkReferences, writeOnce, type Peers } from '../src';

/** A stand-in for the subgraph owning places and organisations: it knows the ids in `known`. */
async function owner(known: Set<string>): Promise<{ server: Server; url: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { r: Array<{ __typename: string; id: string }> } };
      asked.push(variables.r.map((ref) => `${ref.__typename}:${ref.id}`).join(','));
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { _entities: variables.r.map((ref) => (known.has(ref.id) ? { id: ref.id } : null)) } }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, asked };
}

describe('checkReferences', () => {
  let locations: Awaited<ReturnType<typeof owner>>;
  let peers: Peers;
  beforeAll(async () => {
    locations = await owner(new Set(['place-1', 'org-1', 'org-2']));
    peers = { locations: { url: locations.url, internalToken: 'token' } };
  });
  afterAll(() => locations.server.close());

  test('records that exist pass; fields left out are not asked about; each type is asked once', async () => {
    locations.asked.length = 0;
    await checkReferences(peers, {
      Location: { 'input.locationId': 'place-1', 'input.lastSeenAtId': null },
      Organization: { 'input.partnerId': 'org-1', 'input.recordedById': 'org-1', 'input.sharedWithIds': ['org-2'] },
    });
    expect(locations.asked.sort()).toEqual(['Location:place-1', 'Organization:org-1,Organization:org-2']);
  });

  test('the first missing id is BAD_USER_INPUT naming its field, a list entry by its index', async () => {
    const refused = checkReferences(peers, {
      Location: { 'input.locationId': 'place-1' },
      Organization: { 'input.partnerId': 'org-1', 'input.sharedWithIds': ['org-2', 'org-9', 'org-8'] },
    });
    await expect(refused).rejects.toMatchObject({
      message: 'input.sharedWithIds.1: no Organization has the id org-9.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.sharedWithIds.1' },
    });
    await expect(checkReferences(peers, { Location: { 'input.locationId': 'place-9' } })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.locationId' },
    });
  });

  test('an owner that is not configured is DEPENDENCY_UNAVAILABLE, not a pass', async () => {
    await expect(checkReferences(peers, { Person: { 'input.personId': 'person-1' } })).rejects.toMatchObject({
      extensions: { code: 'DEPENDENCY_UNAVAILABLE' },
    });
  });
});

describe('writeOnce', () => {
  interface Row {
    id: string;
    key: string;
    content: string;
    on: Date;
  }

  /** A table with a unique index on `key`, as Prisma answers a second row with the same key. */
  function table() {
    const rows: Row[] = [];
    return {
      rows,
      find: async (key: string) => rows.find((row) => row.key === key) ?? null,
      insert: async (row: Row) => {
        if (rows.some((other) => other.key === row.key)) throw Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
        rows.push(row);
        return row;
      },
    };
  }

  test('a key sent again with the same content is answered with the first row; nothing is written twice', async () => {
    const { rows, find, insert } = table();
    const write = (id: string) =>
      writeOnce({
        key: 'k',
        find,
        sent: { content: 'hello ', on: '2024-05-01' },
        write: () => insert({ id, key: 'k', content: 'hello', on: new Date('2024-05-01') }),
      });
    expect((await write('first')).id).toBe('first');
    expect((await write('second')).id).toBe('first');
    expect(rows).toHaveLength(1);
  });

  test('the loser of a race on the unique index is answered with the winner’s row', async () => {
    const { rows, find, insert } = table();
    const winner = { id: 'winner', key: 'k', content: 'hello', on: new Date('2024-05-01') };
    // The winner commits between the loser's look-up and its insert.
    const lateFind = async (key: string) => (rows.length ? find(key) : null);
    const answer = await writeOnce({
      key: 'k',
      find: lateFind,
      sent: { content: 'hello' },
      write: async () => {
        rows.push(winner);
        return insert({ ...winner, id: 'loser' });
      },
    });
    expect(answer.id).toBe('winner');
    expect(rows).toHaveLength(1);
  });

  test('the same key with other content is CONFLICT naming the first field that differs', async () => {
    const { find, insert } = table();
    await insert({ id: 'first', key: 'k', content: 'hello', on: new Date('2024-05-01') });
    const reused = writeOnce({
      key: 'k',
      find,
      sent: { content: 'hello', on: '2024-05-02' },
      identify: (first) => ({ existingId: first.id }),
      write: () => insert({ id: 'second', key: 'k', content: 'hello', on: new Date('2024-05-02') }),
    });
    await expect(reused).rejects.toMatchObject({ extensions: { code: 'CONFLICT', field: 'input.on', existingId: 'first' } });
  });

  test('without a key every call writes', async () => {
    const { rows, find, insert } = table();
    for (const id of ['a', 'b']) await writeOnce({ key: null, find, sent: {}, write: () => insert({ id, key: id, content: '', on: new Date() }) });
    expect(rows).toHaveLength(2);
  });
});
