import './tracing';
import { runSubgraph } from '@movement/runtime';
import { messages } from './server';

export { messages } from './server';
export { anonymiseMessagesOf } from './retention';

if (require.main === module) void runSubgraph(messages);
