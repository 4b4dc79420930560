import manifest from '@movement/client/persisted-documents.json';

/**
 * The persisted-document manifest of the operations in `schema/operations/` (id → text), as
 * graphql-codegen writes it into the typed client package at build time. Imported from that
 * package, which ships it, so that the gateway serves the manifest its apps were built with.
 */
export const trustedDocumentManifest: Readonly<Record<string, string>> = manifest;
