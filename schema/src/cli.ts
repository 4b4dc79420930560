import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { changelogMarkdown } from './changelog';
import { diffSchemas } from './changes';
import { checkSchema, formatCheck } from './check';
import { composeSubgraphs, formatProblems, readSubgraphSdls, type SubgraphSdl } from './compose';
import { deprecationReport } from './deprecations';
import { ingestUsageSpool } from './embedded-handoff';
import { coordinatesUnder } from './operation-usage';
import { publishSchema, PublishRefused, rollbackSchema } from './publish';
import { readmePath, scopeTable, writeScopeTable } from './scope-table';
import { errorTable, partnerGuidePath, writeErrorTables } from './error-table';
import { SchemaRegistry, type RegistryLocation } from './registry';
import { registryLocationFromEnvironment } from './registry-location';
import { apiSchemaPath, repositoryRoot, supergraphPath } from './subgraphs';

/**
 * What a command reads and writes besides its arguments. The defaults are the repository's SDL
 * files, the registry named by the environment and the process's streams; tests pass their own.
 */
export interface CliContext {
  subgraphs: () => SubgraphSdl[];
  registryLocation: () => RegistryLocation;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const processContext = (): CliContext => ({
  subgraphs: () => readSubgraphSdls(),
  registryLocation: () => registryLocationFromEnvironment(),
  stdout: process.stdout,
  stderr: process.stderr,
});

/** A subcommand: `npm run schema -- <name> [options]`. Returns the process exit code. */
interface Command {
  summary: string;
  usage: string;
  run(args: string[], context: CliContext): number | Promise<number>;
}

const shown = (path: string) => relative(process.cwd(), path) || path;

const compose: Command = {
  summary: 'compose the subgraphs into schema/supergraph.graphql and schema/api.graphql',
  usage: 'compose [--supergraph <path>] [--api <path>] [--quiet]',
  run(args, context) {
    const { values } = parseArgs({
      args,
      options: {
        supergraph: { type: 'string', default: supergraphPath },
        api: { type: 'string', default: apiSchemaPath },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const outcome = composeSubgraphs(context.subgraphs());
    if (!outcome.ok) {
      context.stderr.write(`Composition failed with ${outcome.errors.length} error(s):\n${formatProblems(outcome.errors)}\n`);
      return 1;
    }
    writeFileSync(values.supergraph, outcome.supergraphSdl.endsWith('\n') ? outcome.supergraphSdl : `${outcome.supergraphSdl}\n`);
    writeFileSync(values.api, outcome.apiSchemaSdl);
    if (!values.quiet && outcome.hints.length > 0) context.stderr.write(`Hints:\n${formatProblems(outcome.hints)}\n`);
    context.stdout.write(`Wrote ${shown(values.supergraph)} and ${shown(values.api)}\n`);
    return 0;
  },
};

const scopes: Command = {
  summary: "the README's scope table, made from the supergraph's directives and the scope catalogue",
  usage: 'scopes [--write] [--readme <path>]',
  run(args, context) {
    const { values } = parseArgs({
      args,
      options: { write: { type: 'boolean', default: false }, readme: { type: 'string', default: readmePath } },
      strict: true,
    });
    if (!values.write) {
      context.stdout.write(`${scopeTable(readFileSync(supergraphPath, 'utf8'))}\n`);
      return 0;
    }
    writeScopeTable(values.readme);
    context.stdout.write(`Wrote the scope table into ${shown(values.readme)}\n`);
    return 0;
  },
};

const errors: Command = {
  summary: "the README's and the partner guide's tables of error codes, made from the runtime's error registry",
  usage: 'errors [--write]',
  run(args, context) {
    const { values } = parseArgs({ args, options: { write: { type: 'boolean', default: false } }, strict: true });
    if (!values.write) {
      context.stdout.write(`${errorTable()}\n`);
      return 0;
    }
    writeErrorTables();
    context.stdout.write(`Wrote the error tables into ${shown(readmePath)} and ${shown(partnerGuidePath)}\n`);
    return 0;
  },
};

/**
 * Opens the registry named by the environment for one command, and always closes it. An embedded
 * registry first takes in the usage a running gateway spooled: the gateway cannot write it itself.
 */
async function withRegistry<T>(context: CliContext, work: (registry: SchemaRegistry) => Promise<T>): Promise<T> {
  const registry = await SchemaRegistry.open(context.registryLocation());
  try {
    if (registry.embeddedDir) await ingestUsageSpool(registry.embeddedDir, registry);
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
  usage: 'check [--approve <Type.field>]…',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: { approve: { type: 'string', multiple: true, default: [] } },
      strict: true,
    });
    const result = await withRegistry(context, (registry) => checkSchema({ subgraphs: context.subgraphs(), registry, approved: values.approve }));
    (result.composed && result.unapproved === 0 ? context.stdout : context.stderr).write(formatCheck(result));
    return result.composed && result.unapproved === 0 ? 0 : 1;
  },
};

const publish: Command = {
  summary: 'check, then record the working SDL as the next version in the registry',
  usage: 'publish --message <text> [--author <name>] [--approve <Type.field>]…',
  async run(args, context) {
    const { values } = parseArgs({
      args,
      options: { message: { type: 'string' }, author: { type: 'string' }, approve: { type: 'string', multiple: true, default: [] } },
      strict: true,
    });
    if (!values.message) throw new TypeError('publish needs --message: partners read it in the changelog');
    const message = values.message;
    try {
      const { version, check: result } = await withRegistry(context, (registry) =>
        publishSchema(registry, { subgraphs: context.subgraphs(), author: values.author ?? defaultAuthor(), message, approved: values.approve }),
      );
      context.stdout.write(`${formatCheck(result)}Published version ${version.version}.\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof PublishRefused)) throw error;
      context.stderr.write(`${error.check ? formatCheck(error.check) : ''}Not published: ${error.message}\n`);
      return 1;
    }
  },
};

const history: Command = {
  summary: 'list the published versions',
  usage: 'history',
  async run(args, context) {
    parseArgs({ args, options: {}, strict: true });
    const versions = await withRegistry(context, (registry) => registry.history());
    if (versions.length === 0) context.stdout.write('No version has been published yet.\n');
    for (const version of versions) {
      const counts = (['breaking', 'dangerous', 'safe'] as const).map(
        (level) => `${version.changes.filter((change) => change.level === level).length} ${level}`,
      );
      const restored = version.rollbackOf === null ? '' : ` (restores ${version.rollbackOf})`;
      context.stdout.write(
        `${String(version.version).padStart(4)}  ${version.publishedAt.toISOString()}  ${version.author}  ${version.message}${restored}  [${counts.join(', ')}]\n`,
      );
    }
    return 0;
  },
};

const diffCommand: Command = {
  summary: 'list the changes between two published versions',
  usage: 'diff <from-version> <to-version>',
  async run(args, context) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const from = versionNumber(positionals[0], '<from-version>');
    const to = versionNumber(positionals[1], '<to-version>');
    return withRegistry(context, async (registry) => {
      const [a, b] = [await registry.get(from), await registry.get(to)];
      if (!a || !b) {
        context.stderr.write(`Version ${!a ? from : to} is not in the registry.\n`);
        return 1;
      }
      const changes = await diffSchemas(a, b);
      if (changes.length === 0) context.stdout.write(`No change between ${from} and ${to}.\n`);
      for (const change of changes) context.stdout.write(`${change.level.padEnd(9)} ${change.message}${change.path ? ` [${change.path}]` : ''}\n`);
      return 0;
    });
  },
};

const rollback: Command = {
  summary: 'publish an earlier version again as the newest one',
  usage: 'rollback <version> [--author <name>] [--message <text>]',
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      options: { author: { type: 'string' }, message: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const target = versionNumber(positionals[0], '<version>');
    try {
      const version = await withRegistry(context, (registry) =>
        rollbackSchema(registry, target, { author: values.author ?? defaultAuthor(), message: values.message }),
      );
      context.stdout.write(`Published version ${version.version}, restoring version ${target}.\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof PublishRefused)) throw error;
      context.stderr.write(`Not rolled back: ${error.message}\n`);
      return 1;
    }
  },
};

const usage: Command = {
  summary: 'who uses a field: recorded operations by partner, with counts and when last seen',
  usage: 'usage --field <Type.field>',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { field: { type: 'string' } }, strict: true });
    const field = values.field;
    if (!field || !/^\w+\.\w+$/.test(field)) throw new TypeError('usage needs --field Type.field');
    const matches = coordinatesUnder(field);
    const all = await withRegistry(context, (registry) => registry.allUsage());
    const used = all.filter((entry) => entry.coordinates.some(matches));
    if (used.length === 0) context.stdout.write(`No recorded operation uses ${field}.\n`);
    for (const entry of used) {
      context.stdout.write(
        `${entry.partner}  ${entry.operationName ?? '(anonymous operation)'}  ${entry.count} call(s), last ${entry.lastSeen.toISOString()}\n    ${entry.signature}\n`,
      );
    }
    return 0;
  },
};

