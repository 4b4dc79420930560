import { syntheticId } from '@movement/runtime/demo';
import type { TestGraph } from './harness';

/** Ids from the deterministic demo seed that the message tests work with. */
export const person = (i: number) => syntheticId('person', i);
export const org = (key: string) => syntheticId('organization', key);
export const place = (key: string) => syntheticId('location', key);
export const BELGOROD = org('RRC-BELGOROD');
export const ICRC_MOSCOW = org('ICRC-MOSCOW');
export const ICRC_MINSK = org('ICRC-MINSK');
export const KURSK = org('RRC-KURSK');
export const RRC = org('RRC');
export const GOMEL = org('BRC-GOMEL');
export const DISTRIBUTION_POINT = place('DP-BELGOROD-1');

export const MESSAGE_FIELDS = `id reference status content language
  sender { id } addressee { id }
  collectingPartner { id } deliveringPartner { id } recordedBy { id } sharedWith { id } route { id }
  inReplyTo { id } replies(first: 10) { edges { node { id } } } statusChangedAt
  statusHistory { sequence status at partner { id } location { id } note actor reason }`;

export interface MessageView {
  id: string;
  reference: string;
  status: string;
  content: string;
  language: string;
  sender: { id: string };
  addressee: { id: string };
  collectingPartner: { id: string };
  deliveringPartner: { id: string } | null;
  recordedBy: { id: string };
  sharedWith: Array<{ id: string }>;
  route: Array<{ id: string }>;
  inReplyTo: { id: string } | null;
  replies: { edges: Array<{ node: { id: string } }> };
  statusChangedAt: string;
  statusHistory: Array<{
    sequence: number;
    status: string;
    at: string;
    partner: { id: string };
    location: { id: string } | null;
    note: string | null;
    actor: string | null;
    reason: string | null;
  }>;
}

export interface GraphError {
  message: string;
  extensions?: { code?: string; field?: string; allowed?: string[]; current?: string };
}

/**
 * Runs a mutation `name(input: $input)` through the gateway and returns the message or the errors;
 * as the full-access principal (the ICRC's mandate) unless `headers` carry other credentials. The
 * message has every field of `MessageView` unless `fields` selects fewer: a burst of hundreds of
 * mutations that looks at ids alone need not resolve each message's history and relations.
 */
export async function mutate(
  graph: TestGraph,
  name: string,
  input: Record<string, unknown>,
  headers: Record<string, string> = {},
  fields: string = MESSAGE_FIELDS,
): Promise<{ message?: MessageView; errors?: GraphError[] }> {
  const inputType = `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
  const result = await graph.query<Record<string, MessageView>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }, headers);
  return { message: result.data?.[name] ?? undefined, errors: result.errors };
}

/** Like `mutate`, but fails the test with the errors when the mutation does not succeed. */
export async function mustMutate(graph: TestGraph, name: string, input: Record<string, unknown>, headers: Record<string, string> = {}): Promise<MessageView> {
  const { message, errors } = await mutate(graph, name, input, headers);
  if (!message) throw new Error(`${name} failed: ${JSON.stringify(errors)}`);
  return message;
}

export const collectInput = (key: string, overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  senderId: person(0),
  addresseeId: person(1),
  language: 'ru',
  content: 'Мама, мы живы и здоровы. Ждём вестей.',
  collectingPartnerId: BELGOROD,
  locationId: DISTRIBUTION_POINT,
  actor: 'volunteer 17',
  ...overrides,
});

/** Fails unless the history is a gap-free sequence whose every step the state machine allows. */
export function expectConsistentHistory(message: MessageView, allowed: Record<string, string[]>): void {
  const history = message.statusHistory;
  history.forEach((step, index) => {
    if (step.sequence !== index + 1) throw new Error(`step ${index} has sequence ${step.sequence}`);
    if (index > 0 && !allowed[history[index - 1].status].includes(step.status)) {
      throw new Error(`step ${index + 1}: ${history[index - 1].status} → ${step.status} is not a transition`);
    }
    if (index > 0 && Date.parse(step.at) < Date.parse(history[index - 1].at)) throw new Error(`step ${index + 1} is earlier than the one before`);
  });
  if (history[history.length - 1].status !== message.status) throw new Error(`status ${message.status} is not the last step`);
}

// The oracle of the journey, written out independently of the subgraph's table and shared with its own tests.
export { TRANSITIONS } from '@movement/messages/test/journey';

/** Headers of a bearer token acting for `partnerId` with the scopes a message worker needs, without the mandate. */
export async function partnerWorker(graph: TestGraph, partnerId: string): Promise<Record<string, string>> {
  const token = await graph.token({
    sub: `worker-${partnerId}`,
    kind: 'app',
    partnerId,
    scopes: ['people:read', 'messages:read', 'messages:read:content', 'messages:write'],
  });
  return { authorization: `Bearer ${token}` };
}

/** Every row of the messages database, to prove a refused call wrote nothing. */
export async function messageRowCounts(graph: TestGraph): Promise<{ messages: number; steps: number }> {
  const [row] = await graph.graph.subgraphs.messages.database.driver.query<{ messages: number; steps: number }>(
    `SELECT (SELECT count(*)::int FROM "messages"."RedCrossMessage") AS messages, (SELECT count(*)::int FROM "messages"."MessageStatusChange") AS steps`,
  );
  return row;
}
