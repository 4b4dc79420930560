/** Where a command reads its configuration and writes what it reports. */
export interface CommandContext {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The process's own environment and streams, unless a caller (a test running the command in its process) gives others. */
export const commandContext = (overrides: Partial<CommandContext>): CommandContext => ({
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  ...overrides,
});
