#!/usr/bin/env node
import './tracing';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigurationError } from '@movement/runtime';
import { migrateService, serve, serviceNames, type ServiceName } from './services';

/**
 * The container image's entry point: `serve <service>` runs one service until SIGTERM,
 * `migrate <service>` applies its migrations and exits. Everything else comes from the environment.
 */
function service(value: string): ServiceName {
  if (!(serviceNames as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${serviceNames.join(', ')}.`);
  return value as ServiceName;
}

const program = new Command('movement').description('Runs one service of Movement Graph, configured by its environment variables.').showHelpAfterError();

program
  .command('serve')
  .description('Serve one service until SIGTERM or SIGINT, then let answers in flight finish and exit.')
  .argument('<service>', `the service to run: ${serviceNames.join(' | ')}`, service)
  .action((name: ServiceName) => serve(name));

program
  .command('migrate')
  .description("Apply one service's pending database migrations and exit.")
  .argument('<service>', `the service whose databases to migrate: ${serviceNames.join(' | ')}`, service)
  .action(async (name: ServiceName) => {
    try {
      await migrateService(name);
    } catch (error) {
      // The job's log is where an operator looks: the reason, not a stack.
      process.stderr.write(`${error instanceof ConfigurationError ? error.message : `Migration failed: ${(error as Error).message}`}\n`);
      process.exit(1);
    }
  });

void program.parseAsync(process.argv);
