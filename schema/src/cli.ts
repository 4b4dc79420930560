import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { composeRepository, formatProblems } from './compose';
import { apiSchemaPath, repositoryRoot, supergraphPath } from './subgraphs';

/** A subcommand: `npm run schema -- <name> [options]`. Returns the process exit code. */
interface Command {
  summary: string;
  usage: string;
  run(args: string[]): number | Promise<number>;
}

const shown = (path: string) => relative(process.cwd(), path) || path;

const compose: Command = {
  summary: 'compose the subgraphs into schema/supergraph.graphql and schema/api.graphql',
  usage: 'compose [--supergraph <path>] [--api <path>] [--quiet]',
  run(args) {
    const { values } = parseArgs({
      args,
      options: {
        supergraph: { type: 'string', default: supergraphPath },
        api: { type: 'string', default: apiSchemaPath },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const outcome = composeRepository();
    if (!outcome.ok) {
      process.stderr.write(`Composition failed with ${outcome.errors.length} error(s):\n${formatProblems(outcome.errors)}\n`);
      return 1;
    }
    writeFileSync(values.supergraph, outcome.supergraphSdl.endsWith('\n') ? outcome.supergraphSdl : `${outcome.supergraphSdl}\n`);
    writeFileSync(values.api, outcome.apiSchemaSdl);
    if (!values.quiet && outcome.hints.length > 0) process.stderr.write(`Hints:\n${formatProblems(outcome.hints)}\n`);
    process.stdout.write(`Wrote ${shown(values.supergraph)} and ${shown(values.api)}\n`);
    return 0;
  },
};

/** check, publish, diff and history join here as they are built. */
const commands: Record<string, Command> = { compose };

function help(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}\n             usage: npm run schema -- ${command.usage}`);
  return `Schema administration for the Movement Graph (repository: ${repositoryRoot}).\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 1;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with a readable message.
    process.stderr.write(`${(error as Error).message}\nusage: npm run schema -- ${command.usage}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
