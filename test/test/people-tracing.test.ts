import { detentionPlaces, lastSeenPlaces, syntheticId } from '@movement/runtime/demo';
import { startTestGraph, type TestGraph } from './harness';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'people-tracing' });
});

afterAll(async () => {
  await graph?.stop();
});

const rrcKursk = syntheticId('organization', 'RRC-KURSK');
const icrcMoscow = syntheticId('organization', 'ICRC-MOSCOW');
const kurskPlace = syntheticId('location', lastSeenPlaces[0]);
const detentionPlace = syntheticId('location', detentionPlaces[0]);
const otherDetentionPlace = syntheticId('location', detentionPlaces[1]);
const rrc = syntheticId('organization', 'RRC');
const ruMod = syntheticId('organization', 'RU-MOD');

interface GraphError {
  message: string;
  extensions?: Record<string, unknown>;
}

async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await graph.query<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function failure(query: string, variables: Record<string, unknown>): Promise<GraphError> {
  const result = await graph.query(query, variables);
  expect(result.errors).toBeDefined();
  return result.errors![0];
}

const REGISTER = `mutation($input: RegisterPersonInput!) {
  registerPerson(input: $input) { id fullName birthYear names { script scheme language value } recordedBy { shortName } }
}`;

const person = (overrides: Record<string, unknown>) => ({
  sex: 'MALE',
  status: 'CIVILIAN',
  purpose: 'restoring family links',
  legalBasis: 'VITAL_INTEREST',
  recordedById: rrcKursk,
  ...overrides,
});

async function register(overrides: Record<string, unknown>) {
  const data = await mutate<{
    registerPerson: { id: string; fullName: string; names: Array<{ script: string; scheme: string; value: string }>; recordedBy: { shortName: string } };
  }>(REGISTER, { input: person(overrides) });
  return data.registerPerson;
}

const SEARCH = `query($name: String!, $filters: PersonSearchFilters, $first: Int) {
  searchPeople(name: $name, filters: $filters, first: $first) { score person { id fullName } matchedName { script scheme value } }
}`;

async function search(name: string, filters?: Record<string, unknown>) {
  const data = await mutate<{
    searchPeople: Array<{ score: number; person: { id: string; fullName: string }; matchedName: { scheme: string; value: string } }>;
  }>(SEARCH, { name, filters, first: 5 });
  return data.searchPeople;
}

describe('registering people', () => {
  test('names keep their script and get the romanisations of their language', async () => {
    const ua = await register({ givenName: 'Олександр', familyName: 'Шевченко', patronymic: 'Іванович', birthYear: 1987 });
    expect(ua.fullName).toBe('Олександр Шевченко');
    expect(ua.recordedBy.shortName).toBe('RRC Kursk');
    expect(ua.names).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ script: 'Cyrl', scheme: 'original', value: 'Олександр Іванович Шевченко' }),
        expect.objectContaining({ script: 'Latn', scheme: 'uk-2010', value: 'Oleksandr Ivanovych Shevchenko' }),
      ]),
    );
    const ru = await register({ givenName: 'Александр', familyName: 'Кузнецов', language: 'RU', birthYear: 1979 });
    expect(ru.names.map((n) => `${n.scheme}:${n.value}`)).toEqual(expect.arrayContaining(['ru-bgn-pcgn:Aleksandr Kuznetsov']));
    const by = await register({ givenName: 'Аляксандр', familyName: 'Марозаў', birthYear: 1990 });
    expect(by.names.map((n) => `${n.scheme}:${n.value}`)).toEqual(expect.arrayContaining(['be-2007:Aliaksandr Marozaŭ', 'be-passport:Aliaksandr Marozau']));
  });

  test('bad input is refused naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ givenName: '', familyName: 'Шевченко' }, 'input.givenName'],
      [{ givenName: 'Іван', familyName: 'Шевченко', birthDate: '2999-01-01' }, 'input.birthDate'],
      [{ givenName: 'Іван', familyName: 'Шевченко', birthDate: '1850-01-01' }, 'input.birthDate'],
      [{ givenName: 'Іван', familyName: 'Шевченко', birthDate: '1990-02-30' }, 'input.birthDate'],
      [{ givenName: 'Іван', familyName: 'Шевченко', birthDate: '1990-05-01', birthYear: 1991 }, 'input.birthYear'],
      [{ givenName: 'Іван', familyName: 'Шевченко', nationality: 'Ukraine' }, 'input.nationality'],
      [{ givenName: 'Іван', familyName: 'Шевченко', lastSeenAtId: syntheticId('location', 'NOWHERE') }, 'input.lastSeenAtId'],
      [{ givenName: 'Іван', familyName: 'Шевченко', recordedById: syntheticId('organization', 'NOBODY') }, 'input.recordedById'],
    ];
    for (const [input, field] of cases) {
      const error = await failure(REGISTER, { input: person(input) });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.field).toBe(field);
    }
    const wrongEnum = await graph.query(REGISTER, { input: person({ givenName: 'Іван', familyName: 'Шевченко', sex: 'ROBOT' }) });
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Nothing was written by any refused registration.
    const found = await search('Іван Шевченко');
    expect(found.filter((r) => r.person.fullName === 'Іван Шевченко')).toHaveLength(0);
  });
});

