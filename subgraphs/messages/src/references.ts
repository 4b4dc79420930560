/**
 * A person as this subgraph knows them: only the id, and in an entity representation the people
 * subgraph's verdict on whether the caller sees them only through a record (`@requires`). The
 * people subgraph owns everything else, so resolving a Person here never touches the database.
 */
export interface PersonReference {
  __typename?: 'Person';
  id: string;
  identityOnly?: boolean;
}

export const personReference = (id: string): PersonReference => ({ __typename: 'Person', id });
export const organizationReference = (id: string) => ({ __typename: 'Organization' as const, id });
export const locationReference = (id: string) => ({ __typename: 'Location' as const, id });

/**
 * A detention visit the people subgraph owns: this subgraph knows it only by id.
 * @public the resolvers' types are generated with it (codegen.ts mappers).
 */
export interface VisitReference {
  __typename?: 'DetentionVisit';
  id: string;
}
