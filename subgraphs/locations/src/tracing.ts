import { join } from 'node:path';
import { startTracingAsEntryPoint } from '@movement/runtime/tracing';

// The entry point imports this first: the instrumentations patch only modules required after them.
startTracingAsEntryPoint('locations', join(__dirname, 'index.js'));
