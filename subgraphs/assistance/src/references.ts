/**
 * An entity owned by another subgraph, known here only by its id: resolving it costs no SQL, the
 * owning subgraph fills in the rest through the gateway.
 */
export interface EntityReference {
  __typename?: string;
  id: string;
}

export const reference = (typename: 'Person' | 'Location' | 'Organization' | 'TracingRequest', id: string) => ({ __typename: typename, id });
