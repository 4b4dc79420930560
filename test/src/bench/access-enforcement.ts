import { parseArgs } from 'node:util';
import { createLogger, generateInternalKeyPair } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { loadLimitsConfig, startGateway, type GatewayService } from '@movement/gateway';
import { startDemoGraph, demoPartnerKeys, subgraphNames } from '@movement/launcher';
import { compareThroughput, formatComparison } from './throughput';

/**
 * Gateway throughput with access enforcement on versus off, in one run on loopback: the same
 * four subgraphs behind two gateways that differ only in whether they remove what the principal
 * may not read before planning. Both authenticate and sign the same way, and the subgraphs enforce
 * the same rules either way (with enforcement off the redacted field is refused by the subgraph
 * instead), so the difference is the gateway's own cost. Rounds alternate so warm-up and noise
 * fall on both alike.
 *
 *   npm run bench:access -- [--requests 2000] [--concurrency 16] [--rounds 5]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' }, rounds: { type: 'string', default: '5' } },
    strict: true,
  });
  const requests = Math.min(Number(values.requests), 100_000);
  const concurrency = Math.max(1, Number(values.concurrency));
  const rounds = Math.max(1, Number(values.rounds));
  const dataDir = 'memory://bench-access';
  const internalKeys = await generateInternalKeyPair();
  const { graph } = await startDemoGraph({ databaseFor: () => ({ dataDir }), accessDatabase: { dataDir }, internalKeys, seedPeople: 50, logLevel: 'silent' });
  const subgraphUrls = Object.fromEntries(subgraphNames.map((name) => [name, graph.subgraphs[name].service.url]));
  const start = (enforce: boolean) =>
    startGateway({
      port: 0,
      logger: createLogger('gateway', 'silent'),
      subgraphUrls,
      // The benchmark is one principal at full speed: rate limiting off on both.
      limits: { ...loadLimitsConfig({}), rateLimitPerMinute: 0 },
      access: { database: { dataDir }, signingKey: internalKeys.privateKey, enforce },
    });
  const gateways: Record<'on' | 'off', GatewayService> = { on: await start(true), off: await start(false) };
  // A partner without the sensitive scope, asking for a person with a sensitive field: the same
  // query on both gateways, answered with the field redacted.
  const spec = demoPartnerKeys.russianRedCross;
  const { secret } = await gateways.on.apiKeys.issue({
    partnerId: syntheticId('organization', spec.partnerKey),
    name: 'bench',
    scopes: [...spec.scopes, 'mandate:all-records'],
    createdBy: 'bench',
  });
  const bodies = Array.from({ length: 8 }, (_, i) =>
    JSON.stringify({ query: `query Q${i % 4} { person(id: "${syntheticId('person', (i % 20) + 1)}") { id fullName status vulnerabilities } }` }),
  );
  const send = (gateway: GatewayService) => async (i: number) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: bodies[i % bodies.length],
    });
    const body = (await response.json()) as {
      data?: { person?: { fullName?: string; vulnerabilities?: unknown } };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    if (!response.ok || !body.data?.person?.fullName || body.data.person.vulnerabilities !== null || body.errors?.[0]?.extensions?.code !== 'FORBIDDEN') {
      throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
    }
  };
  try {
    const result = await compareThroughput({ requests, concurrency, rounds, send: { on: send(gateways.on), off: send(gateways.off) } });
    process.stdout.write(`requests per round: ${requests}, concurrency ${concurrency}, rounds ${rounds}\n${formatComparison('access enforcement', result)}`);
  } finally {
    await gateways.on.stop();
    await gateways.off.stop();
    await graph.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