const deprecations: Command = {
  summary: 'deprecated fields, arguments and enum values of the latest version still in use, and by whom',
  usage: 'deprecations',
  async run(args, context) {
    parseArgs({ args, options: {}, strict: true });
    const report = await withRegistry(context, async (registry) => {
      const latest = await registry.latest();
      const composed = latest ? undefined : composeSubgraphs(context.subgraphs());
      const apiSdl = latest?.apiSdl ?? (composed?.ok ? composed.apiSchemaSdl : undefined);
      if (!apiSdl) throw new Error('Nothing to report on: the registry is empty and the working SDL does not compose');
      return deprecationReport(apiSdl, await registry.allUsage());
    });
    if (report.length === 0) context.stdout.write('Nothing is deprecated.\n');
    for (const entry of report) {
      const partners = [...new Set(entry.usage.map((usage) => usage.partner))];
      const calls = entry.usage.reduce((sum, usage) => sum + usage.count, 0);
      const who = partners.length === 0 ? 'not used' : `used by ${partners.join(', ')} (${calls} call(s))`;
      context.stdout.write(`${entry.coordinate}: ${who}. Deprecated: ${entry.reason}\n`);
    }
    return 0;
  },
};

const changelog: Command = {
  summary: 'the partner changelog in Markdown, from the registry history',
  usage: 'changelog [--out <path>]',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
    const markdown = changelogMarkdown(await withRegistry(context, (registry) => registry.history()));
    if (values.out) {
      writeFileSync(values.out, markdown);
      context.stdout.write(`Wrote ${shown(values.out)}\n`);
    } else context.stdout.write(markdown);
    return 0;
  },
};

const commands: Record<string, Command> = { compose, scopes, errors, check, publish, history, diff: diffCommand, rollback, usage, deprecations, changelog };

function help(): string {
  const lines = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(10)} ${command.summary}\n             usage: npm run schema -- ${command.usage}`,
  );
  return `Schema administration for the Movement Graph (repository: ${repositoryRoot}).\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], overrides: Partial<CliContext> = {}): Promise<number> {
  const context: CliContext = { ...processContext(), ...overrides };
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    context.stdout.write(help());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    context.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 1;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with a readable message.
    context.stderr.write(`${(error as Error).message}\nusage: npm run schema -- ${command.usage}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
