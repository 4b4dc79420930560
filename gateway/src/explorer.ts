import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { Router, type RequestHandler } from 'express';
import type { Logger } from '@movement/runtime';

/** Where the build puts the explorer's bundle (`scripts/build-explorer.mjs`); the same from `src/` and `dist/`. */
const bundleDir = path.resolve(__dirname, '..', 'dist', 'explorer');

// The page loads only what the gateway serves: a CDN is unreachable on many field networks, and the
// policy makes a regression fail in the browser rather than on a partner's first offline day.
const contentSecurityPolicy = [
  "default-src 'self'",
  // Monaco sets styles on elements and injects its theme's style sheet.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface ExplorerPage {
  /** The GraphQL endpoint, relative to the page (the page is served at that endpoint). */
  endpoint: string;
  /** The bundle's folder as served, relative to the page. */
  assets: string;
  title: string;
  credentialLabel: string;
}

/**
 * Answers a browser's navigation to a GraphQL endpoint (a GET that prefers `text/html` and carries
 * no `query`) with the explorer; anything else goes on to the endpoint itself, credentials and all.
 * The page holds no data: credentials are asked for by the page and sent with each request.
 */
export function explorerPage(page: ExplorerPage): RequestHandler {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttribute(page.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeAttribute(page.assets)}explorer.css">
</head>
<body data-endpoint="${escapeAttribute(page.endpoint)}" data-assets="${escapeAttribute(page.assets)}" data-title="${escapeAttribute(page.title)}" data-credential-label="${escapeAttribute(page.credentialLabel)}">
<div id="explorer"></div>
<script type="module" src="${escapeAttribute(page.assets)}explorer.js"></script>
</body>
</html>
`;
  return (req, res, next) => {
    const wantsPage =
      req.method === 'GET' &&
      req.query.query === undefined &&
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (!wantsPage) {
      next();
      return;
    }
    res.setHeader('content-security-policy', contentSecurityPolicy);
    res.setHeader('cache-control', 'no-cache');
    res.vary('accept');
    res.type('html').send(html);
  };
}

/**
 * The bundle's files, revalidated by ETag so a new build is picked up at once. Compressed: the
 * bundle is about 7 MB, about 2 MB gzipped, and a field connection pays for every byte once.
 */
export function explorerAssets(logger: Logger): RequestHandler {
  if (!existsSync(path.join(bundleDir, 'explorer.js'))) {
    logger.warn({ bundleDir }, 'the explorer is not built (npm run build): browsers get its page without its code');
  }
  return Router().use(compression(), express.static(bundleDir, { index: false, fallthrough: false, maxAge: 0 }));
}
