import { createLogger, runUntilSignal } from '@movement/runtime';
import { startDemoGraph } from './demo-graph';
import { loadGraphEnvironment } from './environment';

/**
 * `npm start`: the whole graph on this machine, seeded with synthetic demo data on first run.
 * Each start issues fresh demo credentials (API keys for three partners, tokens for an internal
 * app and an admin) and prints them: the data is synthetic, and these are for trying the graph.
 */
const logger = createLogger('graph');
void runUntilSignal(async () => {
  const env = loadGraphEnvironment();
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
  return { url: graph.url, port: graph.gateway.port, stop: graph.stop };
}, logger);
