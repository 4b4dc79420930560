import { parseArgs } from 'node:util';
import { commandContext, type CommandContext } from './command-context';

/**
 * `npm run retention -- review | anonymise`: the retention rules an operator applies outside the
 * API. `review` counts the records past their review date in each subgraph (people, tracing
 * requests, detention records, Red Cross Messages, assistance records, reunification support) and
 * the people whose closed cases may be anonymised; `anonymise` anonymises them (see the people
 * subgraph's retention/anonymise.ts), after recording one audit entry per person in the gateway's
 * audit trail: the entry is written first, so nothing is removed unrecorded. Their messages lose
 * the addresses, and finished messages past their own review date the text (see the messages
 * subgraph's retention.ts). Assistance records and reunification support are kept as they are:
 * they hold no name, address or free text, only the person's id (whose names are gone), what was
 * given, where and when, which the Movement's reports count. A second run finds nothing more to
 * do. Databases come from the same variables as `npm start` (embedded by default: stop
 * `npm start` first, as an embedded database opens in one process only).
 */
const usage = `Usage: npm run retention -- <command> [--as-of YYYY-MM-DD]
  review                     count the records past their review date and the people whose closed cases may be anonymised
  anonymise [--dry-run]      anonymise them: names, birth dates, whereabouts and addresses removed; counts, statuses and assistance kept
  --as-of YYYY-MM-DD         the day to apply the rules on (default today)`;

/** `npm run retention -- <argv>`: returns the process exit code (2 for a bad command or date). */
export async function retention(argv: string[], overrides: Partial<CommandContext> = {}): Promise<number> {
  const context = commandContext(overrides);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'as-of': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  const [command] = positionals;
  if (values.help || !command) {
    context.stdout.write(`${usage}\n`);
    return command || values.help ? 0 : 2;
  }
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
    context.stderr.write(`--as-of must be a date YYYY-MM-DD, got "${asOf}"\n`);
    return 2;
  }
  if (command !== 'review' && command !== 'anonymise') {
    context.stderr.write(`Unknown command ${command}\n${usage}\n`);
    return 2;
  }
  // The graph's code is loaded only for a command that will run: a refused one is answered at once.
  const { runRetentionCommand } = await import('./retention-commands.js');
  await runRetentionCommand(context, command, asOf, values['dry-run']);
  return 0;
}

if (require.main === module) {
  retention(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
