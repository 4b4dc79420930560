import { parseArgs } from 'node:util';
import { createLogger, generateInternalKeyPair } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { loadLimitsConfig, startGateway, type GatewayService } from '@movement/gateway';
import { publishSchema, readSubgraphSdls, SchemaRegistry } from '@movement/schema';
import { startDemoGraph, subgraphNames } from '@movement/launcher';
import { compareThroughput, formatComparison } from './throughput';

/**
 * Gateway throughput with usage recording on versus off, in one run on loopback: the same four
 * subgraphs and registry behind two gateways that differ only in recording. Rounds alternate so
 * warm-up and machine noise fall on both alike.
 *
 *   npm run bench:usage -- --requests 1000 --concurrency 16 --rounds 5
 *
 * (the command README and docs/evolving-the-schema.md quote; the defaults are 2000 requests,
 * concurrency 16, 3 rounds).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } },
    strict: true,
  });
  const requests = Math.min(Number(values.requests), 100_000);
  const concurrency = Math.max(1, Number(values.concurrency));
  const rounds = Math.max(1, Number(values.rounds));
  const dataDir = `memory://bench-schema-usage`;
  const internalKeys = await generateInternalKeyPair();
  const { graph } = await startDemoGraph({ databaseFor: () => ({ dataDir }), accessDatabase: { dataDir }, internalKeys, seedPeople: 20, logLevel: 'silent' });
  const location = { dataDir: 'memory://bench-schema-registry' };
  const registry = await SchemaRegistry.open(location);
  await publishSchema(registry, { subgraphs: readSubgraphSdls(), author: 'bench', message: 'Baseline' });
  const subgraphUrls = Object.fromEntries(subgraphNames.map((name) => [name, graph.subgraphs[name].service.url]));
  const start = (recording: boolean) =>
    startGateway({
      port: 0,
      logger: createLogger('gateway', 'silent'),
      subgraphUrls,
      registry: { location, pollIntervalMs: 60_000 },
      usage: { enabled: recording, flushIntervalMs: 1000 },
      // Five partners at full speed: the per-partner rate limit would turn rounds into 429s.
      limits: { ...loadLimitsConfig({}), rateLimitPerMinute: 0 },
      access: { database: { dataDir }, signingKey: internalKeys.privateKey },
    });
  const gateways: Record<'on' | 'off', GatewayService> = { on: await start(true), off: await start(false) };
  // Five partners, each with its own key (the partner usage is recorded under).
  const partnerKeys = await Promise.all(
    Array.from(
      { length: 5 },
      async (_, i) =>
        (
          await gateways.on.apiKeys.issue({
            partnerId: syntheticId('organization', `bench-${i}`),
            name: `bench partner ${i}`,
            scopes: ['people:read', 'mandate:all-records'],
            createdBy: 'bench',
          })
        ).secret,
    ),
  );

  // Several distinct operations and partners, as real traffic has; a single-field person query
  // keeps the subgraph side small so the gateway's own cost shows.
  const bodies = Array.from({ length: 8 }, (_, i) =>
    JSON.stringify({ query: `query Q${i % 4} { person(id: "${syntheticId('person', (i % 20) + 1)}") { id fullName${i % 2 ? ' status' : ''} } }` }),
  );
  const send = (gateway: GatewayService) => async (i: number) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': partnerKeys[i % 5] },
      body: bodies[i % bodies.length],
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await response.arrayBuffer();
  };
  try {
    const result = await compareThroughput({ requests, concurrency, rounds, send: { on: send(gateways.on), off: send(gateways.off) } });
    await gateways.on.flushUsage();
    const recorded = (await registry.allUsage()).reduce((sum, usage) => sum + usage.count, 0);
    process.stdout.write(
      `requests per round: ${requests}, concurrency ${concurrency}, rounds ${rounds}\n${formatComparison('usage recording', result)}operations recorded: ${recorded}\n`,
    );
  } finally {
    await gateways.on.stop();
    await gateways.off.stop();
    await registry.close();
    await graph.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
