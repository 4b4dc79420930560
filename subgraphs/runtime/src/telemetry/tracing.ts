import { SpanKind } from '@opentelemetry/api';
import type { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import type { Instrumentation } from '@opentelemetry/instrumentation';

/**
 * OpenTelemetry for a service process. Nothing here imports the SDK until tracing is turned on:
 * with tracing off (the default) a service loads no exporter and patches no module, and the
 * spans the code opens through `@opentelemetry/api` are no-ops costing a function call.
 *
 * This module must stay free of imports of the libraries it instruments (http, graphql, pg,
 * express): the instrumentations patch a module only when it is first required after them, so
 * a service's entry point imports this before anything else.
 */

export type TracesExporter = 'otlp' | 'console' | 'none';

export interface TracingOptions {
  /** Span processors to use instead of the exporter `OTEL_TRACES_EXPORTER` names (tests hand in an in-memory one). */
  spanProcessors?: tracing.SpanProcessor[];
  /**
   * Load the HTTP, GraphQL and pg instrumentations (default true). They patch modules through
   * Node's `require`, which a Jest test's module registry does not use; the spans the runtime and
   * `@apollo/gateway` open themselves are there either way.
   */
  instrument?: boolean;
}

/** A started tracing SDK; `shutdown` flushes the spans still buffered. */
export interface Tracing {
  readonly exporter: TracesExporter;
  shutdown(): Promise<void>;
}

const off: Tracing = { exporter: 'none', shutdown: async () => undefined };

let started: { tracing: Tracing; instrumented: boolean } | undefined;

/**
 * The exporter the standard variables choose: `OTEL_TRACES_EXPORTER` is `otlp` (OTLP over HTTP,
 * to `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), `console`
 * (development) or `none`; unset means none, so a service exports nothing unless asked.
 * `OTEL_SDK_DISABLED=true` wins over it. Anything else is refused, naming the variable.
 */
export function tracesExporterFrom(source: Record<string, string | undefined> = process.env): TracesExporter {
  if ((source.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return 'none';
  const names = (source.OTEL_TRACES_EXPORTER ?? 'none')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
  const unknown = names.filter((name) => !['otlp', 'console', 'none'].includes(name));
  if (unknown.length > 0) throw new Error(`OTEL_TRACES_EXPORTER: ${unknown.join(', ')} is not one of otlp, console, none`);
  if (names.length > 1) throw new Error('OTEL_TRACES_EXPORTER: name one exporter (otlp, console or none)');
  const protocol = source.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? source.OTEL_EXPORTER_OTLP_PROTOCOL;
  if (names[0] === 'otlp' && protocol !== undefined && !['http/protobuf', 'http/json'].includes(protocol)) {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL: ${protocol} is not supported; traces go over HTTP (http/protobuf or http/json)`);
  }
  return (names[0] as TracesExporter | undefined) ?? 'none';
}

/** Samples a root span only when it is a request a service received. */
function requestsOnly(decisions: typeof tracing.SamplingDecision): tracing.Sampler {
  return {
    shouldSample: (_context, _traceId, _name, kind) => ({ decision: kind === SpanKind.SERVER ? decisions.RECORD_AND_SAMPLED : decisions.NOT_RECORD }),
    toString: () => 'RequestsOnly',
  };
}

/** OTLP over HTTP in the protocol the variables name: protobuf (the specification's default) or JSON. Each reads its endpoint and headers from `OTEL_EXPORTER_OTLP_*` itself. */
function otlpExporter(source: Record<string, string | undefined>): tracing.SpanExporter {
  /* eslint-disable @typescript-eslint/no-require-imports */
  if ((source.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? source.OTEL_EXPORTER_OTLP_PROTOCOL) === 'http/json') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter();
  }
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter();
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function instrumentations(): Instrumentation[] {
  // Required here, not imported above: loading them is the cost tracing-off services skip.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return [
    // Probes and scrapes would be most of the traces and say nothing about a request.
    new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)(\?|$)/.test(req.url ?? '') }),
    // Field spans only for resolvers that do work, and never the values of variables or arguments.
    new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true, allowValues: false }),
    // Only statements of a traced request; parameter values stay out (they are personal data).
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
  ];
}

/**
 * Starts tracing for the process, once: the first call's service name wins (one process serving
 * the whole graph reports as one service). Resolves the exporter from the `OTEL_*` variables
 * unless span processors are handed in.
 */
export function startTracing(service: string, options: TracingOptions = {}, source: Record<string, string | undefined> = process.env): Tracing {
  if (started) return started.tracing;
  const exporter = options.spanProcessors ? 'otlp' : tracesExporterFrom(source);
  // Not remembered: a later call (a test with its own span processor) may still turn it on.
  if (exporter === 'none') return off;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const sdk = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  let spanProcessors = options.spanProcessors;
  if (!spanProcessors) {
    spanProcessors = [
      exporter === 'console'
        ? new sdk.tracing.SimpleSpanProcessor(new sdk.tracing.ConsoleSpanExporter())
        : new sdk.tracing.BatchSpanProcessor(otlpExporter(source)),
    ];
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const instrument = options.instrument ?? true;
  const node: NodeSDK = new sdk.NodeSDK({
    serviceName: source.OTEL_SERVICE_NAME ?? service,
    spanProcessors,
    // A trace starts with a request: work outside one (parsing the schema at start, a registry
    // poll) would each be a one-span trace of noise. `OTEL_TRACES_SAMPLER` replaces this.
    ...(source.OTEL_TRACES_SAMPLER ? {} : { sampler: new sdk.tracing.ParentBasedSampler({ root: requestsOnly(sdk.tracing.SamplingDecision) }) }),
    instrumentations: instrument ? instrumentations() : [],
    // The SDK would export metrics and logs over OTLP too when their variables are unset; here
    // metrics are Prometheus' (`/metrics`) and logs are stdout's, unless those variables ask.
    ...(source.OTEL_METRICS_EXPORTER ? {} : { metricReaders: [] }),
    ...(source.OTEL_LOGS_EXPORTER ? {} : { logRecordProcessors: [] }),
  });
  node.start();
  const handle: Tracing = {
    exporter,
    shutdown: async () => {
      started = undefined;
      await node.shutdown();
    },
  };
  started = { tracing: handle, instrumented: instrument };
  return handle;
}

/**
 * Starts tracing when `entryFile` is the process's main module: what a service's entry point
 * imports first. Importing the service as a library (tests, the CLIs, the all-in-one launcher)
 * leaves tracing to whoever runs the process.
 */
export function startTracingAsEntryPoint(service: string, entryFile: string): Tracing {
  if (require.main?.filename !== entryFile) return off;
  try {
    return startTracing(service);
  } catch (error) {
    // Before the logger exists: the same message a bad variable gives at any other start.
    process.stderr.write(`Invalid configuration:\n  - ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** Flushes and stops the SDK started in this process, if any: the last thing a stopping service does. */
export async function stopTracing(): Promise<void> {
  await started?.tracing.shutdown();
}

/**
 * Whether the GraphQL and HTTP instrumentations run in this process: where they do, the
 * runtime's own request and resolver spans would duplicate theirs and are left out.
 */
export function instrumentationActive(): boolean {
  return started?.instrumented ?? false;
}

/** Whether spans are recorded in this process at all; when not, the runtime wraps nothing. */
export function tracingEnabled(): boolean {
  return started !== undefined && started.tracing.exporter !== 'none';
}
