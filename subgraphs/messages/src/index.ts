import { runSubgraph } from '@movement/runtime';
import { messages } from './server';

export { messages } from './server';

if (require.main === module) void runSubgraph(messages);