describe('updating people', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, input: $input) { fullName birthDate birthYear nationality lastSeenOn lastSeenAt { id } status }
  }`;
  type Updated = {
    updatePerson: {
      fullName: string;
      birthDate: string | null;
      birthYear: number | null;
      nationality: string | null;
      lastSeenOn: string | null;
      lastSeenAt: { id: string } | null;
      status: string;
    };
  };

  test('correcting a name keeps the spellings seen on documents and finds the person under both', async () => {
    const registered = await register({ givenName: 'Тарас', familyName: 'Мельнік', otherSpellings: ['Taras Melnick'] });
    const corrected = await mutate<{ updatePerson: { fullName: string; names: Array<{ scheme: string; value: string }> } }>(
      `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { fullName names { scheme value } } }`,
      { id: registered.id, input: { familyName: 'Мельник' } },
    );
    expect(corrected.updatePerson.fullName).toBe('Тарас Мельник');
    expect(corrected.updatePerson.names).toEqual(expect.arrayContaining([{ scheme: 'document', value: 'Taras Melnick' }]));
    expect(corrected.updatePerson.names.map((name) => name.value)).not.toContain('Тарас Мельнік');
    expect((await search('Taras Melnick')).map((result) => result.person.id)).toContain(registered.id);
  });

  test('null clears an optional field, a field left out keeps its value', async () => {
    const registered = await register({
      givenName: 'Тарас',
      familyName: 'Мельник',
      birthDate: '1984-07-12',
      nationality: 'UA',
      lastSeenAtId: kurskPlace,
      lastSeenOn: '2024-03-10',
    });
    const kept = await mutate<Updated>(UPDATE, { id: registered.id, input: { status: 'DISPLACED' } });
    expect(kept.updatePerson).toEqual({
      fullName: 'Тарас Мельник',
      birthDate: '1984-07-12',
      birthYear: 1984,
      nationality: 'UA',
      lastSeenOn: '2024-03-10',
      lastSeenAt: { id: kurskPlace },
      status: 'DISPLACED',
    });
    const dateOnly = await mutate<Updated>(UPDATE, { id: registered.id, input: { birthDate: null, nationality: null, lastSeenAtId: null, lastSeenOn: null } });
    expect(dateOnly.updatePerson).toEqual({
      fullName: 'Тарас Мельник',
      birthDate: null,
      birthYear: 1984,
      nationality: null,
      lastSeenOn: null,
      lastSeenAt: null,
      status: 'DISPLACED',
    });
    const cleared = await mutate<Updated>(UPDATE, { id: registered.id, input: { birthYear: null } });
    expect(cleared.updatePerson.birthYear).toBeNull();
    // The name forms follow: a birth-year search no longer counts the person as born in 1984.
    const found = await search('Taras Melnyk', { birthYear: 1984, birthYearTolerance: 0 });
    const hit = found.find((r) => r.person.id === registered.id)!;
    const unfiltered = (await search('Taras Melnyk')).find((r) => r.person.id === registered.id)!;
    expect(hit.score).toBeCloseTo(unfiltered.score * 0.85, 2);
  });

  test('required fields cannot be cleared, and a birth year must agree with the date kept', async () => {
    const registered = await register({ givenName: 'Оксана', familyName: 'Гнатюк', sex: 'FEMALE', birthDate: '1991-02-03' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ givenName: null }, 'input.givenName'],
      [{ familyName: null }, 'input.familyName'],
      [{ status: null }, 'input.status'],
      [{ birthYear: null }, 'input.birthYear'],
      [{ birthYear: 1990 }, 'input.birthYear'],
      [{ nationality: 'Ukraine' }, 'input.nationality'],
      [{ lastSeenOn: '2999-01-01' }, 'input.lastSeenOn'],
    ];
    for (const [input, field] of cases) {
      const error = await failure(UPDATE, { id: registered.id, input });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const moved = await mutate<Updated>(UPDATE, { id: registered.id, input: { birthDate: '1990-02-03' } });
    expect(moved.updatePerson).toMatchObject({ birthDate: '1990-02-03', birthYear: 1990 });
  });
});

describe('atomic writes', () => {
  const count = async (sql: string, params: unknown[]) => {
    const [row] = await graph.graph.subgraphs.people.database.driver.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return row.n;
  };

  test('a registration whose later family link fails leaves no person, name or link behind', async () => {
    const mother = await register({ givenName: 'Людмила', familyName: 'Зайченко', sex: 'FEMALE', birthYear: 1960 });
    const missing = syntheticId('person', 'NOBODY');
    const before = {
      people: await count('"people"."Person"', []),
      forms: await count('"people"."PersonNameForm"', []),
      links: await count('"people"."FamilyLink"', []),
    };
    const error = await failure(REGISTER, {
      input: person({
        givenName: 'Богдан',
        familyName: 'Зайченко',
        birthYear: 1988,
        familyLinks: [
          { relativeId: mother.id, relationship: 'PARENT' },
          { relativeId: missing, relationship: 'SIBLING' },
        ],
      }),
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.familyLinks.1.relativeId' });
    expect(await count('"people"."Person"', [])).toBe(before.people);
    expect(await count('"people"."Person" WHERE "givenName" = $1', ['Богдан'])).toBe(0);
    expect(await count('"people"."PersonNameForm"', [])).toBe(before.forms);
    expect(await count('"people"."FamilyLink"', [])).toBe(before.links);
    expect(await count('"people"."FamilyLink" WHERE "personId" = $1::uuid OR "relativeId" = $1::uuid', [mother.id])).toBe(0);

    // The same registration with only existing relatives writes the person and both sides of the link.
    const son = await mutate<{ registerPerson: { id: string; familyLinks: { edges: Array<{ node: { relationship: string; relative: { id: string } } }> } } }>(
      `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id familyLinks { edges { node { relationship relative { id } } } } } }`,
      { input: person({ givenName: 'Богдан', familyName: 'Зайченко', birthYear: 1988, familyLinks: [{ relativeId: mother.id, relationship: 'PARENT' }] }) },
    );
    expect(son.registerPerson.familyLinks.edges).toEqual([{ node: { relationship: 'PARENT', relative: { id: mother.id } } }]);
    expect(await count('"people"."FamilyLink" WHERE "personId" = $1::uuid AND "relationship" = \'CHILD\'', [mother.id])).toBe(1);
  });
});

describe('search across scripts', () => {
  test.each([
    ['Ukrainian, Latin finds Cyrillic', 'Oleksandr Shevchenko', 'Олександр Шевченко'],
    ['Ukrainian, order swapped', 'Shevchenko Oleksandr', 'Олександр Шевченко'],
    ['Ukrainian, misspelt', 'Oleksandr Shevchencko', 'Олександр Шевченко'],
    ['Russian, BGN/PCGN', 'Aleksandr Kuznetsov', 'Александр Кузнецов'],
    ['Russian, English usage', 'Alexander Kuznetsov', 'Александр Кузнецов'],
    ['Russian, diacritics dropped from ISO 9', 'Aleksandr Kuznecov', 'Александр Кузнецов'],
    ['Belarusian, passport form', 'Aliaksandr Marozau', 'Аляксандр Марозаў'],
    ['Belarusian, national form', 'Aliaksandr Marozaŭ', 'Аляксандр Марозаў'],
  ])('%s: %s finds %s', async (_case, query, expected) => {
    const results = await search(query);
    expect(results[0]?.person.fullName).toBe(expected);
    expect(results[0].score).toBeGreaterThan(0.5);
  });

  test('Cyrillic finds a person registered only in Latin', async () => {
    const latinOnly = await register({ givenName: 'Oleksii', familyName: 'Bondarenko', nationality: 'UA' });
    const results = await search('Олексій Бондаренко');
    expect(results[0]?.person.id).toBe(latinOnly.id);
    expect(results[0]?.matchedName).toEqual({ script: 'Latn', scheme: 'original', value: 'Oleksii Bondarenko' });
  });

  test("a seeded person's romanised name finds them, results ranked by score", async () => {
    const seeded = await mutate<{ person: { fullName: string; names: Array<{ script: string; value: string }> } }>(
      `query($id: ID!) { person(id: $id) { fullName names { script value } } }`,
      { id: syntheticId('person', 7) },
    );
    const latin = seeded.person.names.find((n) => n.script === 'Latn')!.value;
    const results = await search(latin);
    expect(results.map((r) => r.person.fullName)).toContain(seeded.person.fullName);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('a birth year filter narrows the candidates; unknown years still match, ranked lower', async () => {
    expect((await search('Oleksandr Shevchenko', { birthYear: 1987 }))[0]?.person.fullName).toBe('Олександр Шевченко');
    expect((await search('Oleksandr Shevchenko', { birthYear: 1950, birthYearTolerance: 0 })).map((r) => r.person.fullName)).not.toContain(
      'Олександр Шевченко',
    );
    const known = await register({ givenName: 'Яромир', familyName: 'Дорошенко', birthYear: 1972 });
    const unknown = await register({ givenName: 'Яромир', familyName: 'Дорошенко' });
    const other = await register({ givenName: 'Яромир', familyName: 'Дорошенко', birthYear: 2001 });
    const found = await search('Iaromyr Doroshenko', { birthYear: 1972, birthYearTolerance: 1 });
    expect(found.slice(0, 2).map((r) => r.person.id)).toEqual([known.id, unknown.id]);
    expect(found.map((r) => r.person.id)).not.toContain(other.id);
    expect(found[1].score).toBeCloseTo(found[0].score * 0.85, 2);
  });

  test('sex and status filters still fill the page with the best matches', async () => {
    for (const [sex, status] of [
      ['MALE', 'CIVILIAN'],
      ['FEMALE', 'MISSING'],
      ['FEMALE', 'CIVILIAN'],
      ['MALE', 'MISSING'],
    ]) {
      await register({ givenName: 'Саша', familyName: 'Кравчук', sex, status });
    }
    const women = await mutate<{ searchPeople: Array<{ person: { sex: string; status: string } }> }>(
      `query($name: String!, $filters: PersonSearchFilters) { searchPeople(name: $name, filters: $filters, first: 2) { person { sex status } } }`,
      { name: 'Sasha Kravchuk', filters: { sex: 'FEMALE' } },
    );
    expect(women.searchPeople).toHaveLength(2);
    expect(women.searchPeople.every((r) => r.person.sex === 'FEMALE')).toBe(true);
    const missing = await mutate<{ searchPeople: Array<{ person: { sex: string; status: string } }> }>(
      `query($name: String!, $filters: PersonSearchFilters) { searchPeople(name: $name, filters: $filters, first: 5) { person { sex status } } }`,
      { name: 'Sasha Kravchuk', filters: { sex: 'MALE', status: 'MISSING' } },
    );
    expect(missing.searchPeople[0]).toEqual({ person: { sex: 'MALE', status: 'MISSING' } });
    expect(missing.searchPeople.every((r) => r.person.sex === 'MALE' && r.person.status === 'MISSING')).toBe(true);
  });

  test('a search name that is too short or a page too large is refused', async () => {
    const short = await failure(SEARCH, { name: 'A' });
    expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const large = await failure(SEARCH, { name: 'Ivan', first: 500 });
    expect(large.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

const TRACING_FIELDS = `id reference status closedReason locatedPerson { id fullName }
  possibleMatches(first: 5) { score person { id fullName } reasons { kind detail weight } }`;

describe('a tracing case from enquiry to reunion', () => {
  test('enquiry, search, a rejected and a confirmed match, reunion', async () => {
    const mother = await register({ givenName: 'Ганна', familyName: 'Коваленко', sex: 'FEMALE', birthYear: 1965 });
    // What the mother knows of her son, as she spells it.
    const sought = await register({ givenName: 'Дмитро', familyName: 'Коваленко', birthYear: 1995, status: 'MISSING', lastSeenAtId: kurskPlace });
    // Registered elsewhere: the son with a Latin-only name and a namesake born much earlier.
    const son = await register({ givenName: 'Dmytro', familyName: 'Kovalenko', birthYear: 1995, lastSeenAtId: kurskPlace, recordedById: icrcMoscow });
    const namesake = await register({ givenName: 'Dmitriy', familyName: 'Kovalenko', birthYear: 1950 });

    const opened = await mutate<{ openTracingRequest: { id: string; reference: string; status: string } }>(
      `mutation($input: OpenTracingRequestInput!) { openTracingRequest(input: $input) { id reference status } }`,
      {
        input: {
          enquirerId: mother.id,
          soughtPersonId: sought.id,
          enquirerRelationship: 'PARENT',
          circumstances: 'Last seen near Kursk in March; no news since.',
          lastSeenAtId: kurskPlace,
          lastSeenOn: '2024-03-10',
          recordedById: rrcKursk,
        },
      },
    );
    const requestId = opened.openTracingRequest.id;
    expect(opened.openTracingRequest.status).toBe('OPEN');
    expect(opened.openTracingRequest.reference).toMatch(/^TR-\d{4}-[0-9A-F]{8}$/);

    const CHANGE = `mutation($id: ID!, $status: TracingStatus!, $closedReason: String) {
      changeTracingStatus(id: $id, status: $status, closedReason: $closedReason) { id status closedReason }
    }`;
    const toReunited = await failure(CHANGE, { id: requestId, status: 'REUNITED' });
    expect(toReunited.extensions).toMatchObject({ code: 'CONFLICT', allowed: ['SEARCHING', 'LOCATED', 'CLOSED'] });
    await mutate(CHANGE, { id: requestId, status: 'SEARCHING' });

    const READ = `query($id: ID!) { tracingRequest(id: $id) { ${TRACING_FIELDS} } }`;
    type Request = {
      tracingRequest: {
        status: string;
        locatedPerson: { id: string } | null;
        possibleMatches: Array<{ score: number; person: { id: string }; reasons: Array<{ kind: string }> }>;
      };
    };
    const proposed = (await mutate<Request>(READ, { id: requestId })).tracingRequest.possibleMatches;
    const ids = proposed.map((m) => m.person.id);
    expect(ids[0]).toBe(son.id);
    expect(ids).toContain(namesake.id);
    expect(ids).not.toContain(sought.id);
    expect(ids).not.toContain(mother.id);
    expect(proposed[0].reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['NAME', 'BIRTH_YEAR', 'PLACE']));
    expect(proposed[0].score).toBeGreaterThan(proposed.find((m) => m.person.id === namesake.id)!.score);

    await mutate(
      `mutation($r: ID!, $p: ID!, $by: ID!) { rejectPossibleMatch(tracingRequestId: $r, personId: $p, reason: "Born 1950; not the son.", recordedById: $by) { id } }`,
      { r: requestId, p: namesake.id, by: rrcKursk },
    );
    const afterReject = (await mutate<Request>(READ, { id: requestId })).tracingRequest.possibleMatches.map((m) => m.person.id);
    expect(afterReject).not.toContain(namesake.id);
    expect(afterReject).toContain(son.id);

    const confirmed = await mutate<{ confirmPossibleMatch: { status: string; locatedPerson: { id: string } } }>(
      `mutation($r: ID!, $p: ID!, $by: ID!) { confirmPossibleMatch(tracingRequestId: $r, personId: $p, recordedById: $by) { status locatedPerson { id } } }`,
      { r: requestId, p: son.id, by: rrcKursk },
    );
    expect(confirmed.confirmPossibleMatch).toEqual({ status: 'LOCATED', locatedPerson: { id: son.id } });
    const family = await mutate<{ person: { familyLinks: { edges: Array<{ node: { relationship: string; relative: { id: string } } }> } } }>(
      `query($id: ID!) { person(id: $id) { familyLinks { edges { node { relationship relative { id } } } } } }`,
      { id: son.id },
    );
    expect(family.person.familyLinks.edges).toEqual([{ node: { relationship: 'PARENT', relative: { id: mother.id } } }]);

    const closeWithoutReason = await failure(CHANGE, { id: requestId, status: 'CLOSED' });
    expect(closeWithoutReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closedReason' });
    const reunited = await mutate<{ changeTracingStatus: { status: string } }>(CHANGE, { id: requestId, status: 'REUNITED' });
    expect(reunited.changeTracingStatus.status).toBe('REUNITED');
    const afterEnd = await failure(CHANGE, { id: requestId, status: 'CLOSED', closedReason: 'too late' });
    expect(afterEnd.extensions).toMatchObject({ code: 'CONFLICT', allowed: [] });
  });

  test('a request can be closed with a reason from a non-final status', async () => {
    const a = await register({ givenName: 'Марія', familyName: 'Бойко', sex: 'FEMALE' });
    const b = await register({ givenName: 'Петро', familyName: 'Бойко' });
    const opened = await mutate<{ openTracingRequest: { id: string } }>(
      `mutation($input: OpenTracingRequestInput!) { openTracingRequest(input: $input) { id } }`,
      {
        input: { enquirerId: a.id, soughtPersonId: b.id, enquirerRelationship: 'SPOUSE', circumstances: 'Separated at a checkpoint.', recordedById: rrcKursk },
      },
    );
    const closed = await mutate<{ changeTracingStatus: { status: string; closedReason: string } }>(
      `mutation($id: ID!) { changeTracingStatus(id: $id, status: CLOSED, closedReason: "The enquirer withdrew the request.") { status closedReason } }`,
      { id: opened.openTracingRequest.id },
    );
    expect(closed.changeTracingStatus).toEqual({ status: 'CLOSED', closedReason: 'The enquirer withdrew the request.' });
  });

  test('opening a request with unknown people or places is refused naming the field', async () => {
    const a = await register({ givenName: 'Ірина', familyName: 'Ткаченко', sex: 'FEMALE' });
    const OPEN = `mutation($input: OpenTracingRequestInput!) { openTracingRequest(input: $input) { id } }`;
    const base = {
      enquirerId: a.id,
      soughtPersonId: syntheticId('person', 3),
      enquirerRelationship: 'SIBLING',
      circumstances: 'Lost contact.',
      recordedById: rrcKursk,
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ soughtPersonId: syntheticId('person', 'missing') }, 'input.soughtPersonId'],
      [{ lastSeenAtId: syntheticId('location', 'NOWHERE') }, 'input.lastSeenAtId'],
      [{ lastSeenOn: '2999-01-01' }, 'input.lastSeenOn'],
      [{ circumstances: '' }, 'input.circumstances'],
      [{ soughtPersonId: a.id }, 'input.soughtPersonId'],
    ];
    for (const [override, field] of cases) {
      const error = await failure(OPEN, { input: { ...base, ...override } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  test('family links are recorded both ways', async () => {
    const parent = await register({ givenName: 'Ольга', familyName: 'Мельник', sex: 'FEMALE' });
    const child = await register({ givenName: 'Андрій', familyName: 'Мельник' });
    const links = await mutate<{ linkFamilyMembers: Array<{ relationship: string; person: { id: string }; relative: { id: string } }> }>(
      `mutation($input: LinkFamilyMembersInput!) { linkFamilyMembers(input: $input) { relationship person { id } relative { id } } }`,
      { input: { personId: child.id, relativeId: parent.id, relationship: 'PARENT', recordedById: rrcKursk } },
    );
    expect(links.linkFamilyMembers).toEqual([
      { relationship: 'PARENT', person: { id: child.id }, relative: { id: parent.id } },
      { relationship: 'CHILD', person: { id: parent.id }, relative: { id: child.id } },
    ]);
  });
});

describe('detention, access and visits', () => {
  test('a detainee is registered, access requested and granted, then visited', async () => {
    const detainee = await register({ givenName: 'Сергей', familyName: 'Волков', language: 'RU', birthYear: 1998 });
    const REGISTER_DETENTION = `mutation($input: RegisterDetentionInput!) {
      registerDetention(input: $input) { id accessStatus registrationNumber placeOfDetention { name } person { status } }
    }`;
    const input = {
      personId: detainee.id,
      placeOfDetentionId: detentionPlace,
      captureDate: '2024-03-02',
      registrationNumber: 'ICRC-RU-TEST-1',
      recordedById: icrcMoscow,
    };
    const registered = await mutate<{
      registerDetention: { id: string; accessStatus: string; placeOfDetention: { name: string }; person: { status: string } };
    }>(REGISTER_DETENTION, { input });
    const record = registered.registerDetention;
    expect(record.accessStatus).toBe('NOT_REQUESTED');
    expect(record.placeOfDetention.name.length).toBeGreaterThan(0);
    expect(record.person.status).toBe('DETAINED');

    const duplicate = await failure(REGISTER_DETENTION, { input });
    expect(duplicate.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.registrationNumber' });
    const wrongPlace = await failure(REGISTER_DETENTION, {
      input: { ...input, registrationNumber: 'X-2', placeOfDetentionId: syntheticId('location', 'NOWHERE') },
    });
    expect(wrongPlace.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.placeOfDetentionId' });
    const future = await failure(REGISTER_DETENTION, { input: { ...input, registrationNumber: 'X-3', captureDate: '2999-01-01' } });
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.captureDate' });

    const VISIT = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { visitedOn privateInterview visitedBy { shortName } } }`;
    const visit = { detentionRecordId: record.id, visitedOn: '2024-05-01', visitedById: icrcMoscow, privateInterview: true, recordedById: icrcMoscow };
    const tooEarly = await failure(VISIT, { input: visit });
    expect(tooEarly.extensions).toMatchObject({ code: 'CONFLICT', allowed: ['REQUESTED'] });

    const ACCESS = `mutation($id: ID!, $status: AccessStatus!, $on: String, $partner: ID) {
      recordAccessRequest(detentionRecordId: $id, status: $status, occurredOn: $on, partnerId: $partner) {
        accessStatus accessHistory { status occurredOn partner { id shortName } }
      }
    }`;
    type Access = {
      recordAccessRequest: { accessStatus: string; accessHistory: Array<{ status: string; occurredOn: string; partner: { id: string; shortName: string } }> };
    };
    const skipped = await failure(ACCESS, { id: record.id, status: 'GRANTED' });
    expect(skipped.extensions).toMatchObject({ code: 'CONFLICT', allowed: ['REQUESTED'] });
    await mutate(ACCESS, { id: record.id, status: 'REQUESTED', on: '2024-03-05', partner: rrcKursk });
    await mutate(ACCESS, { id: record.id, status: 'DENIED', on: '2024-03-20' });
    const twice = await failure(ACCESS, { id: record.id, status: 'DENIED', on: '2024-03-21' });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', allowed: ['REQUESTED'] });
    const backwards = await failure(ACCESS, { id: record.id, status: 'REQUESTED', on: '2024-03-19' });
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurredOn' });
    const unknownPartner = await failure(ACCESS, { id: record.id, status: 'REQUESTED', on: '2024-04-01', partner: syntheticId('organization', 'NOBODY') });
    expect(unknownPartner.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerId' });
    await mutate(ACCESS, { id: record.id, status: 'REQUESTED', on: '2024-04-01', partner: icrcMoscow });
    const granted = await mutate<Access>(ACCESS, { id: record.id, status: 'GRANTED', on: '2024-04-15' });
    expect(granted.recordAccessRequest.accessStatus).toBe('GRANTED');
    // Every request and answer is kept, most recent first; the refused moves left no step.
    expect(granted.recordAccessRequest.accessHistory.map((step) => `${step.occurredOn} ${step.status} ${step.partner.shortName}`)).toEqual([
      '2024-04-15 GRANTED ICRC Moscow',
      '2024-04-01 REQUESTED ICRC Moscow',
      '2024-03-20 DENIED ICRC Moscow',
      '2024-03-05 REQUESTED RRC Kursk',
    ]);
    const latest = await mutate<{ detentionRecord: { accessHistory: Array<{ status: string }> } }>(
      `query($id: ID!) { detentionRecord(id: $id) { accessHistory(first: 2) { status } } }`,
      { id: record.id },
    );
    expect(latest.detentionRecord.accessHistory).toEqual([{ status: 'GRANTED' }, { status: 'REQUESTED' }]);
    const tooMany = await failure(`query($id: ID!) { detentionRecord(id: $id) { accessHistory(first: 500) { status } } }`, { id: record.id });
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    const beforeCapture = await failure(VISIT, { input: { ...visit, visitedOn: '2024-03-01' } });
    expect(beforeCapture.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visitedOn' });
    const visited = await mutate<{ recordVisit: { visitedOn: string; visitedBy: { shortName: string } } }>(VISIT, { input: visit });
    expect(visited.recordVisit).toMatchObject({ visitedOn: '2024-05-01', visitedBy: { shortName: 'ICRC Moscow' } });
    const read = await mutate<{ detentionRecord: { visits: { edges: Array<{ node: { visitedOn: string } }>; pageInfo: { hasNextPage: boolean } } } }>(
      `query($id: ID!) { detentionRecord(id: $id) { visits(first: 1) { edges { node { visitedOn } } pageInfo { hasNextPage } } } }`,
      { id: record.id },
    );
    expect(read.detentionRecord.visits).toEqual({ edges: [{ node: { visitedOn: '2024-05-01' } }], pageInfo: { hasNextPage: false } });
  });
});

