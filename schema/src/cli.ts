import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { changelogMarkdown } from './changelog';
import { diffApiSchemas } from './changes';
import { checkSchema, formatCheck } from './check';
import { composeRepository, formatProblems, readSubgraphSdls } from './compose';
import { deprecationReport } from './deprecations';
import { coordinatesUnder } from './operation-usage';
import { publishSchema, PublishRefused, rollbackSchema } from './publish';
import { SchemaRegistry } from './registry';
import { registryLocationFromEnvironment } from './registry-location';
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

/** Opens the registry named by the environment for one command, and always closes it. */
async function withRegistry<T>(work: (registry: SchemaRegistry) => Promise<T>): Promise<T> {
  const registry = await SchemaRegistry.open(registryLocationFromEnvironment());
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}

const defaultAuthor = () => process.env.SCHEMA_AUTHOR ?? userInfo().username;
const versionNumber = (text: string | undefined, what: string): number => {
  const value = Number(text);
  if (!text || !Number.isInteger(value) || value < 1) throw new TypeError(`${what} must be a version number (1, 2, …), not "${text ?? ''}"`);
  return value;
};

const check: Command = {
  summary: 'compose the working SDL and classify every change against the published supergraph',
  usage: 'check [--approve <Type.field>]… [--verbose]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { approve: { type: 'string', multiple: true, default: [] }, verbose: { type: 'boolean', default: false } },
      strict: true,
    });
    const result = await withRegistry((registry) => checkSchema({ subgraphs: readSubgraphSdls(), registry, approved: values.approve }));
    (result.composed && result.unapproved === 0 ? process.stdout : process.stderr).write(formatCheck(result, { verbose: values.verbose }));
    return result.composed && result.unapproved === 0 ? 0 : 1;
  },
};

const publish: Command = {
  summary: 'check, then record the working SDL as the next version in the registry',
  usage: 'publish --message <text> [--author <name>] [--approve <Type.field>]…',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { message: { type: 'string' }, author: { type: 'string' }, approve: { type: 'string', multiple: true, default: [] } },
      strict: true,
    });
    if (!values.message) throw new TypeError('publish needs --message: partners read it in the changelog');
    const message = values.message;
    try {
      const { version, check: result } = await withRegistry((registry) =>
        publishSchema(registry, { subgraphs: readSubgraphSdls(), author: values.author ?? defaultAuthor(), message, approved: values.approve }),
      );
      process.stdout.write(`${formatCheck(result)}Published version ${version.version}.\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof PublishRefused)) throw error;
      process.stderr.write(`${error.check ? formatCheck(error.check) : ''}Not published: ${error.message}\n`);
      return 1;
    }
  },
};

const history: Command = {
  summary: 'list the published versions',
  usage: 'history',
  async run(args) {
    parseArgs({ args, options: {}, strict: true });
    const versions = await withRegistry((registry) => registry.history());
    if (versions.length === 0) process.stdout.write('No version has been published yet.\n');
    for (const version of versions) {
      const counts = (['breaking', 'dangerous', 'safe'] as const).map((level) => `${version.changes.filter((change) => change.level === level).length} ${level}`);
      const restored = version.rollbackOf === null ? '' : ` (restores ${version.rollbackOf})`;
      process.stdout.write(`${String(version.version).padStart(4)}  ${version.publishedAt.toISOString()}  ${version.author}  ${version.message}${restored}  [${counts.join(', ')}]\n`);
    }
    return 0;
  },
};

const diffCommand: Command = {
  summary: 'list the changes between two published versions',
  usage: 'diff <from-version> <to-version>',
  async run(args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const from = versionNumber(positionals[0], '<from-version>');
    const to = versionNumber(positionals[1], '<to-version>');
    return withRegistry(async (registry) => {
      const [a, b] = [await registry.get(from), await registry.get(to)];
      if (!a || !b) {
        process.stderr.write(`Version ${!a ? from : to} is not in the registry.\n`);
        return 1;
      }
      const changes = await diffApiSchemas(a.apiSdl, b.apiSdl);
      if (changes.length === 0) process.stdout.write(`No change between ${from} and ${to}.\n`);
      for (const change of changes) process.stdout.write(`${change.level.padEnd(9)} ${change.message}${change.path ? ` [${change.path}]` : ''}\n`);
      return 0;
    });
  },
};

const rollback: Command = {
  summary: 'publish an earlier version again as the newest one',
  usage: 'rollback <version> [--author <name>] [--message <text>]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { author: { type: 'string' }, message: { type: 'string' } }, allowPositionals: true, strict: true });
    const target = versionNumber(positionals[0], '<version>');
    try {
      const version = await withRegistry((registry) => rollbackSchema(registry, target, { author: values.author ?? defaultAuthor(), message: values.message }));
      process.stdout.write(`Published version ${version.version}, restoring version ${target}.\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof PublishRefused)) throw error;
      process.stderr.write(`Not rolled back: ${error.message}\n`);
      return 1;
    }
  },
};

const usage: Command = {
  summary: 'who uses a field: recorded operations by partner, with counts and when last seen',
  usage: 'usage --field <Type.field>',
  async run(args) {
    const { values } = parseArgs({ args, options: { field: { type: 'string' } }, strict: true });
    const field = values.field;
    if (!field || !/^\w+\.\w+$/.test(field)) throw new TypeError('usage needs --field Type.field');
    const matches = coordinatesUnder(field);
    const all = await withRegistry((registry) => registry.allUsage());
    const used = all.filter((entry) => entry.coordinates.some(matches));
    if (used.length === 0) process.stdout.write(`No recorded operation uses ${field}.\n`);
    for (const entry of used) {
      process.stdout.write(`${entry.partner}  ${entry.operationName ?? '(anonymous operation)'}  ${entry.count} call(s), last ${entry.lastSeen.toISOString()}\n    ${entry.signature}\n`);
    }
    return 0;
  },
};

const deprecations: Command = {
  summary: 'deprecated fields, arguments and enum values of the latest version still in use, and by whom',
  usage: 'deprecations',
  async run(args) {
    parseArgs({ args, options: {}, strict: true });
    const report = await withRegistry(async (registry) => {
      const latest = await registry.latest();
      const composed = latest ? undefined : composeRepository();
      const apiSdl = latest?.apiSdl ?? (composed?.ok ? composed.apiSchemaSdl : undefined);
      if (!apiSdl) throw new Error('Nothing to report on: the registry is empty and the working SDL does not compose');
      return deprecationReport(apiSdl, await registry.allUsage());
    });
    if (report.length === 0) process.stdout.write('Nothing is deprecated.\n');
    for (const entry of report) {
      const partners = [...new Set(entry.usage.map((usage) => usage.partner))];
      const calls = entry.usage.reduce((sum, usage) => sum + usage.count, 0);
      const who = partners.length === 0 ? 'not used' : `used by ${partners.join(', ')} (${calls} call(s))`;
      process.stdout.write(`${entry.coordinate}: ${who}. Deprecated: ${entry.reason}\n`);
    }
    return 0;
  },
};

const changelog: Command = {
  summary: 'the partner changelog in Markdown, from the registry history',
  usage: 'changelog [--out <path>]',
  async run(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
    const markdown = changelogMarkdown(await withRegistry((registry) => registry.history()));
    if (values.out) {
      writeFileSync(values.out, markdown);
      process.stdout.write(`Wrote ${shown(values.out)}\n`);
    } else process.stdout.write(markdown);
    return 0;
  },
};

const commands: Record<string, Command> = { compose, check, publish, history, diff: diffCommand, rollback, usage, deprecations, changelog };

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
