import { join } from 'node:path';
import { startTracingAsEntryPoint } from '@movement/runtime/tracing';

// The CLI imports this first, before the services' modules: the instrumentations patch only
// modules required after them. Only `serve` runs a service worth tracing, named by its argument.
const [command, service] = process.argv.slice(2);
if (command === 'serve' && service) startTracingAsEntryPoint(service, join(__dirname, 'cli.js'));
