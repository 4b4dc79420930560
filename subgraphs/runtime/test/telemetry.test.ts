import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  BoundedLabel,
  createLogger,
  tracesExporterFrom,
  openDatabase,
  serveSubgraph,
  type BaseSubgraphContext,
  type Database,
  type ServiceMetrics,
  type SubgraphDefinition,
} from '../src';
import {
  createTestDatabaseTarget,
  postGraphQL,
  recordSpans,
  registerTestSubgraph,
  testInternalKeys,
  type RecordedSpan,
  type SpanRecorder,
  type TestDatabaseTarget,
} from '../src/testing';

type Client = { $disconnect(): Promise<void> };
let spans: SpanRecorder;
let target: TestDatabaseTarget;
let database: Database<Client>;
let service: { url: string; port: number; stop(): Promise<void>; metrics: ServiceMetrics; metricsPort?: number };
const logged: Array<Record<string, unknown>> = [];

const failing: SubgraphDefinition<Client, BaseSubgraphContext> = {
  name: 'locations',
  schemaPath: join(__dirname, 'fixtures', 'failing.graphql'),
  migrationsDir: join(__dirname, 'fixtures', 'no-migrations'),
  resolvers: {
    Query: {
      broken: () => {
        throw new Error('ENOENT: no such file /srv/movement/subgraphs/locations/dist/secret.js at line 12');
      },
      cast: async (_root: unknown, { id }: { id: string }) => {
        const [row] = await database.driver.query<{ id: string }>('SELECT $1::uuid::text AS id', [id]);
        return row?.id ?? null;
      },
    },
  },
  createClient: () => ({ $disconnect: async () => undefined }),
  createContext: (base) => base,
};

beforeAll(async () => {
  // Before the service starts, as its entry point would.
  spans = recordSpans();
  target = await createTestDatabaseTarget('telemetry');
  database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: failing.createClient });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  service = await serveSubgraph(
    failing,
    { host: '127.0.0.1', port: 0, shutdownGraceMs: 1000, metrics: { port: 0 } },
    database,
    createLogger('locations', 'info', sink),
    {},
    (await testInternalKeys()).publicKey,
  );
  registerTestSubgraph(service.url);
});

afterAll(async () => {
  await service?.stop();
  await database?.close();
  await target?.dispose();
  await spans?.stop();
});

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpanId = '00f067aa0ba902b7';
const traceparent = `00-${traceId}-${callerSpanId}-01`;
const serverSpan = (span: RecordedSpan) => span.name === 'POST /graphql' && span.spanContext().traceId === traceId;

test("a subgraph continues its caller's trace: its request, resolver and SQL spans, and the failure's type without its message", async () => {
  spans.reset();
  const ok = await postGraphQL(service.url, 'query Cast($id: String!) { cast(id: $id) }', { id: '00000000-0000-4000-8000-000000000001' }, { traceparent });
  expect(ok.errors).toBeUndefined();
  const server = await spans.ended(serverSpan);
  expect(server.parentSpanContext?.spanId).toBe(callerSpanId);
  const recorded = spans.spans().filter((span) => span.spanContext().traceId === traceId);
  const resolver = recorded.find((span) => span.name === 'resolve Query.cast');
  expect(resolver?.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  const sql = recorded.find((span) => span.attributes['db.system.name'] === 'postgresql');
  expect(sql?.parentSpanContext?.spanId).toBe(resolver!.spanContext().spanId);
  expect(sql?.attributes['db.operation.name']).toBe('SELECT');
  // The statement, never the value it was sent with.
  expect(sql?.attributes['db.query.text']).toBe('SELECT $1::uuid::text AS id');
  expect(JSON.stringify(recorded.map((span) => span.attributes))).not.toContain('00000000-0000-4000-8000-000000000001');
});

test('an error answer carries the trace id beside the request id, and so does the log line of the failure', async () => {
  spans.reset();
  const body = await postGraphQL(service.url, '{ broken }', {}, { 'x-request-id': 'req-traced-1', traceparent });
  expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-traced-1', traceId });
  const entry = logged.find((line) => line.msg === 'unexpected error' && line.requestId === 'req-traced-1');
  expect(entry).toMatchObject({ traceId, spanId: expect.stringMatching(/^[0-9a-f]{16}$/) });
  await spans.ended(serverSpan);
  const resolver = spans.spans().find((span) => span.name === 'resolve Query.broken');
  expect(resolver?.status).toEqual({ code: 2, message: 'Error' });
  expect(JSON.stringify(spans.spans().map((span) => [span.attributes, span.events]))).not.toMatch(/ENOENT|secret\.js/);
});

test('metrics are served on their own port only, and count requests by operation and outcome', async () => {
  const publicPort = await fetch(new URL('/metrics', service.url));
  expect(publicPort.status).toBe(404);
  await postGraphQL(service.url, 'query Cast($id: String!) { cast(id: $id) }', { id: '00000000-0000-4000-8000-000000000002' });
  await postGraphQL(service.url, '{ broken }');
  const scrape = await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`);
  expect(scrape.status).toBe(200);
  expect(scrape.headers.get('content-type')).toContain('text/plain');
  const text = await scrape.text();
  expect(text).toMatch(/movement_graphql_requests_total\{operation="Cast",outcome="ok",service="locations"\} [1-9]/);
  expect(text).toMatch(/movement_graphql_requests_total\{operation="\(anonymous\)",outcome="partial",service="locations"\} [1-9]/);
  expect(text).toContain('process_cpu_user_seconds_total');
  // A call without the gateway's signature is counted as an authentication failure.
  const before = Number(/^movement_authentication_failures_total\{service="locations"\} (\d+)$/m.exec(text)?.[1]);
  expect(before).toBeGreaterThanOrEqual(0);
  expect((await postGraphQL(service.url, '{ broken }', {}, {}, { as: null })).status).toBe(401);
  const after = await (await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).text();
  expect(Number(/^movement_authentication_failures_total\{service="locations"\} (\d+)$/m.exec(after)?.[1])).toBe(before + 1);
  expect((await fetch(`http://127.0.0.1:${service.metricsPort}/graphql`)).status).toBe(404);
});

test('operation names label metrics only while they are few and well formed; the rest collapse', () => {
  const names = new BoundedLabel(2);
  expect([names.of('PersonFile'), names.of(null), names.of('Search'), names.of('Third'), names.of('PersonFile')]).toEqual([
    'PersonFile',
    '(anonymous)',
    'Search',
    '(other)',
    'PersonFile',
  ]);
  expect(new BoundedLabel().of('x"} 1\nfake_metric 2')).toBe('(other)');
});

test('the traces exporter comes from the standard variables: off unless named, and a bad value names its variable', () => {
  expect(tracesExporterFrom({})).toBe('none');
  expect(tracesExporterFrom({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe('otlp');
  expect(tracesExporterFrom({ OTEL_TRACES_EXPORTER: ' Console ' })).toBe('console');
  expect(tracesExporterFrom({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' })).toBe('none');
  expect(() => tracesExporterFrom({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/^OTEL_TRACES_EXPORTER: jaeger/);
  expect(() => tracesExporterFrom({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/^OTEL_EXPORTER_OTLP_PROTOCOL: grpc/);
});
