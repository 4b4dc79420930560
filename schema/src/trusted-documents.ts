import manifest from '@movement/client/persisted-documents.json';

/**
 * The persisted-document manifest of the operations in `schema/operations/` (id → text), as
 * graphql-codegen writes it into the client package at build time. Imported from that package so
 * that the gateway accepts exactly the documents the published client sends.
 */
export const trustedDocumentManifest: Readonly<Record<string, string>> = manifest;
