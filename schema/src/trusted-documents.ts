import manifest from '@movement/client/persisted-documents.json';

/**
 * The persisted-document manifest of the operations in `schema/operations/` (id → text), as
 * graphql-codegen writes it into the typed client package at build time: the gateway serves the
 * manifest of the same documents the client ships.
 */
export const trustedDocumentManifest: Readonly<Record<string, string>> = manifest;
