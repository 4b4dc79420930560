/**
 * One read of a sensitive field, as a subgraph reports it. The subgraph knows which record and
 * which people the value is about; the gateway adds who asked, for which partner, when and in
 * which operation, and stores the entry before the response leaves (see the gateway's audit log).
 */
export interface AuditRead {
  recordType: string;
  recordId: string;
  field: string;
  /** The people the value is about (the person, a detainee, a message's sender and addressee). */
  personIds: string[];
}

/** The response extension a subgraph reports its sensitive reads in. */
export const auditExtension = 'movementAudit';

/** Finds the people a record is about, by its type; the default reads common columns. */
export type PersonsOfRecord = (typeName: string, record: Record<string, unknown>) => string[];

export const defaultPersonsOfRecord: PersonsOfRecord = (typeName, record) => {
  if (typeName === 'Person' && typeof record.id === 'string') return [record.id];
  const ids = ['personId', 'beneficiaryId', 'senderId', 'addresseeId', 'soughtPersonId', 'enquirerId']
    .map((column) => record[column])
    .filter((value): value is string => typeof value === 'string');
  return [...new Set(ids)];
};

/** The sensitive reads of one request, each record and field once. */
export class AuditBuffer {
  private readonly reads = new Map<string, AuditRead>();

  record(read: AuditRead): void {
    this.reads.set(`${read.recordType}\u0000${read.recordId}\u0000${read.field}`, read);
  }

  entries(): AuditRead[] {
    return [...this.reads.values()];
  }
}
