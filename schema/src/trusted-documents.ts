import manifest from './generated/client/persisted-documents.json';

/**
 * The persisted-document manifest of the operations in `schema/operations/` (id → text), as
 * graphql-codegen writes it at build time. Imported rather than read from disk so that the
 * compiler copies it into the build output and the gateway serves the manifest it was built with.
 */
export const trustedDocumentManifest: Readonly<Record<string, string>> = manifest;
