import { type Principal, type SqlDriver } from '@movement/runtime';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '@movement/runtime/testing';
import { openAccessDatabase } from '../src/access/access-database';
import { AuditLog } from '../src/access/audit-log';

/**
 * The audit trail writes the entries of requests answered together in one statement, and each
 * request's `append` settles only with the statement that holds its entries: written before the
 * answer may leave, or refused so the answer is withheld.
 */
let target: TestDatabaseTarget;
let database: Awaited<ReturnType<typeof openAccessDatabase>>;
/** The statements the audit log sends to the real access database. */
const statements: string[] = [];
let counted: SqlDriver;

const principal = (partnerId: string): Principal => ({ subject: `key-of-${partnerId}`, kind: 'partner', partnerId, scopes: ['people:read'] });
const read = (recordId: string) => ({ recordType: 'Person', recordId, field: 'vulnerabilities', personIds: [recordId] });

beforeAll(async () => {
  target = await createTestDatabaseTarget('audit-log');
  database = await openAccessDatabase({ databaseUrl: target.url, dataDir: target.dataDir });
  const { driver } = database;
  counted = {
    kind: driver.kind,
    exec: (sql) => driver.exec(sql),
    query: (sql, params) => {
      if (/^\s*INSERT/.test(sql)) statements.push(sql);
      return driver.query(sql, params);
    },
    read: (sql, params) => driver.read(sql, params),
  } as SqlDriver;
});

afterAll(async () => {
  await database?.close();
  await target?.dispose();
});

test('entries of requests answered at once go in one insert, each request with its own principal and id', async () => {
  const log = new AuditLog(counted);
  statements.length = 0;
  const partners = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000c3'];
  await Promise.all(
    partners.map((partnerId, index) =>
      log.append({ principal: principal(partnerId), operationName: `Op${index}`, requestId: `batch-${index}` }, [read(`p-${index}-a`), read(`p-${index}-b`)]),
    ),
  );
  expect(statements).toHaveLength(1);
  for (const [index, partnerId] of partners.entries()) {
    const entries = await log.query({ partnerId, limit: 10 });
    expect(
      entries
        .map(({ recordId, requestId, operationName, subject }) => ({ recordId, requestId, operationName, subject }))
        .sort((a, b) => a.recordId.localeCompare(b.recordId)),
    ).toEqual([
      { recordId: `p-${index}-a`, requestId: `batch-${index}`, operationName: `Op${index}`, subject: `key-of-${partnerId}` },
      { recordId: `p-${index}-b`, requestId: `batch-${index}`, operationName: `Op${index}`, subject: `key-of-${partnerId}` },
    ]);
  }
});

test('requests arriving while an insert is in flight wait for the next one, and each resolves once its own entries are written', async () => {
  const log = new AuditLog(counted);
  statements.length = 0;
  const partnerId = '00000000-0000-4000-8000-0000000000c4';
  const first = log.append({ principal: principal(partnerId), operationName: null, requestId: 'first' }, [read('q-1')]);
  // The first insert is under way once the log has sent it; what comes now belongs to the next.
  await new Promise<void>((resolve) => setImmediate(resolve));
  expect(statements).toHaveLength(1);
  const later = [2, 3].map((n) => log.append({ principal: principal(partnerId), operationName: null, requestId: `later-${n}` }, [read(`q-${n}`)]));
  await first;
  await Promise.all(later);
  expect(statements).toHaveLength(2);
  expect((await log.query({ partnerId, limit: 10 })).map((entry) => entry.requestId).sort()).toEqual(['first', 'later-2', 'later-3']);
});

test('when the insert fails, every request of its batch is refused, and nothing of them is stored', async () => {
  const partnerId = '00000000-0000-4000-8000-0000000000c5';
  const broken = new AuditLog({
    ...counted,
    query: (sql: string, params?: unknown[]) => counted.query(sql.replace('"audit_entry"', '"audit_entry_missing"'), params),
  });
  const outcomes = await Promise.allSettled(
    [1, 2].map((n) => broken.append({ principal: principal(partnerId), operationName: null, requestId: `failed-${n}` }, [read(`r-${n}`)])),
  );
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  expect(await new AuditLog(counted).query({ partnerId, limit: 10 })).toEqual([]);
});
