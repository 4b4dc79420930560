import './tracing';
import { runSubgraph } from '@movement/runtime';
import { assistance } from './server';

export { assistance } from './server';
export { isSeeded, seed } from './seed';

if (require.main === module) void runSubgraph(assistance);
