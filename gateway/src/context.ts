import type { BaseContext } from '@apollo/server';
import type { AuditRead, Logger, Principal } from '@movement/runtime';

/** Per-request state of the gateway; every subgraph request made for it carries `requestId`. */
export interface GatewayContext extends BaseContext {
  requestId: string;
  logger: Logger;
  /** Who is asking, as authentication established it. */
  principal: Principal;
  /** Whether the credentials may run only the trusted documents of the persisted-document manifest. */
  trustedDocumentsOnly: boolean;
  /** The client's operation name, once the operation is resolved. */
  operationName: string | null;
  /** The internal token for the subgraphs, taken on first use (reused per principal for a while). */
  internalToken?: Promise<string>;
  /** Sensitive reads the subgraphs reported, written to the audit trail before the answer leaves. */
  auditReads: AuditRead[];
}
