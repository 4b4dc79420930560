import { join } from 'node:path';
import { startTracingAsEntryPoint } from '@movement/runtime/tracing';

// `npm start` (start.ts) imports this first: the instrumentations patch only modules required after them.
startTracingAsEntryPoint('movement-graph', join(__dirname, 'start.js'));
