import type { Context } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import { startTracing } from '../telemetry/tracing';

/** A span as recorded, with what a test reads of it. */
export type RecordedSpan = tracing.ReadableSpan;

/** The spans of this process, kept in memory for a test to read. */
export interface SpanRecorder {
  /** The spans ended since the start or the last `reset`. */
  spans(): RecordedSpan[];
  reset(): void;
  /** Resolves once a span `matches` has ended (or already had since the last `reset`). */
  ended(matches: (span: RecordedSpan) => boolean): Promise<RecordedSpan>;
  stop(): Promise<void>;
}

/**
 * Starts tracing in this process into memory, before the services a test starts: every span of
 * the gateway and the subgraphs running in the process is kept. Test support only.
 */
export function recordSpans(): SpanRecorder {
  let recorded: RecordedSpan[] = [];
  let waiting: Array<{ matches: (span: RecordedSpan) => boolean; resolve: (span: RecordedSpan) => void }> = [];
  const processor: tracing.SpanProcessor = {
    onStart: (_span: tracing.Span, _context: Context) => undefined,
    onEnd: (span) => {
      recorded.push(span);
      const met = waiting.filter((wait) => wait.matches(span));
      waiting = waiting.filter((wait) => !met.includes(wait));
      for (const wait of met) wait.resolve(span);
    },
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  const started = startTracing('movement-graph-test', { spanProcessors: [processor], instrument: false });
  return {
    spans: () => [...recorded],
    reset: () => {
      recorded = [];
    },
    ended: (matches) => {
      const already = recorded.find(matches);
      return already ? Promise.resolve(already) : new Promise((resolve) => waiting.push({ matches, resolve }));
    },
    stop: () => started.shutdown(),
  };
}
