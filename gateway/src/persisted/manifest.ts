import { createHash } from 'node:crypto';

/**
 * The trusted documents: the operations internal apps ship, by the SHA-256 of their text (the
 * manifest `codegen.ts` writes, keyed `sha256:<hex>`). A document is found by that hash whether it
 * is asked for by `documentId` or as an automatic persisted query, since both name the same hash.
 */
export class TrustedDocuments {
  private readonly byHash = new Map<string, string>();

  constructor(manifest: Readonly<Record<string, string>>) {
    for (const [id, text] of Object.entries(manifest)) {
      const hash = hashOf(text);
      // A manifest whose ids are not the hashes of their texts would let one id run another text.
      if (id !== `sha256:${hash}` && id !== hash) throw new Error(`persisted-document manifest: ${id} is not the SHA-256 of its document`);
      this.byHash.set(hash, text);
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The document's text by its hash (lower-case hex); undefined when it is not a trusted document. */
  text(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  /** Every trusted document, as [hash, text]. */
  entries(): IterableIterator<[string, string]> {
    return this.byHash.entries();
  }
}

/** The hash a document is known by: hex SHA-256 of its text, as Apollo's persisted queries compute it. */
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hash a `documentId` names (`sha256:<hex>`, or the bare hex), or null when it names none. */
export function hashOfDocumentId(documentId: string): string | null {
  return /^(?:sha256:)?([a-f0-9]{64})$/.exec(documentId)?.[1] ?? null;
}
