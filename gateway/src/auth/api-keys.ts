import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal, SqlDriver } from '@movement/runtime';

/**
 * Partner API keys: `mgk_<id>_<secret>`. The id finds the key; only a SHA-256 of the secret is
 * stored (the secret is 256 random bits, so a fast hash is enough: there is nothing to guess).
 * Lookups are cached for a few seconds; a revocation clears this gateway's cache at once and
 * reaches other gateway instances within `cacheMs`.
 */
export interface ApiKey {
  id: string;
  partnerId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

interface ApiKeyRow extends Omit<ApiKey, 'createdAt' | 'revokedAt'> {
  secretHash: string;
  createdAt: Date | string;
  revokedAt: Date | string | null;
}

const keyPattern = /^mgk_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
export const looksLikeApiKey = (value: string) => value.startsWith('mgk_');

const hashOf = (secret: string) => createHash('sha256').update(secret).digest();

const keyOf = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  partnerId: row.partnerId,
  name: row.name,
  scopes: row.scopes,
  createdAt: new Date(row.createdAt),
  createdBy: row.createdBy,
  revokedAt: row.revokedAt ? new Date(row.revokedAt) : null,
  revokedBy: row.revokedBy,
});

export class ApiKeyStore {
  private readonly cache = new Map<string, { row: ApiKeyRow | null; until: number }>();

  constructor(private readonly driver: SqlDriver, private readonly cacheMs = 5000) {}

  /** Issues a key; the returned secret is the only copy. */
  async issue(input: { partnerId: string; name: string; scopes: string[]; createdBy: string }): Promise<{ key: ApiKey; secret: string }> {
    const id = randomBytes(8).toString('hex');
    const secretPart = randomBytes(32).toString('base64url');
    const [row] = await this.driver.query<ApiKeyRow>(
      `INSERT INTO "access"."api_key" ("id", "partnerId", "name", "scopes", "secretHash", "createdBy")
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [id, input.partnerId, input.name, input.scopes, hashOf(secretPart).toString('hex'), input.createdBy],
    );
    return { key: keyOf(row!), secret: `mgk_${id}_${secretPart}` };
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

  /** Revokes a key; null when there is no such key. Revoking twice keeps the first revocation. */
  async revoke(id: string, revokedBy: string): Promise<ApiKey | null> {
    const [row] = await this.driver.query<ApiKeyRow>(
      `UPDATE "access"."api_key" SET "revokedAt" = COALESCE("revokedAt", now()), "revokedBy" = COALESCE("revokedBy", $2)
       WHERE "id" = $1 RETURNING *`,
      [id, revokedBy],
    );
    this.cache.delete(id);
    return row ? keyOf(row) : null;
  }

  /** The principal of a valid, unrevoked key; null otherwise. Constant-time on the secret. */
  async authenticate(presented: string): Promise<Principal | null> {
    const match = keyPattern.exec(presented);
    if (!match) return null;
    const [, id, secretPart] = match as unknown as [string, string, string];
    const row = await this.find(id);
    if (!row || row.revokedAt) return null;
    const expected = Buffer.from(row.secretHash, 'hex');
    const actual = hashOf(secretPart);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    return { subject: `key:${row.id}`, kind: 'partner', partnerId: row.partnerId, scopes: row.scopes };
  }

  private async find(id: string): Promise<ApiKeyRow | null> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.row;
    const [row] = await this.driver.query<ApiKeyRow>(`SELECT * FROM "access"."api_key" WHERE "id" = $1`, [id]);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { row: row ?? null, until: Date.now() + this.cacheMs });
    return row ?? null;
  }
}
