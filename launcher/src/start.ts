import './start-tracing';
import { ConfigurationError, createLogger, runUntilSignal } from '@movement/runtime';
import { demoBanner } from './demo/demo-banner';
import { startDemoGraph } from './demo/demo-graph';
import { loadGraphEnvironment } from './graph/environment';

/**
 * `npm start`: the whole graph on this machine, seeded with synthetic demo data on first run.
 * Each start issues fresh demo credentials (API keys for three partners, tokens for an internal
 * app and an admin), revokes those of the start before, and prints them: the data is synthetic,
 * and these are for trying the graph. It refuses to run with NODE_ENV=production, where keys that
 * were printed to a log must never work.
 */
const logger = createLogger('graph');
void runUntilSignal(async () => {
  const env = loadGraphEnvironment();
  if (env.limits.nodeEnv === 'production') {
    throw new ConfigurationError([
      'NODE_ENV: npm start is the demo launcher (synthetic data, demo credentials printed to the log) and does not run with NODE_ENV=production; start the gateway and each subgraph on their own (node gateway/dist/index.js, node subgraphs/<name>/dist/index.js)',
    ]);
  }
  const startedAt = Date.now();
  const { graph, credentials } = await startDemoGraph({ ...env, databaseFor: env.databaseFor });
  logger.info(
    {
      icrcDelegation: credentials.icrc,
      russianRedCross: credentials.russianRedCross,
      belarusRedCross: credentials.belarusRedCross,
      internalApp: credentials.app,
      admin: credentials.admin,
    },
    'demo credentials (synthetic data only): send these headers',
  );
  logger.info({ url: graph.url, seconds: (Date.now() - startedAt) / 1000 }, `Movement Graph is ready at ${graph.url}`);
  // For the person at the terminal; when stdout is collected as JSON lines, the banner goes to
  // stderr so that stdout stays one JSON object per line.
  (process.stdout.isTTY ? process.stdout : process.stderr).write(`${demoBanner(graph.url, credentials)}\n`);
  return { url: graph.url, port: graph.gateway.port, stop: () => graph.stop() };
}, logger);
