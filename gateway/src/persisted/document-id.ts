import type { RequestHandler } from 'express';
import { errorBody } from '@movement/runtime';
import { hashOfDocumentId, type TrustedDocuments } from './manifest';

/**
 * Hash that no document has: a `documentId` that names no trusted document is looked up by it, so
 * Apollo Server answers `PERSISTED_QUERY_NOT_FOUND` the way it answers an unknown persisted query.
 */
const unknownDocument = 'unknown-document';

/** The persisted-query extension a `documentId` stands for. */
function persistedQueryOf(documentId: string, trusted: TrustedDocuments) {
  const hash = hashOfDocumentId(documentId);
  return { version: 1, sha256Hash: hash && trusted.has(hash) ? hash : unknownDocument };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A POST body naming a trusted document by `documentId`, rewritten into the automatic persisted
 * query of the same hash; any other body unchanged; a refusal when the id is not a string.
 */
export function bodyWithDocumentId(body: unknown, trusted: TrustedDocuments): { body: unknown } | { status: 400; refusal: unknown } {
  if (!isRecord(body) || !('documentId' in body)) return { body };
  const { documentId, ...rest } = body;
  if (typeof documentId !== 'string') return { status: 400, refusal: errorBody('BAD_REQUEST', '`documentId` must be a string, e.g. "sha256:<hex>".') };
  const extensions = isRecord(rest.extensions) ? rest.extensions : {};
  return { body: { ...rest, extensions: { ...extensions, persistedQuery: persistedQueryOf(documentId, trusted) } } };
}

/**
 * Trusted documents by id (`{"documentId": "sha256:…"}` in a POST body, `?documentId=sha256:…` in
 * a GET): the request is rewritten into the automatic persisted query of the same hash, which
 * Apollo Server then resolves from the manifest, so both forms share one path (and one cache of
 * parsed and validated documents). Only the manifest's documents are found by id, never those
 * clients registered.
 */
export function documentIdRequests(trusted: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST') {
      const rewritten = bodyWithDocumentId(req.body, trusted);
      if ('refusal' in rewritten) {
        res.status(rewritten.status).json(rewritten.refusal);
        return;
      }
      req.body = rewritten.body;
    } else if (req.method === 'GET') {
      const at = req.url.indexOf('?');
      if (at < 0) return next();
      const params = new URLSearchParams(req.url.slice(at + 1));
      const documentId = params.get('documentId');
      if (documentId === null) return next();
      let extensions: unknown = {};
      try {
        extensions = JSON.parse(params.get('extensions') ?? '{}');
      } catch {
        // Apollo Server refuses the same malformed parameter with its own message below.
        return next();
      }
      params.delete('documentId');
      params.set('extensions', JSON.stringify({ ...(isRecord(extensions) ? extensions : {}), persistedQuery: persistedQueryOf(documentId, trusted) }));
      req.url = `${req.url.slice(0, at)}?${params.toString()}`;
    }
    next();
  };
}
