import { subgraphNames } from '@movement/runtime';
import { recordSpans, type RecordedSpan, type SpanRecorder } from '@movement/runtime/testing';
import { startGraphOnTemplate } from '../src/test-graphs';
import { startTestGraph, type TestGraph } from './harness';

// Tracing starts before the graph, as a service's entry point starts it before serving.
let spans: SpanRecorder;
let graph: TestGraph;

beforeAll(async () => {
  spans = recordSpans();
  graph = await startTestGraph({ seedPeople: 200, label: 'tracing' }, startGraphOnTemplate);
});

afterAll(async () => {
  await graph?.stop();
  await spans?.stop();
});

const operation = `query PeopleAcrossTheGraph($first: Int!, $name: String!) {
  searchPeople(name: $name, first: 3) { person { id fullName } }
  people(first: $first) {
    edges { node {
      id fullName
      lastSeenAt { name }
      recordedBy { name }
      messagesSent(first: 3) { edges { node { reference content addressee { fullName } } } }
      assistanceReceived(first: 3) { edges { node { item location { name } } } }
    } }
  }
}`;

/** Every string in an answer: the names, message text and places a trace must not carry. */
function stringsOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

const attribute = (span: RecordedSpan, name: string) => span.attributes[name];
const parentOf = (span: RecordedSpan) => span.parentSpanContext?.spanId;
const serverSpanOf = (service: string) => (span: RecordedSpan) => span.name === 'POST /graphql' && attribute(span, 'movement.service') === service;

/** The span and its ancestors, nearest first, within `all`. */
function ancestry(span: RecordedSpan, all: RecordedSpan[]): RecordedSpan[] {
  const byId = new Map(all.map((each) => [each.spanContext().spanId, each]));
  const chain: RecordedSpan[] = [];
  for (let current: RecordedSpan | undefined = span; current; current = byId.get(parentOf(current) ?? '')) chain.push(current);
  return chain;
}

test('a query over four subgraphs is one trace: the gateway operation, a fetch per subgraph, its resolvers and SQL, and no personal data', async () => {
  const sample = await graph.query<{ people: { edges: Array<{ node: { fullName: string } }> } }>(`{ people(first: 5) { edges { node { fullName } } } }`);
  expect(sample.errors).toBeUndefined();
  const name = sample.data!.people.edges[2].node.fullName;
  // Waits for the sample's own spans, so none of them ends among the next request's.
  await spans.ended(serverSpanOf('gateway'));
  spans.reset();

  const result = await graph.query(operation, { first: 20, name });
  expect(result.errors).toBeUndefined();
  const root = await spans.ended(serverSpanOf('gateway'));
  await Promise.all(subgraphNames.map((subgraph) => spans.ended(serverSpanOf(subgraph))));
  const recorded = spans.spans();

  // One trace, begun by the gateway's HTTP span.
  expect(new Set(recorded.map((span) => span.spanContext().traceId))).toEqual(new Set([root.spanContext().traceId]));
  expect(parentOf(root)).toBeUndefined();

  const request = recorded.find((span) => span.name === 'gateway.request');
  expect(request && attribute(request, 'graphql.operation.name')).toBe('PeopleAcrossTheGraph');
  expect(ancestry(request!, recorded)).toContain(root);
  expect(recorded.some((span) => span.name === 'gateway.plan' && ancestry(span, recorded).includes(request!))).toBe(true);

  const fetches = recorded.filter((span) => span.name === 'gateway.fetch');
  for (const subgraph of subgraphNames) {
    // Each subgraph's server span continues the trace under one of the gateway's fetches of it.
    const servers = recorded.filter(serverSpanOf(subgraph));
    expect(servers.length).toBeGreaterThan(0);
    for (const server of servers) {
      const fetch = fetches.find((each) => each.spanContext().spanId === parentOf(server));
      expect(fetch && attribute(fetch, 'service')).toBe(subgraph);
      expect(ancestry(fetch!, recorded)).toContain(request);
    }
    expect(fetches.filter((fetch) => attribute(fetch, 'service') === subgraph).length).toBeGreaterThanOrEqual(1);
    // Its resolvers and SQL statements sit under it.
    const below = recorded.filter((span) => ancestry(span, recorded).some((ancestor) => servers.includes(ancestor)));
    expect(below.some((span) => span.name.startsWith('resolve Query.'))).toBe(true);
    const sql = below.filter((span) => attribute(span, 'db.system.name') === 'postgresql');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.every((span) => typeof attribute(span, 'db.operation.name') === 'string')).toBe(true);
  }

  // No name, message text, place or variable value in any span's name, attributes or events.
  const personal = [...stringsOf(result.data), name].filter((value) => value.length >= 4);
  expect(personal).toContain(name);
  expect(personal.length).toBeGreaterThan(20);
  const recordedText = recorded.map((span) =>
    JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events.map((event) => [event.name, event.attributes]) }),
  );
  const leaks = personal.filter((value) => recordedText.some((text) => text.includes(JSON.stringify(value).slice(1, -1))));
  expect(leaks).toEqual([]);
});

test('an operation refused before planning is traced too, its HTTP span keeping the status it was answered with', async () => {
  spans.reset();
  const result = await graph.query(`query Broken { people(first: 1) { edges { node { id noSuchField } } } }`);
  expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const root = await spans.ended(serverSpanOf('gateway'));
  expect(root.attributes['http.response.status_code']).toBe(400);
});
