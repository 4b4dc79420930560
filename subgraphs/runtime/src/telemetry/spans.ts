import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { instrumentationActive, tracingEnabled } from './tracing';

/** The tracer of the graph's own spans; a no-op until `startTracing` registers a provider. */
export const tracer = trace.getTracer('movement-graph');

/** The trace and span ids of the active span, for logs and error answers; empty when none is recorded. */
export function traceIds(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  // Unsampled spans are never exported: their id would lead an operator nowhere.
  if ((traceFlags & 1) === 0) return {};
  return { traceId, spanId };
}

/** Runs `work` in a span that records a failure's type (never its message, which can carry values) and ends with it. */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name ?? 'Error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Writes the active trace context (W3C `traceparent`, `tracestate`) into outgoing headers. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, name, value) => carrier.set(name, value) });
}

// Span names must not grow with what callers send: other paths are named by method alone.
const knownPaths = new Set(['/graphql', '/admin/graphql', '/health', '/ready', '/metrics', '/schema.graphql']);

const routeOf = (url: string | undefined) => {
  const path = (url ?? '/').split('?', 1)[0].replace(/(.)\/$/, '$1');
  return knownPaths.has(path) ? path : undefined;
};

/**
 * The server span of each HTTP request, continuing the caller's trace from its `traceparent`.
 * Where the HTTP instrumentation runs it has opened that span already and this adds nothing.
 * Probes and scrapes are not traced: they would be most of the traces and say nothing.
 */
export function tracedRequests(service: string, handler: RequestListener): RequestListener {
  if (!tracingEnabled()) return handler;
  return (req: IncomingMessage, res: ServerResponse) => {
    const route = routeOf(req.url);
    if (instrumentationActive() || trace.getActiveSpan() || route === '/health' || route === '/ready' || route === '/metrics') return handler(req, res);
    const parent = propagation.extract(context.active(), req.headers);
    const method = (req.method ?? 'GET').toUpperCase();
    const span = tracer.startSpan(
      route ? `${method} ${route}` : method,
      // The service is named too: several can share a process (and its trace resource) in development.
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'movement.service': service, ...(route ? { 'http.route': route } : {}) } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    // Body chunks arrive on the socket's own async context: bound, they run in the request's.
    context.bind(active, req);
    context.bind(active, res);
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(active, () => handler(req, res));
  };
}

/** `SELECT`, `INSERT`, …: the first keyword of a statement, the only part of its text a span is named by. */
function operationOf(sql: string): string {
  const keyword = /^\s*(?:--[^\n]*\n\s*)*(\w+)/.exec(sql)?.[1];
  return keyword ? keyword.toUpperCase() : 'SQL';
}

/**
 * Runs one statement in a client span. The statement's text is kept only when its values travel
 * as parameters (Prisma's statements and the runtime's reads), never for scripts, which can
 * carry literal data.
 */
export function sqlSpan<T>(engine: 'pglite' | 'postgres', sql: string, parameterised: boolean, work: () => Promise<T>): Promise<T> {
  if (!trace.getActiveSpan()) return work();
  const operation = operationOf(sql);
  return inSpan(
    `${operation} ${engine}`,
    {
      'db.system.name': 'postgresql',
      'db.operation.name': operation,
      'movement.db.engine': engine,
      ...(parameterised ? { 'db.query.text': sql.length > 2000 ? `${sql.slice(0, 2000)}…` : sql } : {}),
    },
    work,
    SpanKind.CLIENT,
  );
}

type Method = (...args: unknown[]) => unknown;

/**
 * Prisma's driver adapter, with a span around every statement it sends (and around those of the
 * transactions it opens). Both engines go through an adapter, so PGlite's statements are traced
 * like PostgreSQL's.
 */
export function tracedAdapter<A extends object>(adapter: A, engine: 'pglite' | 'postgres'): A {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as Method;
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: { sql: string }, ...rest: unknown[]) => sqlSpan(engine, query.sql, true, async () => method.call(target, query, ...rest));
      }
      if (property === 'connect' || property === 'connectToShadowDb' || property === 'startTransaction') {
        return async (...args: unknown[]) => tracedAdapter((await method.apply(target, args)) as object, engine);
      }
      return method.bind(target);
    },
  });
}

/**
 * Opens a span around each root field's resolver (a query, a mutation, `_entities`), so the SQL
 * a field sends sits under it. Also where the GraphQL instrumentation runs: it traces
 * resolvers by patching graphql-js's `execute`, which compiled operations do not go through
 * (see compiled-execution.ts).
 */
export function traceRootFields(schema: GraphQLSchema): GraphQLSchema {
  if (!tracingEnabled()) return schema;
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `resolve ${type.name}.${field.name}`;
      field.resolve = (source, args, contextValue, info) =>
        trace.getActiveSpan()
          ? inSpan(name, { 'graphql.field.path': field.name, 'graphql.field.type': type.name }, async () => resolve(source, args, contextValue, info))
          : resolve(source, args, contextValue, info);
    }
  }
  return schema;
}
