import './tracing';
import { runSubgraph } from '@movement/runtime';
import { people } from './server';

export { people } from './server';
export { anonymisationCandidates, anonymise, type AnonymisedCases } from './retention/anonymise';

if (require.main === module) void runSubgraph(people);
