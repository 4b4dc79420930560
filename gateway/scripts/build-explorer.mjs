// Bundles the explorer (GraphiQL, React, Monaco and its workers) into dist/explorer, so the
// gateway serves it itself: no CDN, nothing fetched at run time.
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/explorer`;
const common = { bundle: true, minify: true, target: 'es2022', outdir, logLevel: 'warning', legalComments: 'linked' };

await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { explorer: `${root}explorer/main.tsx` },
  format: 'esm',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl', '.png': 'dataurl' },
  assetNames: '[name]-[hash]',
});
// Monaco runs its language services in workers, each its own script.
await build({
  ...common,
  entryPoints: {
    'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
  },
  format: 'iife',
});
