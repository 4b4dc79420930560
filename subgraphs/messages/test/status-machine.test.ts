import { canMove, journeyOrder, nextStatuses } from '../src/status-machine';
import { TRANSITIONS as expected } from './journey';

const statuses = Object.keys(expected) as Array<keyof typeof nextStatuses>;

test('every status moves exactly to the statuses of the journey', () => {
  expect(Object.keys(nextStatuses).sort()).toEqual([...statuses].sort());
  for (const from of statuses) expect({ from, to: [...nextStatuses[from]].sort() }).toEqual({ from, to: [...expected[from]].sort() });
});

test.each(statuses.flatMap((from) => statuses.map((to) => [from, to] as const)))('%s → %s is allowed only when the journey has it', (from, to) => {
  expect(canMove(from, to)).toBe(expected[from].includes(to));
});

test('no status moves to itself, and DELIVERED and RETURNED end the journey', () => {
  for (const status of statuses) expect(canMove(status, status)).toBe(false);
  expect(nextStatuses.DELIVERED).toEqual([]);
  expect(nextStatuses.RETURNED).toEqual([]);
});

test('every status other than the end ones can be reached from COLLECTED, where the API starts a message', () => {
  const reached = new Set<string>(['COLLECTED']);
  for (let grew = true; grew;) {
    grew = false;
    for (const from of [...reached]) {
      for (const to of nextStatuses[from as keyof typeof nextStatuses]) {
        if (!reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
  }
  expect([...reached].sort()).toEqual([...statuses].sort());
});

test('the dashboard order lists every status once, in the order of the journey', () => {
  expect(journeyOrder).toEqual(['DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE', 'RETURNED']);
});
