import './tracing';
import { runSubgraph } from '@movement/runtime';
import { assistance } from './server';

export { assistance } from './server';

if (require.main === module) void runSubgraph(assistance);
