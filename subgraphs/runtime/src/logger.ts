import pino, { type Logger } from 'pino';
import { traceIds } from './telemetry/spans';

export type { Logger };

/**
 * Structured JSON logs on stdout; one logger per service, children per request. Each line
 * written inside a traced request carries its `traceId` and `spanId`, so a log line leads to its trace.
 */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  const options = { name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, mixin: traceIds };
  return destination ? pino(options, destination) : pino(options);
}
