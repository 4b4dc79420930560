import { runSubgraph } from '@movement/runtime';
import { people } from './server';

export { people } from './server';
export { isSeeded, seed } from './seed';

if (require.main === module) void runSubgraph(people);
