import { ConfigurationError } from './environment';
import type { RunningService } from './http';
import type { Logger } from './logger';
import { stopTracing } from './telemetry/tracing';

/**
 * Runs a service until SIGTERM or SIGINT, then stops it gracefully. Configuration errors are
 * logged and printed on stderr as a list naming each bad variable, and the process exits with 1.
 */
export async function runUntilSignal(start: () => Promise<RunningService>, logger: Logger): Promise<void> {
  let service: RunningService;
  try {
    service = await start();
  } catch (error) {
    if (error instanceof ConfigurationError) logger.fatal({ problems: error.problems }, error.message);
    else logger.fatal({ err: error }, 'failed to start');
    // Logs may go to a collector; whoever started the process reads why it stopped on stderr.
    process.stderr.write(`${error instanceof ConfigurationError ? error.message : `Failed to start: ${(error as Error).message}`}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down; letting in-flight requests finish');
    service
      .stop()
      // The spans of the last requests are still buffered; an exporter that cannot take them does not hold up the exit.
      .then(() => stopTracing().catch((error: unknown) => logger.warn({ err: error }, 'traces could not be flushed')))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
