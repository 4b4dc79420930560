import type { ChangeLevel } from './changes';
import type { SchemaVersion } from './registry';

const headings: Record<ChangeLevel, string> = {
  breaking: 'Breaking changes',
  dangerous: 'Changes that may affect you',
  safe: 'Additions and safe changes',
};

/** The partner changelog, newest version first, in Markdown. */
export function changelogMarkdown(history: readonly SchemaVersion[]): string {
  const lines = ['# Movement Graph schema changelog', ''];
  if (history.length === 0) lines.push('No version has been published yet.', '');
  for (const version of [...history].reverse()) {
    lines.push(`## Version ${version.version} — ${version.publishedAt.toISOString().slice(0, 10)}`, '');
    lines.push(version.message, '');
    if (version.rollbackOf !== null) lines.push(`This version restores the schema of version ${version.rollbackOf}.`, '');
    if (version.changes.length === 0) lines.push('No change to the public API.', '');
    for (const level of ['breaking', 'dangerous', 'safe'] as const) {
      const changes = version.changes.filter((change) => change.level === level);
      if (changes.length === 0) continue;
      lines.push(`### ${headings[level]}`, '');
      for (const change of changes) lines.push(`- ${change.message}`);
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
