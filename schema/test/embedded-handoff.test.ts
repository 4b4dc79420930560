import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ingestUsageSpool,
  servedDir,
  ServedSupergraphFiles,
  spooledUsageFiles,
  UsageSpoolFile,
  usageSpoolDir,
  writeServedSupergraph,
  type UsageIncrement,
} from '../src';

// The file halves of the embedded registry's handoff, without a database: a fake sink stands in for it.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'schema-handoff-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const increment = (partner: string, count: number): UsageIncrement => ({
  signatureHash: 'h1',
  partner,
  operationName: null,
  signature: '{person{fullName}}',
  coordinates: ['Query.person', 'Person.fullName'],
  count,
});

test('the reader sees nothing before a publish, then the latest version, and never a supergraph that does not match its number', async () => {
  const files = new ServedSupergraphFiles(dir);
  expect(await files.latestVersionNumber()).toBeUndefined();
  writeServedSupergraph(dir, { version: 3, supergraphSdl: 'type Query { a: String }' });
  expect(await files.latestVersionNumber()).toBe(3);
  expect(await files.get(3)).toEqual({ version: 3, supergraphSdl: 'type Query { a: String }' });
  expect(await files.get(2)).toBeUndefined();
  // The next publish's supergraph landed, its version.json not yet: version 3 is not claimed for it.
  writeFileSync(join(servedDir(dir), 'supergraph.graphql'), 'type Query { b: String }');
  expect(await files.get(3)).toBeUndefined();
  expect(readdirSync(servedDir(dir)).sort()).toEqual(['supergraph.graphql', 'version.json']);
});

test('spooled flushes are ingested once, with their times, including a file an earlier ingestion left claimed', async () => {
  const spool = new UsageSpoolFile(dir);
  const first = new Date('2026-01-01T00:00:00Z');
  await spool.recordUsage([increment('a', 2)], first);
  await spool.recordUsage([]);
  await spool.recordUsage([increment('b', 1)]);
  expect(spooledUsageFiles(dir)).toHaveLength(2);
  writeFileSync(join(usageSpoolDir(dir), 'left-over.jsonl.ingesting'), `${JSON.stringify({ seenAt: first.toISOString(), increments: [increment('c', 5)] })}\n`);

  const recorded: Array<{ partners: string[]; seenAt: string | undefined }> = [];
  const sink = {
    recordUsage: async (increments: readonly UsageIncrement[], seenAt?: Date) =>
      void recorded.push({ partners: increments.map((entry) => entry.partner), seenAt: seenAt?.toISOString() }),
  };
  expect(await ingestUsageSpool(dir, sink)).toEqual({ files: 3, lines: 3 });
  expect(recorded.map((entry) => entry.partners[0]).sort()).toEqual(['a', 'b', 'c']);
  expect(recorded.find((entry) => entry.partners[0] === 'a')?.seenAt).toBe(first.toISOString());
  expect(spooledUsageFiles(dir)).toEqual([]);
  expect(await ingestUsageSpool(dir, sink)).toEqual({ files: 0, lines: 0 });
  expect(await ingestUsageSpool(join(dir, 'absent'), sink)).toEqual({ files: 0, lines: 0 });
});
