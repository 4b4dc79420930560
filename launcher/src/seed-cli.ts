import { parseArgs } from 'node:util';
import { commandContext, type CommandContext } from './command-context';

/**
 * `npm run seed -- --people N [--reset]`: fills every subgraph's database with the deterministic
 * synthetic demo, scaled to N people, with a progress bar. Databases come from the same variables
 * as `npm start` (embedded by default, `DATABASE_URL` for PostgreSQL). Returns the process exit
 * code: 1, with the reason on stderr, when it cannot seed.
 */
export async function seed(argv: string[], overrides: Partial<CommandContext> = {}): Promise<number> {
  const context = commandContext(overrides);
  try {
    await seedGraph(argv, context);
    return 0;
  } catch (error) {
    context.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

async function seedGraph(argv: string[], context: CommandContext): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string', default: '500' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    context.stdout.write(
      'Usage: npm run seed -- [--people N] [--reset]\n  --people N  synthetic people to create (default 500)\n  --reset     empty the databases first\n',
    );
    return;
  }
  const people = Number(values.people);
  if (!Number.isInteger(people) || people < 1) throw new Error(`--people must be a positive integer, got "${values.people}"`);
  // The graph's code is loaded only once the arguments are known to be good: a refusal is answered at once.
  const { seedGraphDatabases } = await import('./seed-commands.js');
  await seedGraphDatabases(context, people, values.reset);
}

if (require.main === module) {
  void seed(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
