import { assertActingAs, canSeeRecord, mandateScope, type Principal } from '@movement/runtime';
import { messageAccess, routeOf, sharedWithAfter } from '../src/visibility';

const brc = '00000000-0000-4000-8000-000000000001';
const rrc = '00000000-0000-4000-8000-000000000002';
const gomel = '00000000-0000-4000-8000-0000000000a0';
const message = { recordedById: rrc, sharedWithIds: [gomel] };
const principal = (partnerId: string | null, scopes: string[]): Principal => ({ subject: 'test', kind: 'partner', partnerId, scopes });

test('the route is the recording partner, then those the message is shared with', () => {
  expect(routeOf(message)).toEqual([rrc, gomel]);
  expect(sharedWithAfter(message, brc, rrc, null)).toEqual([brc, gomel].sort());
});

test('a message is visible on its route or under the mandate; the content needs its own scope too', () => {
  const reader = ['messages:read', 'messages:read:content'];
  expect(messageAccess(message, principal(gomel, reader))).toEqual({ metadata: true, content: true });
  expect(messageAccess(message, principal(gomel, ['messages:read']))).toEqual({ metadata: true, content: false });
  // Off the route, the content is refused whatever the scopes: the content resolver asks this too.
  expect(messageAccess(message, principal(brc, reader))).toEqual({ metadata: false, content: false });
  expect(canSeeRecord(principal(null, reader), message)).toBe(false);
  expect(messageAccess(message, principal(null, [...reader, mandateScope]))).toEqual({ metadata: true, content: true });
});

test('a partner acts only as itself unless it holds the mandate', () => {
  expect(() => assertActingAs(principal(brc, []), 'input.partnerId', brc.toUpperCase())).not.toThrow();
  expect(() => assertActingAs(principal(null, [mandateScope]), 'input.partnerId', rrc)).not.toThrow();
  for (const caller of [principal(brc, []), principal(null, [])]) {
    try {
      assertActingAs(caller, 'input.collectingPartnerId', rrc);
      throw new Error('not refused');
    } catch (error) {
      expect((error as { extensions?: unknown }).extensions).toEqual({ code: 'FORBIDDEN', field: 'input.collectingPartnerId' });
    }
  }
});
