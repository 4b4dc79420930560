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

/** The entries of one request, waiting for the insert that carries them. */
interface PendingRequest {
  context: { principal: Principal; operationName: string | null; requestId: string };
  reads: AuditRead[];
  written(): void;
  failed(error: unknown): void;
}

/**
 * The audit trail. Entries are only ever inserted (the table's triggers refuse updates and
 * deletes, and the API has no way to change them); the gateway writes a request's entries before
 * its response leaves, so nothing sensitive is disclosed unrecorded.
 *
 * Under load many requests read sensitive fields at once, and a statement per request makes each
 * wait for its own round trip and commit. Entries are therefore written together: the requests
 * that arrive while an insert is in flight (or in the same turn of the event loop) go in the next
 * one, a single statement. `append` still resolves only once the statement holding its entries
 * has committed, and rejects if that statement fails, so each answer waits for its own record.
 */
export class AuditLog {
  private waiting: PendingRequest[] = [];
  private writing = false;

  /** `observe` is told of each write: how many entries were written, or that the write failed. */
  constructor(
    private readonly driver: SqlDriver,
    private readonly observe?: (outcome: { written: number } | { failed: true }) => void,
  ) {}

  append(context: { principal: Principal; operationName: string | null; requestId: string }, reads: AuditRead[]): Promise<void> {
    if (reads.length === 0) return Promise.resolve();
    return new Promise<void>((written, failed) => {
      this.waiting.push({ context, reads, written, failed });
      // The first request of a batch waits one turn of the event loop, so that the requests
      // answered in the same turn share its statement.
      if (!this.writing && this.waiting.length === 1) setImmediate(() => void this.writeWaiting());
    });
  }

  private async writeWaiting(): Promise<void> {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    const batch = this.waiting;
    this.waiting = [];
    try {
      const written = await this.insert(batch);
      this.observe?.({ written });
      for (const request of batch) request.written();
    } catch (error) {
      this.observe?.({ failed: true });
      for (const request of batch) request.failed(error);
    } finally {
      this.writing = false;
      // Those that arrived meanwhile go in the next statement.
      if (this.waiting.length > 0) void this.writeWaiting();
    }
  }

  /** One statement for every entry of the batch: the rows as JSON, unnested by the database. */
  private async insert(batch: PendingRequest[]): Promise<number> {
    const rows = batch.flatMap(({ context: { principal, operationName, requestId }, reads }) =>
      reads.map((read) => ({ ...read, subject: principal.subject, principalKind: principal.kind, partnerId: principal.partnerId, operationName, requestId })),
    );
    await this.driver.query(
      `INSERT INTO "access"."audit_entry" ("subject", "principalKind", "partnerId", "operationName", "requestId", "recordType", "recordId", "field", "personIds")
       SELECT r."subject", r."principalKind", r."partnerId", r."operationName", r."requestId", r."recordType", r."recordId", r."field", ARRAY(SELECT jsonb_array_elements_text(r."personIds"))
       FROM jsonb_to_recordset($1::jsonb) AS r("subject" text, "principalKind" text, "partnerId" text, "operationName" text, "requestId" text, "recordType" text, "recordId" text, "field" text, "personIds" jsonb)`,
      [JSON.stringify(rows)],
    );
    return rows.length;
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
