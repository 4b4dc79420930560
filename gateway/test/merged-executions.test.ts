import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { createLogger, type AuditRead, type Principal } from '@movement/runtime';
import type { GatewayContext } from '../src/context';
import { MergedExecutions, type ExecutionAnswer, type ExecutionRequest } from '../src/merged-executions';

/**
 * Identical client queries in flight at once are executed once per principal: never across
 * principals (however alike their scopes), never a mutation, never two requests that differ in
 * anything the answer depends on; every request gets its own copy and records the audited reads.
 */
const quiet = createLogger('gateway', 'silent');
const schema = buildSchema('type Query { person: String } type Mutation { register: String }');
const partner = (subject: string, scopes = ['people:read']): Principal => ({ subject, kind: 'partner', partnerId: `partner-of-${subject}`, scopes });
const belarus = partner('key:belarus');
const russia = partner('key:russia');

const operationOf = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;
const query = operationOf('query Person { person }');
const mutation = operationOf('mutation Register { register }');

const request = (overrides: Partial<ExecutionRequest> = {}): ExecutionRequest => ({
  schema,
  operation: query,
  queryHash: 'hash-of-the-text',
  operationName: 'Person',
  variables: { id: 'p1' },
  ...overrides,
});

const contextOf = (principal: Principal): GatewayContext => ({
  requestId: `request-${Math.random()}`,
  logger: quiet,
  principal,
  operationName: 'Person',
  auditReads: [],
  trustedDocumentsOnly: false,
});

/**
 * An executor whose executions finish only when told, so requests are certainly in flight at
 * once; each execution answers with the principal it ran for and records one audited read.
 */
function executor() {
  const runs: Array<() => void> = [];
  let executions = 0;
  const execute = (context: GatewayContext) => () =>
    new Promise<ExecutionAnswer>((resolve) => {
      executions += 1;
      runs.push(() => {
        const read: AuditRead = { recordType: 'Person', recordId: 'p1', field: 'detentionRecords', personIds: ['p1'] };
        context.auditReads.push(read);
        resolve({ data: { person: context.principal.subject, list: [1, 2] } });
      });
    });
  const finish = () => runs.splice(0).forEach((run) => run());
  return { runs, execute, finish, executions: () => executions };
}

let merged: MergedExecutions<ExecutionAnswer>;
beforeEach(() => {
  merged = new MergedExecutions<ExecutionAnswer>();
});

test('two identical queries of one principal in flight at once are executed once; each gets its own copy and records the reads', async () => {
  const { runs, execute, finish } = executor();
  const [first, second] = [contextOf(belarus), contextOf(belarus)];
  const answers = Promise.all([merged.run(request(), first, execute(first)), merged.run(request(), second, execute(second))]);
  expect(runs).toHaveLength(1);
  finish();
  const [a, b] = await answers;
  expect(a).toEqual({ data: { person: belarus.subject, list: [1, 2] } });
  expect(b).toEqual(a);
  expect(b.data).not.toBe(a.data);
  // What one request does to its answer never shows in the other's.
  (b.data!.list as number[]).push(3);
  expect(a.data!.list).toEqual([1, 2]);
  // Each request records the audited reads of its answer once, under its own request id.
  expect(first.auditReads).toHaveLength(1);
  expect(second.auditReads).toHaveLength(1);
  expect(second.auditReads[0]).toEqual(first.auditReads[0]);
  expect(second.auditReads[0].personIds).not.toBe(first.auditReads[0].personIds);
});

test.each([
  ['another principal with the same scopes', () => contextOf(russia), request()],
  ['the same principal with other scopes', () => contextOf({ ...belarus, scopes: [...belarus.scopes, 'people:read:sensitive'] }), request()],
  ['the same principal as an app', () => contextOf({ ...belarus, kind: 'app' }), request()],
  ['the same principal for another partner', () => contextOf({ ...belarus, partnerId: 'another partner' }), request()],
  ['other variables', () => contextOf(belarus), request({ variables: { id: 'p2' } })],
  ['another document', () => contextOf(belarus), request({ queryHash: 'hash-of-another-text' })],
  ['another operation of the document', () => contextOf(belarus), request({ operationName: 'Other' })],
  ['another schema', () => contextOf(belarus), request({ schema: buildSchema('type Query { person: String }') })],
])('the same query with %s is executed on its own, and answers its own caller', async (_case, other, otherRequest) => {
  const { runs, execute, finish } = executor();
  const [first, second] = [contextOf(belarus), other()];
  const answers = Promise.all([merged.run(request(), first, execute(first)), merged.run(otherRequest, second, execute(second))]);
  expect(runs).toHaveLength(2);
  finish();
  const [a, b] = await answers;
  expect(a.data!.person).toBe(first.principal.subject);
  expect(b.data!.person).toBe(second.principal.subject);
  expect(first.auditReads).toHaveLength(1);
  expect(second.auditReads).toHaveLength(1);
});

test('a mutation is never merged, however identical', async () => {
  const { runs, execute, finish } = executor();
  const [first, second] = [contextOf(belarus), contextOf(belarus)];
  const mutate = request({ operation: mutation, operationName: 'Register' });
  const answers = Promise.all([merged.run(mutate, first, execute(first)), merged.run(mutate, second, execute(second))]);
  expect(runs).toHaveLength(2);
  finish();
  await answers;
});

test('queries one after the other are each executed: only those in flight at once are merged', async () => {
  const { execute, finish, executions } = executor();
  for (const context of [contextOf(belarus), contextOf(belarus)]) {
    const answer = merged.run(request(), context, execute(context));
    finish();
    expect((await answer).data!.person).toBe(belarus.subject);
    expect(context.auditReads).toHaveLength(1);
  }
  expect(executions()).toBe(2);
});

test('a failed execution fails every request that joined it, and the next one executes again', async () => {
  let executions = 0;
  const failing = () => {
    executions += 1;
    return Promise.reject(new Error('subgraph down'));
  };
  const results = await Promise.allSettled([merged.run(request(), contextOf(belarus), failing), merged.run(request(), contextOf(belarus), failing)]);
  expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  expect(executions).toBe(1);
  await expect(merged.run(request(), contextOf(belarus), failing)).rejects.toThrow('subgraph down');
  expect(executions).toBe(2);
});
