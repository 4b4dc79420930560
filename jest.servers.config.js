/**
 * The suite's second pass (CI runs it after `npm test`): only the test files that use a database
 * or Redis — themselves or through a helper they import — against the servers in
 * TEST_POSTGRES_URL and TEST_REDIS_URL. Files that never open a database would only repeat what
 * the first pass proved, and so would the files below: they start a graph only to have something
 * to ask, and what they check is decided before or apart from any database (HTTP, CORS and
 * limits, introspection, the explorer in a browser, the typed client, pruning, another gateway's
 * refusals), on demo data that other files read and write on the server.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const suite = require('./jest.config.js');

if (!process.env.TEST_POSTGRES_URL) throw new Error('npm run test:servers needs TEST_POSTGRES_URL (and TEST_REDIS_URL for the shared rate limit).');

// What a test reaches a server through: the test databases' entry points and the servers' variables.
const usesServers = /\b(createTestDatabaseTarget|startTestGraph|sharedTestGraph|migratedSchemaDrift|migratedSchemasDrift|TEST_POSTGRES_URL|TEST_REDIS_URL)\b/;
const relativeImport = /\bfrom\s+'(\.{1,2}\/[^']+)'/g;
const databaseOnlyStoresTheirGraph = [
  'test/test/browser-calls.test.ts',
  'test/test/explorer-browser.test.ts',
  'test/test/graphql-over-http.test.ts',
  'test/test/limits.test.ts',
  'test/test/portability.test.ts',
  'test/test/pruned-operations.test.ts',
  'test/test/typed-client-esm.test.ts',
  'test/test/typed-client.test.ts',
  'test/test/visible-schema.test.ts',
].map((file) => join(__dirname, file));
// A name that matches no file (renamed, removed) is refused, so that the list says what is really left out.
for (const file of databaseOnlyStoresTheirGraph) if (!existsSync(file)) throw new Error(`jest.servers.config.js names ${file}, which does not exist.`);

function reachesServers(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  if (usesServers.test(source)) return true;
  return [...source.matchAll(relativeImport)].some(([, path]) => {
    const imported = resolve(dirname(file), `${path}.ts`);
    return existsSync(imported) && reachesServers(imported, seen);
  });
}

module.exports = {
  ...suite,
  projects: suite.projects
    .map((project) => {
      const testDir = join(project.rootDir, 'test');
      const files = readdirSync(testDir, { recursive: true })
        .filter((name) => name.endsWith('.test.ts'))
        .map((name) => join(testDir, name))
        .filter((file) => !databaseOnlyStoresTheirGraph.includes(file) && reachesServers(file));
      return { ...project, testMatch: files };
    })
    .filter((project) => project.testMatch.length > 0),
};
