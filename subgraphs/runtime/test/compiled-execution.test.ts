import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, parse } from 'graphql';
import { compiledExecution } from '../src/compiled-execution';

const schema = buildSchema(`
  enum Status { WAITING DELIVERED }
  type Query { echo(status: Status!, days: Int!, note: String): String }
`);
// The resolvers a subgraph's schema carries, on the schema itself as buildSchema leaves them.
schema.getQueryType()!.getFields().echo.resolve = (_source, args: { status: string; days: number; note?: string | null }) =>
  `${args.status} ${args.days} ${args.note ?? '-'}`;

async function run(query: string, variables?: Record<string, unknown>) {
  const { executor } = await compiledExecution(schema).load({ apollo: { key: 'test', keyHash: 'test', graphRef: 'test', graphVariant: 'test' } } as never);
  if (!executor) throw new Error('compiledExecution gave no executor');
  const document = parse(query);
  // Twice: the first request compiles the operation, the second runs what was kept.
  const request = { document, operationName: 'Echo', request: { variables }, context: {} } as unknown as GatewayGraphQLRequestContext;
  return [await executor(request), await executor(request)];
}

test("a non-null variable left out takes the operation's default, as graphql-js gives it", async () => {
  const answers = await run(
    'query Echo($status: Status! = DELIVERED, $days: Int! = 14, $note: String = "kept") { echo(status: $status, days: $days, note: $note) }',
  );
  for (const answer of answers) expect(answer).toEqual({ data: { echo: 'DELIVERED 14 kept' } });
});

test('a variable given wins over its default, and null stays null', async () => {
  const answers = await run(
    'query Echo($status: Status! = DELIVERED, $days: Int! = 14, $note: String = "kept") { echo(status: $status, days: $days, note: $note) }',
    {
      status: 'WAITING',
      note: null,
    },
  );
  for (const answer of answers) expect(answer).toEqual({ data: { echo: 'WAITING 14 -' } });
});

test('a required variable without a default is still refused when left out', async () => {
  const [answer] = await run('query Echo($status: Status!) { echo(status: $status, days: 1) }');
  expect(answer?.errors?.map((error) => error.message)).toEqual(['Variable "$status" of required type "Status!" was not provided.']);
});
