import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sharedTestGraph, type SharedTestGraph } from './harness';

/**
 * The explorer as a partner developer meets it: in a real headless Chromium, against the graph's
 * own gateway, with nothing else reachable. Debian's `chromium` must be installed (`.ci/run`
 * installs it); without it this file fails rather than pass untested.
 */
const chromiumPath = '/usr/bin/chromium';
// Written only when asked, so that a test run leaves the working tree as it found it.
const screenshotPath = process.env.UPDATE_EXPLORER_SCREENSHOT ? join(__dirname, '..', '..', 'docs', 'explorer.png') : undefined;

let graph: SharedTestGraph;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}: the explorer's browser test needs it. Install it with \`apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  graph = await sharedTestGraph();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    // Without the background-networking flags Chromium keeps calling Google's hosts, which a closed network refuses.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await graph?.stop();
});

interface Explorer {
  page: Page;
  /** Every URL the page asked for, to prove it asks nothing of anyone but the gateway. */
  requested: string[];
  /** Answers the page got with an error status (an introspection before a credential was entered would be a 401). */
  refused: string[];
  errors: string[];
}

/** Opens the explorer at `path` in a fresh browser context and enters `credential`; resolves once the schema is loaded with it. */
async function openExplorer(path: string, credential: string): Promise<Explorer> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  const requested: string[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, graph.url).href);
  await page.locator('#mg-credential-input').fill(credential);
  const introspected = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      response.request().postData()?.includes('IntrospectionQuery') === true &&
      response.request().headers().authorization !== undefined,
  );
  await page.getByRole('button', { name: 'Use' }).click();
  expect((await introspected).status()).toBe(200);
  return { page, requested, refused, errors };
}

const keyOf = (caller: 'icrc' | 'russianRedCross') => graph.as(caller)['x-api-key'];

/** The explorer's docs pane, open at its root: the names under "All Schema Types". */
async function schemaTypesInDocs(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  const allTypes = page
    .locator('.graphiql-doc-explorer-section-content')
    .filter({ has: page.locator('a.graphiql-doc-explorer-type-name') })
    .last();
  await page.getByText('All Schema Types').waitFor();
  await allTypes.locator('a.graphiql-doc-explorer-type-name').first().waitFor();
  return allTypes.locator('a.graphiql-doc-explorer-type-name').allTextContents();
}

