import type { AuditRead, Principal, SqlDriver } from '@movement/runtime';

/** One stored read of a sensitive field. */
export interface AuditEntry extends AuditRead {
  id: string;
  at: Date;
  subject: string;
  principalKind: Principal['kind'];
  partnerId: string | null;
  operationName: string | null;
  requestId: string;
}

interface AuditRow extends Omit<AuditEntry, 'id' | 'at'> {
  id: string | number;
  at: Date | string;
}

export interface AuditQuery {
  personId?: string | null;
  partnerId?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** Entries after this id (newest first pages go to smaller ids). */
  beforeId?: string | null;
  limit: number;
}

/**
 * The audit trail. Entries are only ever inserted (the table's triggers refuse updates and
 * deletes, and the API has no way to change them); the gateway writes a request's entries before
 * its response leaves, so nothing sensitive is disclosed unrecorded.
 */
export class AuditLog {
  /** `observe` is told of each write: how many entries were written, or that the write failed. */
  constructor(
    private readonly driver: SqlDriver,
    private readonly observe?: (outcome: { written: number } | { failed: true }) => void,
  ) {}

  async append(context: { principal: Principal; operationName: string | null; requestId: string }, reads: AuditRead[]): Promise<void> {
    if (reads.length === 0) return;
    const { principal } = context;
    try {
      // One statement for the whole request: arrays unnested into rows.
      await this.driver.query(
        `INSERT INTO "access"."audit_entry" ("subject", "principalKind", "partnerId", "operationName", "requestId", "recordType", "recordId", "field", "personIds")
       SELECT $1, $2, $3, $4, $5, r."recordType", r."recordId", r."field", ARRAY(SELECT jsonb_array_elements_text(r."personIds"))
       FROM jsonb_to_recordset($6::jsonb) AS r("recordType" text, "recordId" text, "field" text, "personIds" jsonb)`,
        [principal.subject, principal.kind, principal.partnerId, context.operationName, context.requestId, JSON.stringify(reads)],
      );
    } catch (error) {
      this.observe?.({ failed: true });
      throw error;
    }
    this.observe?.({ written: reads.length });
  }

  /** Entries newest first, filtered by person, partner and period. */
  async query(filter: AuditQuery): Promise<AuditEntry[]> {
    const rows = await this.driver.query<AuditRow>(
      `SELECT * FROM "access"."audit_entry"
       WHERE ($1::text IS NULL OR "personIds" @> ARRAY[$1::text])
         AND ($2::text IS NULL OR "partnerId" = $2)
         AND ($3::timestamptz IS NULL OR "at" >= $3)
         AND ($4::timestamptz IS NULL OR "at" < $4)
         AND ($5::bigint IS NULL OR "id" < $5)
       ORDER BY "id" DESC
       LIMIT $6`,
      [filter.personId ?? null, filter.partnerId ?? null, filter.from ?? null, filter.to ?? null, filter.beforeId ?? null, filter.limit],
    );
    return rows.map((row) => ({ ...row, id: String(row.id), at: new Date(row.at) }));
  }
}
