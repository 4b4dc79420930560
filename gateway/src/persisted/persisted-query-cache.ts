import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { TrustedDocuments } from './manifest';

/**
 * Where Apollo Server looks up automatic persisted queries by hash: the trusted documents first
 * (always known, never evicted, so an app's first request by hash alone succeeds), then the
 * documents clients registered (hash with text) in this gateway, least recently used forgotten
 * first. Registered ones live per gateway instance: a client whose hash another instance does not
 * know gets `PERSISTED_QUERY_NOT_FOUND` and registers again, as the protocol expects.
 */
export class PersistedQueryCache implements KeyValueCache<string> {
  private readonly registered: InMemoryLRUCache<string>;

  constructor(
    private readonly trusted: TrustedDocuments,
    maxBytes = 8 * 1024 * 1024,
  ) {
    this.registered = new InMemoryLRUCache<string>({ maxSize: maxBytes, sizeCalculation: (text) => text.length });
  }

  async get(key: string): Promise<string | undefined> {
    return this.trusted.text(key) ?? this.registered.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.trusted.has(key)) return;
    await this.registered.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.registered.delete(key);
  }
}
