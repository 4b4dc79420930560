import type { BaseContext } from '@apollo/server';
import type { Logger } from '@movement/runtime';

/** Per-request state of the gateway; every subgraph request made for it carries `requestId`. */
export interface GatewayContext extends BaseContext {
  requestId: string;
  logger: Logger;
}
