// The typed documents and their result and variable types, and `graphql()` (which finds a
// document by its text, for apps that write the operation inline).
export * from './generated/graphql.ts';
export { graphql, type DocumentType } from './generated/gql.ts';
