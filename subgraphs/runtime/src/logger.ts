import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { traceIds } from './telemetry/spans';

export type { Logger };

/**
 * One logger per service, children per request: JSON lines on stdout for log collectors, and
 * readable lines (time, level, message, then the fields) when stdout is a terminal, where a person
 * reads them. The pretty stream is synchronous, so nothing is lost when a process exits. Each line
 * written inside a traced request carries its `traceId` and `spanId`, so a log line leads to its trace.
 */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  const options = { name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, mixin: traceIds };
  if (destination) return pino(options, destination);
  if (!process.stdout.isTTY) return pino(options);
  return pino(options, pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' }));
}
