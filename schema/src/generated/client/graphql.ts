/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a Red Cross Message is on its way from sender to addressee. */
export type MessageStatus =
  /** Collected from the sender by a partner. */
  | 'COLLECTED'
  /** Handed to the addressee. */
  | 'DELIVERED'
  /** Written, not yet collected. */
  | 'DRAFTED'
  /** On its way to the delivering partner. */
  | 'IN_TRANSIT'
  /** Sent back to the sender. */
  | 'RETURNED'
  /** Checked by the ICRC and cleared for transmission. */
  | 'REVIEWED'
  /** Could not be delivered; the status history gives the reason. */
  | 'UNDELIVERABLE';

/** A person's situation. */
export type PersonStatus =
  /** A civilian not known to be displaced, detained or missing. */
  | 'CIVILIAN'
  /** Known to have died. */
  | 'DECEASED'
  /** Held as a prisoner of war, an internee or another protected person. */
  | 'DETAINED'
  /** Displaced by the conflict, inside the country or across a border. */
  | 'DISPLACED'
  /** Sought by relatives; whereabouts unknown. */
  | 'MISSING';

/** Units of measure for quantities of assistance. */
export type Unit =
  /** An amount of money in `currency`. */
  | 'CURRENCY'
  /** Kilograms. */
  | 'KG'
  /** A kit (hygiene kit, kitchen set). */
  | 'KIT'
  /** Litres. */
  | 'LITRE'
  /** A parcel (food parcel). */
  | 'PARCEL'
  /** A single item (blanket, mattress). */
  | 'PIECE';

export type PersonOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type PersonOverviewQuery = { person: { id: string, fullName: string, status: PersonStatus, lastSeenAt: { id: string, name: string, pcode: string | null } | null, messagesSent: { edges: Array<{ node: { id: string, reference: string, status: MessageStatus } }> }, assistanceReceived: { edges: Array<{ node: { id: string, item: string, quantity: number, unit: Unit, date: string } }> } } | null };


export const PersonOverviewDocument = {"__meta__":{"hash":"sha256:e89e90c01d14735d0dc7e37ff54ad85a91dc090ac9589882f20b1b38d8b00c44"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messagesSent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assistanceReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"date"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonOverviewQuery, PersonOverviewQueryVariables>;