/** As a partner would call: the demo key of `caller`; the answer with its errors. */
const asPartner = <T>(caller: 'icrc' | 'russianRedCross' | 'belarusRedCross', query: string, variables: Record<string, unknown> = {}) =>
  graph.query<T>(query, variables, graph.as(caller));

async function partnerMutate<T>(caller: 'icrc' | 'russianRedCross' | 'belarusRedCross', query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await asPartner<T>(caller, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('detention as the Geneva Conventions frame it (the ICRC delegation)', () => {
  const REGISTER_DETENTION = `mutation($input: RegisterDetentionInput!) {
    registerDetention(input: $input) { id legalCategory detainingState detainingAuthority { id } custodyStatus reviewOn }
  }`;
  const NOTIFY = `mutation($input: RecordDetentionNotificationInput!) {
    recordDetentionNotification(input: $input) { id kind transmittedOn transmittedBy familyInformed familyInformedOn recordedBy { shortName } }
  }`;
  const EVENT = `mutation($input: RecordDetentionEventInput!) {
    recordDetentionEvent(input: $input) {
      custodyStatus placeOfDetention { id } person { status }
      events { kind occurredOn place { id } fromPlaceOfDetention { id } note }
    }
  }`;
  const listed = async (query: string, id: string) => {
    const data = await partnerMutate<Record<string, { edges: Array<{ node: { id: string } }> }>>('icrc', query);
    return Object.values(data)[0].edges.some((edge) => edge.node.id === id);
  };
  const awaiting = `{ detentionRecordsAwaitingNotification(days: 14, first: 100) { edges { node { id } } } }`;
  const uninformed = `{ detentionRecordsFamilyNotInformed(first: 100) { edges { node { id } } } }`;

  async function registerPrisoner(registrationNumber: string) {
    const detainee = await register({ givenName: 'Пётр', familyName: 'Семёнов', birthYear: 1996, recordedById: icrcMoscow });
    expect(detainee.names).toEqual(expect.arrayContaining([expect.objectContaining({ scheme: 'ru-bgn-pcgn', value: 'Pyotr Semyonov' })]));
    const input = {
      personId: detainee.id,
      placeOfDetentionId: detentionPlace,
      captureDate: '2024-03-02',
      registrationNumber,
      recordedById: icrcMoscow,
      legalCategory: 'PRISONER_OF_WAR',
      detainingState: 'RU',
      detainingAuthorityId: ruMod,
    };
    const { registerDetention } = await partnerMutate<{
      registerDetention: {
        id: string;
        legalCategory: string;
        detainingState: string;
        detainingAuthority: { id: string };
        custodyStatus: string;
        reviewOn: string;
      };
    }>('icrc', REGISTER_DETENTION, { input });
    return { detainee, record: registerDetention, input };
  }

  test('a prisoner of war is registered with the detaining power and authority; bad categories of input are refused', async () => {
    const { record, input } = await registerPrisoner('ICRC-RU-GC-1');
    expect(record).toMatchObject({ legalCategory: 'PRISONER_OF_WAR', detainingState: 'RU', detainingAuthority: { id: ruMod }, custodyStatus: 'IN_CUSTODY' });
    expect(record.reviewOn > new Date().toISOString().slice(0, 10)).toBe(true);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ detainingState: 'Russia' }, 'input.detainingState'],
      [{ detainingAuthorityId: icrcMoscow }, 'input.detainingAuthorityId'],
      [{ detainingAuthorityId: syntheticId('organization', 'NOBODY') }, 'input.detainingAuthorityId'],
      [{ reviewOn: '2020-01-01' }, 'input.reviewOn'],
    ];
    for (const [override, field] of cases) {
      const result = await asPartner(`icrc`, REGISTER_DETENTION, { input: { ...input, registrationNumber: `ICRC-RU-GC-X-${field}`, ...override } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  test('notifications and capture cards: who transmitted them, when, whether the family knows; the queries find the gaps', async () => {
    const { record } = await registerPrisoner('ICRC-RU-GC-2');
    expect(await listed(awaiting, record.id)).toBe(true);
    expect(await listed(uninformed, record.id)).toBe(true);
    const base = { detentionRecordId: record.id, transmittedOn: '2024-03-07', transmittedBy: 'The detainee, through the ICRC', recordedById: icrcMoscow };
    const wrongCard = await asPartner('icrc', NOTIFY, { input: { ...base, kind: 'INTERNMENT_CARD' } });
    expect(wrongCard.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    const beforeCapture = await asPartner('icrc', NOTIFY, { input: { ...base, kind: 'CAPTURE_CARD', transmittedOn: '2024-03-01' } });
    expect(beforeCapture.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.transmittedOn' });
    const informedFirst = await asPartner('icrc', NOTIFY, { input: { ...base, kind: 'CAPTURE_CARD', familyInformedOn: '2024-03-06' } });
    expect(informedFirst.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.familyInformedOn' });
    const asOther = await asPartner('icrc', NOTIFY, { input: { ...base, kind: 'CAPTURE_CARD', recordedById: 'not-a-uuid' } });
    expect(asOther.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.recordedById' });

    const card = (
      await partnerMutate<{ recordDetentionNotification: { id: string; kind: string; familyInformed: boolean; recordedBy: { shortName: string } } }>(
        'icrc',
        NOTIFY,
        { input: { ...base, kind: 'CAPTURE_CARD' } },
      )
    ).recordDetentionNotification;
    expect(card).toMatchObject({ kind: 'CAPTURE_CARD', familyInformed: false, recordedBy: { shortName: 'ICRC Moscow' } });
    // A card is not the detaining power's notification to the Central Tracing Agency.
    expect(await listed(awaiting, record.id)).toBe(true);
    await partnerMutate('icrc', NOTIFY, {
      input: { ...base, kind: 'CENTRAL_AGENCY_NOTIFICATION', transmittedOn: '2024-03-12', transmittedBy: 'National Information Bureau of the detaining power' },
    });
    expect(await listed(awaiting, record.id)).toBe(false);
    expect(await listed(uninformed, record.id)).toBe(true);

    const INFORMED = `mutation($id: ID!, $on: String!, $by: ID!) { recordFamilyInformed(notificationId: $id, informedOn: $on, recordedById: $by) { familyInformed familyInformedOn } }`;
    const tooEarly = await asPartner('icrc', INFORMED, { id: card.id, on: '2024-03-01', by: icrcMoscow });
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'informedOn' });
    expect(
      (await partnerMutate<{ recordFamilyInformed: unknown }>('icrc', INFORMED, { id: card.id, on: '2024-03-28', by: icrcMoscow })).recordFamilyInformed,
    ).toEqual({ familyInformed: true, familyInformedOn: '2024-03-28' });
    // Recorded again with the same date: nothing changes; with another: CONFLICT.
    await partnerMutate('icrc', INFORMED, { id: card.id, on: '2024-03-28', by: icrcMoscow });
    const otherDate = await asPartner('icrc', INFORMED, { id: card.id, on: '2024-04-02', by: icrcMoscow });
    expect(otherDate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await listed(uninformed, record.id)).toBe(false);

    const read = await partnerMutate<{
      detentionRecord: { notifications: Array<{ kind: string; transmittedOn: string; transmittedBy: string; familyInformedOn: string | null }> };
    }>('icrc', `query($id: ID!) { detentionRecord(id: $id) { notifications { kind transmittedOn transmittedBy familyInformedOn } } }`, { id: record.id });
    expect(read.detentionRecord.notifications).toEqual([
      { kind: 'CAPTURE_CARD', transmittedOn: '2024-03-07', transmittedBy: 'The detainee, through the ICRC', familyInformedOn: '2024-03-28' },
      {
        kind: 'CENTRAL_AGENCY_NOTIFICATION',
        transmittedOn: '2024-03-12',
        transmittedBy: 'National Information Bureau of the detaining power',
        familyInformedOn: null,
      },
    ]);
  });

  test('a transfer keeps the history, a release ends custody and frees the person; nothing follows the end', async () => {
    const { record } = await registerPrisoner('ICRC-RU-GC-3');
    const event = (override: Record<string, unknown>) => ({
      detentionRecordId: record.id,
      kind: 'TRANSFER',
      occurredOn: '2024-04-10',
      placeId: otherDetentionPlace,
      recordedById: icrcMoscow,
      ...override,
    });
    const notAPrison = await asPartner('icrc', EVENT, { input: event({ placeId: kurskPlace }) });
    expect(notAPrison.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.placeId' });
    const samePlace = await asPartner('icrc', EVENT, { input: event({ placeId: detentionPlace }) });
    expect(samePlace.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.placeId' });
    const future = await asPartner('icrc', EVENT, { input: event({ occurredOn: '2999-01-01' }) });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.occurredOn' });

    type Recorded = {
      recordDetentionEvent: { custodyStatus: string; placeOfDetention: { id: string }; person: { status: string }; events: Array<Record<string, unknown>> };
    };
    const moved = (await partnerMutate<Recorded>('icrc', EVENT, { input: event({}) })).recordDetentionEvent;
    expect(moved).toMatchObject({ custodyStatus: 'IN_CUSTODY', placeOfDetention: { id: otherDetentionPlace }, person: { status: 'DETAINED' } });
    expect(moved.events).toEqual([
      { kind: 'TRANSFER', occurredOn: '2024-04-10', place: { id: otherDetentionPlace }, fromPlaceOfDetention: { id: detentionPlace }, note: null },
    ]);
    const beforeTransfer = await asPartner('icrc', EVENT, { input: event({ kind: 'RELEASE', occurredOn: '2024-04-01', placeId: kurskPlace }) });
    expect(beforeTransfer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.occurredOn' });

    const released = (
      await partnerMutate<Recorded>('icrc', EVENT, {
        input: event({ kind: 'RELEASE', occurredOn: '2024-09-01', placeId: kurskPlace, note: 'Released to his family.' }),
      })
    ).recordDetentionEvent;
    expect(released).toMatchObject({ custodyStatus: 'RELEASED', placeOfDetention: { id: otherDetentionPlace }, person: { status: 'CIVILIAN' } });
    expect(released.events.map((e) => e.kind)).toEqual(['TRANSFER', 'RELEASE']);
    const afterEnd = await asPartner('icrc', EVENT, { input: event({ kind: 'DEATH', occurredOn: '2024-10-01', placeId: kurskPlace }) });
    expect(afterEnd.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', allowed: [] });
  });

  test('a partner without the detention scopes reads nothing of it and records nothing, and every read of it is audited', async () => {
    const { detainee, record } = await registerPrisoner('ICRC-RU-GC-4');
    const read = await asPartner<{ detentionRecord: unknown }>('russianRedCross', `query($id: ID!) { detentionRecord(id: $id) { legalCategory } }`, {
      id: record.id,
    });
    expect(read.data?.detentionRecord ?? null).toBeNull();
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await asPartner('russianRedCross', EVENT, {
      input: { detentionRecordId: record.id, kind: 'RELEASE', occurredOn: '2024-09-01', placeId: kurskPlace, recordedById: rrc },
    });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const detained = await asPartner('icrc', `query DetentionFile($id: ID!) { detentionRecord(id: $id) { legalCategory events { kind } } }`, { id: record.id });
    expect(detained.errors).toBeUndefined();
    const trail = await graph.admin<{
      auditEntries: { edges: Array<{ node: { operationName: string; recordType: string; field: string; personIds: string[] } }> };
    }>(`query($person: ID!) { auditEntries(personId: $person, first: 50) { edges { node { operationName recordType field personIds } } } }`, {
      person: detainee.id,
    });
    const fields = trail.data!.auditEntries.edges.map((edge) => edge.node).filter((entry) => entry.operationName === 'DetentionFile');
    expect(fields.map((entry) => `${entry.recordType}.${entry.field}`)).toEqual(expect.arrayContaining(['DetentionRecord.legalCategory']));
    expect(fields.every((entry) => entry.personIds.includes(detainee.id))).toBe(true);
  });
});

describe('consent before disclosure (the enquiring National Society and the ICRC)', () => {
  const OPEN = `mutation($input: OpenTracingRequestInput!) { openTracingRequest(input: $input) { id } }`;
  const CONFIRM = `mutation($r: ID!, $p: ID!, $by: ID!) { confirmPossibleMatch(tracingRequestId: $r, personId: $p, recordedById: $by) { status } }`;
  const CONSENT = `mutation($input: RecordTracingConsentInput!) { recordTracingConsent(input: $input) { status closedReason } }`;
  const WHEREABOUTS = `query($id: ID!) { tracingRequest(id: $id) { status soughtPerson { fullName lastSeenAt { id } } locatedPerson { fullName lastSeenAt { id } lastSeenOn } } }`;
  type Whereabouts = {
    tracingRequest: {
      status: string;
      soughtPerson: { fullName: string; lastSeenAt: { id: string } | null };
      locatedPerson: { fullName: string; lastSeenAt: { id: string } | null; lastSeenOn: string | null };
    };
  };

  /** The Russian Red Cross takes a mother's request; the ICRC has found her son and shares him with it. */
  async function locatedCase(family: string, birthYear: number) {
    const REGISTER_AS = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
    const registerAs = async (caller: 'icrc' | 'russianRedCross', input: Record<string, unknown>) =>
      (await partnerMutate<{ registerPerson: { id: string } }>(caller, REGISTER_AS, { input: person(input) })).registerPerson.id;
    const mother = await registerAs('russianRedCross', { givenName: 'Ганна', familyName: family, sex: 'FEMALE', birthYear: 1970, recordedById: rrc });
    const sought = await registerAs('russianRedCross', {
      givenName: 'Богдан',
      familyName: family,
      birthYear,
      status: 'MISSING',
      lastSeenAtId: kurskPlace,
      recordedById: rrc,
    });
    const son = await registerAs('icrc', {
      givenName: 'Богдан',
      familyName: family,
      birthYear,
      lastSeenAtId: detentionPlace,
      lastSeenOn: '2024-06-01',
      recordedById: icrcMoscow,
      sharedWithIds: [rrc],
    });
    const requestId = (
      await partnerMutate<{ openTracingRequest: { id: string } }>('russianRedCross', OPEN, {
        input: { enquirerId: mother, soughtPersonId: sought, enquirerRelationship: 'PARENT', circumstances: 'Lost contact in Sudzha.', recordedById: rrc },
      })
    ).openTracingRequest.id;
    await partnerMutate('russianRedCross', CONFIRM, { r: requestId, p: son, by: rrc });
    return { requestId, son };
  }

  test('the whereabouts wait for the consent of the adult found; once given, the enquiring partner reads them', async () => {
    const { requestId } = await locatedCase('Гнатюк', 1990);
    const withheld = await asPartner<Whereabouts>('russianRedCross', WHEREABOUTS, { id: requestId });
    expect(withheld.data!.tracingRequest).toMatchObject({
      status: 'LOCATED',
      soughtPerson: { fullName: 'Богдан Гнатюк', lastSeenAt: null },
      locatedPerson: { lastSeenAt: null, lastSeenOn: null },
    });
    const reasons = withheld.errors!.map((error) => ({ path: error.path?.join('.'), code: error.extensions?.code, reason: error.extensions?.reason }));
    expect(reasons).toEqual(
      expect.arrayContaining([
        { path: 'tracingRequest.soughtPerson.lastSeenAt', code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
        { path: 'tracingRequest.locatedPerson.lastSeenAt', code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
        { path: 'tracingRequest.locatedPerson.lastSeenOn', code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
      ]),
    );
    expect(withheld.errors![0].message).toMatch(/only with their consent .*consent NOT_ASKED/);
    // The Central Tracing Agency (the ICRC's mandate) is never refused them.
    const agency = await partnerMutate<Whereabouts>('icrc', WHEREABOUTS, { id: requestId });
    expect(agency.tracingRequest.locatedPerson).toMatchObject({ lastSeenAt: { id: detentionPlace }, lastSeenOn: '2024-06-01' });

    // The consent decision is personal data: the ICRC reads it (audited), the Russian Red Cross may not.
    const CONSENT_READ = `query($id: ID!) { tracingRequest(id: $id) { consent { decision recordedOn recordedBy { id } forChild bestInterestReason } } }`;
    expect((await asPartner('russianRedCross', CONSENT_READ, { id: requestId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad: Array<[Record<string, unknown>, string, string]> = [
      [{ decision: 'NOT_ASKED' }, 'BAD_USER_INPUT', 'input.decision'],
      [{ bestInterestReason: 'Adult; no reason needed.' }, 'BAD_USER_INPUT', 'input.bestInterestReason'],
      [{ recordedById: icrcMoscow }, 'FORBIDDEN', 'input.recordedById'],
    ];
    for (const [override, code, field] of bad) {
      const refused = await asPartner('russianRedCross', CONSENT, {
        input: { tracingRequestId: requestId, decision: 'GIVEN', recordedById: rrc, ...override },
      });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code, field });
    }
    expect(
      (
        await partnerMutate<{ recordTracingConsent: unknown }>('russianRedCross', CONSENT, {
          input: { tracingRequestId: requestId, decision: 'GIVEN', recordedById: rrc },
        })
      ).recordTracingConsent,
    ).toEqual({ status: 'LOCATED', closedReason: null });
    const disclosed = await partnerMutate<Whereabouts>('russianRedCross', WHEREABOUTS, { id: requestId });
    expect(disclosed.tracingRequest.locatedPerson).toMatchObject({ lastSeenAt: { id: detentionPlace }, lastSeenOn: '2024-06-01' });
    const recorded = await partnerMutate<{ tracingRequest: { consent: Record<string, unknown> } }>('icrc', CONSENT_READ, { id: requestId });
    expect(recorded.tracingRequest.consent).toEqual({
      decision: 'GIVEN',
      recordedOn: new Date().toISOString().slice(0, 10),
      recordedBy: { id: rrc },
      forChild: false,
      bestInterestReason: null,
    });
  });

  test("an adult's refusal closes the case with the reason and keeps the whereabouts withheld", async () => {
    const { requestId } = await locatedCase('Кравчук', 1985);
    const closed = await partnerMutate<{ recordTracingConsent: { status: string; closedReason: string } }>('russianRedCross', CONSENT, {
      input: { tracingRequestId: requestId, decision: 'REFUSED', recordedById: rrc },
    });
    expect(closed.recordTracingConsent.status).toBe('CLOSED');
    expect(closed.recordTracingConsent.closedReason).toMatch(/did not consent/);
    const after = await asPartner<Whereabouts>('russianRedCross', WHEREABOUTS, { id: requestId });
    expect(after.data!.tracingRequest.locatedPerson.lastSeenAt).toBeNull();
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    // Decided once the case is closed: nothing more to decide.
    const again = await asPartner('russianRedCross', CONSENT, { input: { tracingRequestId: requestId, decision: 'GIVEN', recordedById: rrc } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  test('for a child the decision is a best-interest decision with its reason, and a refusal keeps the case open', async () => {
    const { requestId } = await locatedCase('Савчук', new Date().getUTCFullYear() - 12);
    const noReason = await asPartner('russianRedCross', CONSENT, { input: { tracingRequestId: requestId, decision: 'REFUSED', recordedById: rrc } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bestInterestReason' });
    const kept = await partnerMutate<{ recordTracingConsent: { status: string } }>('russianRedCross', CONSENT, {
      input: {
        tracingRequestId: requestId,
        decision: 'REFUSED',
        recordedById: rrc,
        bestInterestReason: 'The child fears the enquirer; the guardian is consulted first.',
      },
    });
    expect(kept.recordTracingConsent.status).toBe('LOCATED');
    const consent = await partnerMutate<{ tracingRequest: { consent: { decision: string; forChild: boolean; bestInterestReason: string } } }>(
      'icrc',
      `query($id: ID!) { tracingRequest(id: $id) { consent { decision forChild bestInterestReason } } }`,
      { id: requestId },
    );
    expect(consent.tracingRequest.consent).toEqual({
      decision: 'REFUSED',
      forChild: true,
      bestInterestReason: 'The child fears the enquirer; the guardian is consulted first.',
    });
  });
});

describe('retention', () => {
  const PAST = `query($asOf: String, $first: Int, $after: String) {
    recordsPastReview(asOf: $asOf, first: $first, after: $after) { edges { node { recordType id reviewOn closed person { id } } } pageInfo { hasNextPage endCursor } }
  }`;
  type Past = {
    recordsPastReview: {
      edges: Array<{ node: { recordType: string; id: string; reviewOn: string; closed: boolean; person: { id: string } } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };

  test('records past their review date are listed earliest first, page by page, only those the partner may see', async () => {
    const all: Past['recordsPastReview']['edges'] = [];
    let after: string | null = null;
    do {
      const page: Past = await partnerMutate<Past>('icrc', PAST, { asOf: '2026-11-01', first: 5, after });
      all.push(...page.recordsPastReview.edges);
      after = page.recordsPastReview.pageInfo.hasNextPage ? page.recordsPastReview.pageInfo.endCursor : null;
    } while (after);
    expect(all.length).toBeGreaterThan(0);
    const days = all.map((edge) => edge.node.reviewOn);
    expect(days).toEqual([...days].sort());
    expect(days.every((day) => day < '2026-11-01')).toBe(true);
    // Seeded request 3 was reunited and was due for review in June 2026.
    expect(all.map((edge) => edge.node)).toEqual(
      expect.arrayContaining([
        {
          recordType: 'TRACING_REQUEST',
          id: syntheticId('tracing-request', 3),
          reviewOn: '2026-06-04',
          closed: true,
          person: { id: syntheticId('person', 7) },
        },
      ]),
    );
    // 200 people give a detention record past review as well, which the Russian Red Cross must not get below.
    expect(new Set(all.map((edge) => edge.node.recordType))).toEqual(new Set(['DETENTION_RECORD', 'PERSON', 'TRACING_REQUEST']));

    const russian = await partnerMutate<Past>('russianRedCross', PAST, { asOf: '2026-11-01', first: 100 });
    const theirs = russian.recordsPastReview.edges.map((edge) => edge.node);
    // Without detention:read, detention records are not listed; and only what the partner may see.
    expect(theirs.some((node) => node.recordType === 'DETENTION_RECORD')).toBe(false);
    expect(theirs.length).toBeLessThan(all.length);
    const bad = await asPartner('icrc', PAST, { asOf: 'yesterday' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });

  test('a review date given at registration must lie ahead', async () => {
    const error = await failure(REGISTER, { input: person({ givenName: 'Іван', familyName: 'Лисенко', reviewOn: '2001-01-01' }) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reviewOn' });
    const kept = await mutate<{ registerPerson: { id: string } }>(REGISTER, {
      input: person({ givenName: 'Іван', familyName: 'Лисенко', reviewOn: '2031-05-01' }),
    });
    const read = await mutate<{ person: { reviewOn: string; anonymised: boolean } }>(`query($id: ID!) { person(id: $id) { reviewOn anonymised } }`, {
      id: kept.registerPerson.id,
    });
    expect(read.person).toEqual({ reviewOn: '2031-05-01', anonymised: false });
  });
});

describe('ids', () => {
  test('an id that is not a UUID is refused as bad input naming the argument, without reaching the database', async () => {
    const result = await graph.query<Record<string, unknown>>(`{ person(id: "x") { id } tracingRequest(id: "x") { id } detentionRecord(id: "x") { id } }`, {});
    expect(result.data).toEqual({ person: null, tracingRequest: null, detentionRecord: null });
    const byPath = Object.fromEntries((result.errors ?? []).map((error) => [error.path?.join('.'), [error.extensions?.code, error.extensions?.field]]));
    expect(byPath).toEqual({
      person: ['BAD_USER_INPUT', 'id'],
      tracingRequest: ['BAD_USER_INPUT', 'id'],
      detentionRecord: ['BAD_USER_INPUT', 'id'],
    });
    // The answer names the argument, never a file or a database error.
    expect(JSON.stringify(result.errors)).not.toMatch(/prisma|\.ts|\.js|uuid.*syntax/i);

    const place = await graph.query(`{ detentionRecords(placeOfDetentionId: "x") { edges { cursor } } }`, {});
    expect(place.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placeOfDetentionId' });
    const update = await graph.query(`mutation { updatePerson(id: "x", input: { status: MISSING }) { id } }`, {});
    expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
