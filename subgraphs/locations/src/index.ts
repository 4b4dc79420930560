import './tracing';
import { runSubgraph } from '@movement/runtime';
import { locations } from './server';

export { locations } from './server';

if (require.main === module) void runSubgraph(locations);
