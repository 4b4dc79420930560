/**
 * Identical subgraph queries in flight at the same time, made once: under load many client
 * requests ask a subgraph the same thing (the same page, the same entities), and the answer of
 * the first serves every other that arrives before it is back. The caller decides what
 * "identical" means through the key, and must put in it everything the answer depends on — for a
 * subgraph query the subgraph, the document, the variables and the principal, so nothing crosses
 * partners. Each follower gets its own copy, so no caller's later changes reach another's answer.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  constructor(private readonly copy: (value: T) => T) {}

  run(key: string, call: () => Promise<T>): Promise<T> {
    const leader = this.pending.get(key);
    if (leader) return leader.then(this.copy);
    const started = call().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}

/**
 * Whether a subgraph operation, as the query planner prints it, is certainly a query: it starts
 * with `query` or is a bare selection set. Anything else (a mutation, a subscription, a document
 * the check cannot read at a glance) is never merged.
 */
export function isQueryDocument(document: string): boolean {
  return /^\s*(query\b|\{)/.test(document);
}
