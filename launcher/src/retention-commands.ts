import { randomUUID } from 'node:crypto';
import { createLogger, type AuditRead, type Logger } from '@movement/runtime';
import { AuditLog, openAccessDatabase } from '@movement/gateway';
import { anonymisationCandidates, anonymise } from '@movement/people';
import { anonymiseMessagesOf } from '@movement/messages';
import { loadGraphEnvironment } from './graph/environment';
import { SubgraphDatabases } from './graph/subgraph-databases';
import type { CommandContext } from './command-context';

// The work of `npm run retention` (retention-cli.ts), loaded once the command line has been checked.

type GraphEnvironment = ReturnType<typeof loadGraphEnvironment>;

type ReviewCount = { kind: string; total: number; closed: number };

async function review(run: Run, asOf: string): Promise<void> {
  const people = await run.databases.with('people', (driver) =>
    driver.query<ReviewCount>(
      `SELECT 'people' AS kind, count(*)::int AS total, count(*) FILTER (WHERE "anonymisedOn" IS NOT NULL)::int AS closed FROM "people"."Person" WHERE "reviewOn" < $1::date
       UNION ALL SELECT 'tracing requests', count(*)::int, count(*) FILTER (WHERE "status" IN ('REUNITED', 'CLOSED'))::int FROM "people"."TracingRequest" WHERE "reviewOn" < $1::date
       UNION ALL SELECT 'detention records', count(*)::int, count(*) FILTER (WHERE "custodyStatus" <> 'IN_CUSTODY')::int FROM "people"."DetentionRecord" WHERE "reviewOn" < $1::date`,
      [asOf],
    ),
  );
  // A message is closed once its journey ended; support once carried out or failed; assistance once given.
  const messages = await run.databases.with('messages', (driver) =>
    driver.query<ReviewCount>(
      `SELECT 'messages' AS kind, count(*)::int AS total, count(*) FILTER (WHERE "status" IN ('DELIVERED', 'RETURNED'))::int AS closed
       FROM "messages"."RedCrossMessage" WHERE "reviewOn" < $1::date`,
      [asOf],
    ),
  );
  const assistance = await run.databases.with('assistance', (driver) =>
    driver.query<ReviewCount>(
      `SELECT 'assistance records' AS kind, count(*)::int AS total, count(*)::int AS closed FROM "assistance"."AssistanceRecord" WHERE "reviewOn" < $1::date
       UNION ALL SELECT 'reunification support', count(*)::int, count(*) FILTER (WHERE "outcome" <> 'PLANNED')::int FROM "assistance"."ReunificationSupport" WHERE "reviewOn" < $1::date`,
      [asOf],
    ),
  );
  const counts = [...people, ...messages, ...assistance];
  const candidates = await run.databases.with('people', (driver) => anonymisationCandidates(driver, asOf));
  for (const row of counts) run.stdout.write(`${row.kind} past review on ${asOf}: ${row.total} (${row.closed} closed or anonymised)\n`);
  run.stdout.write(`people whose closed cases may be anonymised: ${candidates.length}\n`);
}

async function anonymiseClosedCases(run: Run, asOf: string, dryRun: boolean): Promise<void> {
  const candidates = await run.databases.with('people', (driver) => anonymisationCandidates(driver, asOf));
  if (dryRun || candidates.length === 0) {
    run.stdout.write(`${dryRun ? 'Would anonymise' : 'Nothing to anonymise:'} ${candidates.length} people on ${asOf}\n`);
    return;
  }
  const operator = run.env.USER ?? 'operator';
  const access = await openAccessDatabase(run.graph.accessDatabase, run.logger);
  try {
    const reads: AuditRead[] = candidates.map((id) => ({ recordType: 'Person', recordId: id, field: 'anonymised', personIds: [id] }));
    await new AuditLog(access.driver).append(
      {
        principal: { subject: `cli:${operator}`, kind: 'admin', partnerId: null, scopes: [] },
        operationName: `retention anonymise --as-of ${asOf}`,
        requestId: randomUUID(),
      },
      reads,
    );
  } finally {
    await access.close();
  }
  const done = await run.databases.with('people', (driver) => anonymise(driver, asOf, candidates));
  const messages = await run.databases.with('messages', (driver) => anonymiseMessagesOf(driver, done.personIds, asOf));
  const [kept] = await run.databases.with('assistance', (driver) =>
    driver.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "assistance"."AssistanceRecord" WHERE "beneficiaryId" = ANY($1::uuid[]))::int
            + (SELECT count(*) FROM "assistance"."ReunificationSupport" WHERE "personId" = ANY($1::uuid[]))::int AS n`,
      [done.personIds],
    ),
  );
  run.stdout.write(
    `Anonymised ${done.personIds.length} people, ${done.tracingRequestIds.length} tracing requests, ${done.detentionRecordIds.length} detention records and ${messages} messages on ${asOf}\n`,
  );
  run.stdout.write(`Kept ${kept?.n ?? 0} assistance records and reunification support of theirs, which name no one\n`);
}

/** What a command works with: the caller's context, the graph's configuration and the databases it opened. */
type Run = CommandContext & { graph: GraphEnvironment; logger: Logger; databases: SubgraphDatabases };

/** Runs `review` or `anonymise` on the graph's databases, which it opens and closes. */
export async function runRetentionCommand(context: CommandContext, command: 'review' | 'anonymise', asOf: string, dryRun: boolean): Promise<void> {
  const graph = loadGraphEnvironment(context.env);
  const logger = createLogger('retention', graph.logLevel === 'info' ? 'warn' : graph.logLevel);
  const run: Run = { ...context, graph, logger, databases: new SubgraphDatabases(graph, logger) };
  try {
    if (command === 'review') await review(run, asOf);
    else await anonymiseClosedCases(run, asOf, dryRun);
  } finally {
    await run.databases.close();
  }
}
