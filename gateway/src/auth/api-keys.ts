import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger, Principal, SqlDriver } from '@movement/runtime';
import { partnerKeyScopesOf } from './key-policy';

/**
 * Partner API keys: `mgk_<id>_<secret>`. The id finds the key; only a SHA-256 of the secret is
 * stored (the secret is 256 random bits, so a fast hash is enough: there is nothing to guess).
 * Lookups are cached for a few seconds (`freshMs`); a revocation clears this gateway's cache at
 * once and reaches other gateway instances within `freshMs`. While the access database does not
 * answer, a key verified within the last `staleMs` keeps working, so a database restart or
 * failover does not lock every partner out; revocation applies again as soon as it answers.
 */
export interface ApiKey {
  id: string;
  partnerId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  createdBy: string;
  /** When the key stops working; null for a key that does not expire. */
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** Whether the key runs only the trusted documents of the persisted-document manifest. */
  trustedDocumentsOnly: boolean;
}

interface ApiKeyRow extends Omit<ApiKey, 'createdAt' | 'expiresAt' | 'revokedAt'> {
  secretHash: string;
  createdAt: Date | string;
  expiresAt: Date | string | null;
  revokedAt: Date | string | null;
}

export interface ApiKeyCacheOptions {
  /** How long a lookup is trusted without asking the database again (default 5 s). */
  freshMs?: number;
  /** How long a key once verified is accepted while the database does not answer (default 1 min). */
  staleMs?: number;
  /** Keys remembered at most; the least recently used are forgotten first (default 10,000). */
  maxEntries?: number;
}

const keyPattern = /^mgk_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
export const looksLikeApiKey = (value: string) => value.startsWith('mgk_');

/** The id part of a presented key (safe to log: it finds the key but proves nothing), or null when it names none. */
export const keyIdOf = (presented: string): string | null => /^mgk_([a-f0-9]{16})_/.exec(presented)?.[1] ?? null;

// The one-shot hash: a Hash object per request cost more than hashing the 43 characters.
const hashOf = (secret: string) => hash('sha256', secret, 'buffer');

const keyOf = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  partnerId: row.partnerId,
  name: row.name,
  scopes: row.scopes,
  createdAt: new Date(row.createdAt),
  createdBy: row.createdBy,
  expiresAt: row.expiresAt ? new Date(row.expiresAt) : null,
  revokedAt: row.revokedAt ? new Date(row.revokedAt) : null,
  revokedBy: row.revokedBy,
  trustedDocumentsOnly: row.trustedDocumentsOnly,
});

/** Why a presented key was refused: not a key at all, no such key, a wrong secret, revoked, or expired. */
export type KeyRefusal = 'malformed' | 'unknown' | 'secret' | 'revoked' | 'expired';

/** A key as last read from the database, and the principal it names, made once per read. */
interface CachedKey {
  row: ApiKeyRow | null;
  checkedAt: number;
  principal?: Principal;
}

/**
 * The principal a stored key names. Frozen because one object serves every request made with the
 * key until it is read again, and the gateway keeps derived values (token claims, scope keys) per
 * principal object: a change by one request would otherwise reach the others.
 */
const principalOf = (row: ApiKeyRow): Principal =>
  Object.freeze({
    subject: `key:${row.id}`,
    kind: 'partner' as const,
    partnerId: row.partnerId,
    scopes: Object.freeze(partnerKeyScopesOf(row.scopes)) as string[],
  });

export class ApiKeyStore {
  private readonly cache: LRUCache<string, CachedKey>;
  private readonly freshMs: number;
  private readonly staleMs: number;
  private readonly logger: Logger | undefined;
  /** Told of every revocation, so the other processes of this gateway forget the key at once too. */
  onRevoked: ((ids: string[]) => void) | undefined;

  constructor(
    private readonly driver: SqlDriver,
    options: ApiKeyCacheOptions & { logger?: Logger } = {},
  ) {
    this.freshMs = options.freshMs ?? 5000;
    this.staleMs = options.staleMs ?? 60_000;
    this.cache = new LRUCache({ max: options.maxEntries ?? 10_000 });
    this.logger = options.logger;
  }