test('a partner opens the explorer, enters its key, runs a query and reads the docs, all from the gateway alone', async () => {
  const { page, requested, refused, errors } = await openExplorer('/graphql', keyOf('russianRedCross'));
  const query = 'query Organisations($first: Int) { organizations(first: $first) { edges { node { name } } } }';
  const expected = await graph.query<{ organizations: { edges: Array<{ node: { name: string } }> } }>(query, { first: 2 }, graph.as('russianRedCross'));
  const firstName = expected.data!.organizations.edges[0].node.name;

  await page.locator('.graphiql-query-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.getByRole('button', { name: /Prettify query/ }).click();
  await page.locator('.graphiql-query-editor').getByText('edges {').first().waitFor();
  // Back to the start of the first line, so the query shows from its first character.
  await page.locator('.graphiql-query-editor').getByText('edges {').first().click();
  await page.keyboard.press('Control+Home');
  await page.locator('section[aria-label="Variables"] .graphiql-editor:not(.hidden)').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ "first": 2 }');
  const answered = page.waitForResponse((response) => response.request().postData()?.includes('organizations(first: $first)') === true);
  await page.getByRole('button', { name: /Execute query/ }).click();
  const response = await answered;
  expect(response.status()).toBe(200);
  expect(response.request().headers().authorization).toBe(`Bearer ${keyOf('russianRedCross')}`);
  expect(JSON.parse(response.request().postData()!)).toEqual(expect.objectContaining({ variables: { first: 2 }, operationName: 'Organisations' }));
  await page.getByLabel('Result Window').getByText(firstName, { exact: false }).first().waitFor();

  // The query is in the history.
  await page.getByRole('button', { name: 'Show History' }).click();
  await page.locator('.graphiql-history-item', { hasText: 'Organisations' }).first().waitFor();
  await page.getByRole('button', { name: 'Hide History' }).click();

  const types = await schemaTypesInDocs(page);
  expect(types).toContain('Person');
  expect(types.filter((name) => name.startsWith('Detention'))).toEqual([]);
  // A type's page shows its description from the SDL.
  await page
    .locator('a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ })
    .first()
    .click();
  await page.getByText('Organisations of the Movement, ordered by name.').first().waitFor();

  const shot = await page.screenshot();
  expect(shot.subarray(1, 4).toString()).toBe('PNG');
  if (screenshotPath) writeFileSync(screenshotPath, shot);

  const origin = new URL(graph.url).origin;
  expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a key with fewer scopes sees fewer types in the docs, and another key entered in the tab loads its own schema', async () => {
  const { page, errors } = await openExplorer('/graphql', keyOf('russianRedCross'));
  const russianRedCrossTypes = await schemaTypesInDocs(page);
  expect(russianRedCrossTypes).not.toContain('DetentionRecord');

  // Closed, so that the explorer that the new key loads opens with it closed too (it remembers the pane).
  await page.getByRole('button', { name: 'Hide Documentation Explorer' }).click();
  await page.locator('#mg-credential-input').fill(keyOf('icrc'));
  const introspected = page.waitForResponse(
    (response) =>
      response.request().postData()?.includes('IntrospectionQuery') === true && response.request().headers().authorization === `Bearer ${keyOf('icrc')}`,
  );
  await page.getByRole('button', { name: 'Use' }).click();
  expect((await introspected).status()).toBe(200);
  const icrcTypes = await schemaTypesInDocs(page);
  expect(icrcTypes).toContain('DetentionRecord');
  expect(russianRedCrossTypes.length).toBeLessThan(icrcTypes.length);
  expect(russianRedCrossTypes.filter((name) => !icrcTypes.includes(name))).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the credential lasts as long as the tab (session storage): a reload keeps it, and nothing that outlives the tab holds it', async () => {
  const { page } = await openExplorer('/graphql', keyOf('russianRedCross'));
  const storedKey = await page.evaluate(() => Object.keys(window.sessionStorage).find((key) => key.startsWith('movement-graph.credential')));
  expect(await page.evaluate((key) => window.sessionStorage.getItem(key!), storedKey)).toBe(keyOf('russianRedCross'));
  // Local storage and cookies would hand the key to the next browser session on this computer.
  expect(await page.evaluate(() => Object.values(window.localStorage).some((value) => value.includes('mgk_')))).toBe(false);
  expect(await page.context().cookies()).toEqual([]);
  await page.reload();
  await expect(page.locator('#mg-credential-input').inputValue()).resolves.toBe(keyOf('russianRedCross'));
  await page.context().close();
});

test('/admin/graphql serves the same explorer for the admin API', async () => {
  const { page, errors } = await openExplorer('/admin/graphql', graph.as('admin').authorization);
  const types = await schemaTypesInDocs(page);
  expect(types).toContain('ApiKey');
  expect(types).not.toContain('Person');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('only a browser navigation gets the page: API clients still get GraphQL, and 401 without credentials', async () => {
  const page = await fetch(graph.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(await page.text()).toContain('explorer/explorer.js');

  const api = await fetch(graph.url, { headers: { accept: 'application/json' } });
  expect(api.status).toBe(401);
  expect(((await api.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');

  const bundle = await fetch(new URL('/explorer/explorer.js', graph.url), { headers: { 'accept-encoding': 'gzip' } });
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  expect(bundle.headers.get('content-encoding')).toBe('gzip');
  await bundle.arrayBuffer();

  const missing = await fetch(new URL('/explorer/nothing-here.js', graph.url));
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
});
