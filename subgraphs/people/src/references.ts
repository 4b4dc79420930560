/** A place owned by the locations subgraph: this subgraph knows it only by id. */
export interface LocationReference {
  __typename?: 'Location';
  id: string;
}

/** The federation stub for a place; the gateway asks the locations subgraph for the rest. */
export const locationRef = (id: string): LocationReference => ({ __typename: 'Location', id });

/** The federation stub for an organisation owned by the locations subgraph. */
export const organizationRef = (id: string) => ({ __typename: 'Organization' as const, id });

/**
 * A Red Cross Message as the gateway hands it over: its id and the ids the messages subgraph
 * holds for the records it names (see `RedCrossMessage` in the schema).
 * @public the resolvers' types are generated with it (codegen.ts mappers).
 */
export interface MessageReference {
  id: string;
  detentionRecordId?: string | null;
  collectedDuringVisitId?: string | null;
  deliveredDuringVisitId?: string | null;
  senderId?: string;
  addresseeId?: string;
}
