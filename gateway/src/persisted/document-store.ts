import { createHash } from 'node:crypto';
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { parse, printSchema, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { TrustedDocuments } from './manifest';

/**
 * Apollo Server's cache of parsed and validated documents, keyed by the schema's hash and the
 * document's hash. Each time a schema loads, the trusted documents are parsed and validated
 * against it and pinned here, so that even the first request for one skips both steps, and no
 * amount of other traffic evicts them. Other documents are cached as Apollo Server would, least
 * recently used forgotten first. A trusted document that does not validate against the schema is
 * left out, and its requests get the validation errors as any other document would.
 */
export class TrustedDocumentStore implements KeyValueCache<DocumentNode> {
  private pinned = new Map<string, DocumentNode>();
  private readonly others = new InMemoryLRUCache<DocumentNode>();

  constructor(private readonly trusted: TrustedDocuments) {}

  /** Parses and validates the trusted documents against a schema that has just loaded. */
  load(schema: GraphQLSchema): void {
    // The prefix Apollo Server puts before the document's hash when given a document store.
    const prefix = `${createHash('sha256').update(printSchema(schema)).digest('hex')}:`;
    const pinned = new Map<string, DocumentNode>();
    for (const [hash, text] of this.trusted.entries()) {
      const document = parse(text);
      if (validate(schema, document).length === 0) pinned.set(prefix + hash, document);
    }
    // Documents of the schema served before are of no use once Apollo Server has moved on.
    this.pinned = pinned;
  }

  /** How many trusted documents are ready for the schema last loaded. */
  get ready(): number {
    return this.pinned.size;
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.pinned.get(key) ?? this.others.get(key);
  }

  async set(key: string, value: DocumentNode, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.pinned.has(key)) return;
    await this.others.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.others.delete(key);
  }
}
