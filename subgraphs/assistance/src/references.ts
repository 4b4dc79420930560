/**
 * An entity owned by another subgraph, known here only by its id: resolving it costs no SQL, the
 * owning subgraph fills in the rest through the gateway.
 */
export interface EntityReference {
  __typename?: string;
  id: string;
  /** For a Person in an entity representation: the people subgraph's verdict on the identity-only view (`@requires`). */
  identityOnly?: boolean;
}

export const reference = (typename: 'Person' | 'Location' | 'Organization' | 'TracingRequest', id: string) => ({ __typename: typename, id });