  /** Drops what is known of these keys, revoked by another process of this gateway: their next use reads the database. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.cache.delete(id);
  }

  /** Issues a key; the returned secret is the only copy. Callers check the scopes first (`keyScopeProblems`). */
  async issue(input: {
    partnerId: string;
    name: string;
    scopes: string[];
    createdBy: string;
    expiresAt?: Date | null;
    trustedDocumentsOnly?: boolean;
  }): Promise<{ key: ApiKey; secret: string }> {
    const id = randomBytes(8).toString('hex');
    const secretPart = randomBytes(32).toString('base64url');
    const [row] = await this.driver.query<ApiKeyRow>(
      `INSERT INTO "access"."api_key" ("id", "partnerId", "name", "scopes", "secretHash", "createdBy", "expiresAt", "trustedDocumentsOnly")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        id,
        input.partnerId,
        input.name,
        input.scopes,
        hashOf(secretPart).toString('hex'),
        input.createdBy,
        input.expiresAt ?? null,
        input.trustedDocumentsOnly ?? false,
      ],
    );
    return { key: keyOf(row), secret: `mgk_${id}_${secretPart}` };
  }

  async list(filter: { partnerId?: string | null; includeRevoked?: boolean } = {}): Promise<ApiKey[]> {
    const rows = await this.driver.query<ApiKeyRow>(
      `SELECT * FROM "access"."api_key"
       WHERE ($1::text IS NULL OR "partnerId" = $1) AND ($2 OR "revokedAt" IS NULL)
       ORDER BY "createdAt" DESC, "id"`,
      [filter.partnerId ?? null, filter.includeRevoked ?? false],
    );
    return rows.map(keyOf);
  }

  /**
   * A page of keys in `list`'s order, after the key `afterId` (keyset: the position of that key,
   * so a page does not shift when keys are issued meanwhile); `limit` rows at most.
   */
  async page(filter: { partnerId?: string | null; includeRevoked?: boolean; afterId?: string | null; limit: number }): Promise<ApiKey[]> {
    const rows = await this.driver.query<ApiKeyRow>(
      `SELECT k.* FROM "access"."api_key" k
       LEFT JOIN "access"."api_key" a ON a."id" = $3
       WHERE ($1::text IS NULL OR k."partnerId" = $1) AND ($2 OR k."revokedAt" IS NULL)
         AND ($3::text IS NULL OR k."createdAt" < a."createdAt" OR (k."createdAt" = a."createdAt" AND k."id" > a."id"))
       ORDER BY k."createdAt" DESC, k."id"
       LIMIT $4`,
      [filter.partnerId ?? null, filter.includeRevoked ?? false, filter.afterId ?? null, filter.limit],
    );
    return rows.map(keyOf);
  }

  /** Revokes a key; null when there is no such key. Revoking twice keeps the first revocation. */
  async revoke(id: string, revokedBy: string): Promise<ApiKey | null> {
    const [row] = await this.driver.query<ApiKeyRow>(
      `UPDATE "access"."api_key" SET "revokedAt" = COALESCE("revokedAt", now()), "revokedBy" = COALESCE("revokedBy", $2)
       WHERE "id" = $1 RETURNING *`,
      [id, revokedBy],
    );
    this.cache.delete(id);
    this.onRevoked?.([id]);
    return row ? keyOf(row) : null;
  }

  /** Revokes every key still valid that `createdBy` issued; returns them. */
  async revokeIssuedBy(createdBy: string, revokedBy: string): Promise<ApiKey[]> {
    const rows = await this.driver.query<ApiKeyRow>(
      `UPDATE "access"."api_key" SET "revokedAt" = now(), "revokedBy" = $2
       WHERE "createdBy" = $1 AND "revokedAt" IS NULL RETURNING *`,
      [createdBy, revokedBy],
    );
    for (const row of rows) this.cache.delete(row.id);
    if (rows.length > 0) this.onRevoked?.(rows.map((row) => row.id));
    return rows.map(keyOf);
  }

  /**
   * The principal of a valid, unrevoked, unexpired key, or why it was refused, with the key's id
   * when the presented value names one (for the log; never the secret). Constant-time on the secret.
   */
  async verify(
    presented: string,
  ): Promise<{ principal: Principal; keyId: string; trustedDocumentsOnly: boolean } | { refused: KeyRefusal; keyId: string | null }> {
    const match = keyPattern.exec(presented);
    if (!match) return { refused: 'malformed', keyId: null };
    const [, id, secretPart] = match as unknown as [string, string, string];
    const found = await this.find(id);
    const row = found?.row;
    if (!row) return { refused: 'unknown', keyId: id };
    const expected = Buffer.from(row.secretHash, 'hex');
    const actual = hashOf(secretPart);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { refused: 'secret', keyId: id };
    if (row.revokedAt) return { refused: 'revoked', keyId: id };
    if (row.expiresAt && new Date(row.expiresAt).getTime() <= Date.now()) return { refused: 'expired', keyId: id };
    return {
      principal: (found.principal ??= principalOf(row)),
      keyId: id,
      trustedDocumentsOnly: row.trustedDocumentsOnly,
    };
  }

  /** The principal of a valid key; null otherwise. */
  async authenticate(presented: string): Promise<Principal | null> {
    const verified = await this.verify(presented);
    return 'principal' in verified ? verified.principal : null;
  }

  private async find(id: string): Promise<CachedKey> {
    const cached = this.cache.get(id);
    const now = Date.now();
    if (cached && now - cached.checkedAt < this.freshMs) return cached;
    let row: ApiKeyRow | undefined;
    try {
      [row] = await this.driver.query<ApiKeyRow>(`SELECT * FROM "access"."api_key" WHERE "id" = $1`, [id]);
    } catch (error) {
      if (cached?.row && now - cached.checkedAt < this.staleMs) {
        this.logger?.warn({ err: error, keyId: id }, 'access database unreachable; a key verified shortly before is accepted');
        return cached;
      }
      throw error;
    }
    const entry: CachedKey = { row: row ?? null, checkedAt: now };
    this.cache.set(id, entry);
    return entry;
  }
}
