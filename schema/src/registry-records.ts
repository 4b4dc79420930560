/**
 * The records the schema registry keeps, apart from the store that keeps them, so that what reads
 * or writes them (the embedded handoff, the changelog) does not depend on the store.
 */
import type { SchemaChange } from './changes';

/** One published version of the graph. */
export interface SchemaVersion {
  version: number;
  supergraphSdl: string;
  apiSdl: string;
  /** Each subgraph's SDL as published, by subgraph name. */
  subgraphs: Record<string, string>;
  author: string;
  message: string;
  /** Changes against the version before it. */
  changes: SchemaChange[];
  /** Set when this version restored an earlier one. */
  rollbackOf: number | null;
  publishedAt: Date;
}

export type NewSchemaVersion = Omit<SchemaVersion, 'version' | 'publishedAt'>;

/** Usage of one operation signature by one partner, as aggregated by the gateway. */
export interface OperationUsage {
  signatureHash: string;
  partner: string;
  operationName: string | null;
  signature: string;
  /** Schema coordinates the operation reads: `Type.field` and `Type.field(argument:)`. */
  coordinates: string[];
  count: number;
  lastSeen: Date;
}

/** A batch of counts to add, as the gateway flushes them. */
export type UsageIncrement = Omit<OperationUsage, 'lastSeen'>;
