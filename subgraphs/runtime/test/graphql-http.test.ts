import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { graphqlHttp } from '../src/graphql-http';

/** Apollo Server's HTTP entry point answering with the body it was given, so the test sees what was read. */
const echo = {
  executeHTTPGraphQLRequest: async ({ httpGraphQLRequest }: { httpGraphQLRequest: HTTPGraphQLRequest }) => ({
    headers: new HeaderMap([['content-type', 'application/json']]),
    status: 200,
    body: { kind: 'complete' as const, string: JSON.stringify({ received: httpGraphQLRequest.body ?? null }) },
  }),
} as unknown as ApolloServer<BaseContext>;

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(graphqlHttp<BaseContext, true>({ apollo: echo, admit: async () => true, context: async () => ({}) }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

/** Posts `chunks` one write each, chunked (no content-length) unless `length` is given. */
async function post(
  chunks: string[],
  length?: number,
): Promise<{ status: number; body: { received?: unknown; errors?: Array<{ extensions: { code: string } }> } }> {
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(length === undefined ? {} : { 'content-length': length }) },
  });
  const answered = once(req, 'response') as Promise<[IncomingMessage]>;
  // A server that stops reading may reset the socket under the rest of the body; the answer came first.
  req.on('error', () => undefined);
  for (const chunk of chunks) req.write(chunk);
  req.end();
  const [response] = await answered;
  const parts: Buffer[] = [];
  for await (const part of response) parts.push(part as Buffer);
  return { status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) as { received?: unknown } };
}

test('a body sent in several chunks is read whole and parsed once', async () => {
  const body = JSON.stringify({ query: '{ __typename }', variables: { name: 'Ясмина' } });
  const response = await post([body.slice(0, 10), body.slice(10, 31), body.slice(31)]);
  expect(response).toEqual({ status: 200, body: { received: { query: '{ __typename }', variables: { name: 'Ясмина' } } } });
});

test('a chunked body that outgrows the limit is refused with 413 before it ends', async () => {
  const chunk = `{"padding":"${'x'.repeat(256 * 1024)}`;
  const response = await post([chunk, 'x'.repeat(512 * 1024), 'x'.repeat(512 * 1024), '"}']);
  expect(response.status).toBe(413);
  expect(response.body.errors?.[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
});

test('a body declaring a length over the limit is refused with 413 unread', async () => {
  const response = await post(['{}'], 2 * 1024 * 1024);
  expect(response.status).toBe(413);
  expect(response.body.errors?.[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
});

test('a JSON body that does not parse is refused with 400', async () => {
  const response = await post(['{"query":']);
  expect(response.status).toBe(400);
  expect(response.body.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
});
