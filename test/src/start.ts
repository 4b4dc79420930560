import { createLogger, runUntilSignal } from '@movement/runtime';
import { loadGraphEnvironment } from './environment';
import { startGraph } from './graph';

/** `npm start`: the whole graph on this machine, seeded with synthetic demo data on first run. */
const logger = createLogger('graph');
void runUntilSignal(async () => {
  const env = loadGraphEnvironment();
  const startedAt = Date.now();
  const graph = await startGraph({ ...env, databaseFor: env.databaseFor });
  logger.info({ url: graph.url, seconds: (Date.now() - startedAt) / 1000 }, `Movement Graph is ready at ${graph.url}`);
  return { url: graph.url, port: graph.gateway.port, stop: graph.stop };
}, logger);
