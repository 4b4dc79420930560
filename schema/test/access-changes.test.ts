import { checkSchema, composeSubgraphs, diffAccessRules, formatCheck, readSubgraphSdls, type CheckResult, type SubgraphSdl } from '../src';

/** The working SDL with one subgraph's text replaced in memory; the edit must change something. */
function edited(name: SubgraphSdl['name'], from: string, to: string): SubgraphSdl[] {
  return readSubgraphSdls().map((subgraph) => {
    if (subgraph.name !== name) return subgraph;
    if (!subgraph.sdl.includes(from)) throw new Error(`${name}'s SDL no longer has ${from}`);
    return { ...subgraph, sdl: subgraph.sdl.replace(from, to) };
  });
}

async function check(subgraphs: SubgraphSdl[]): Promise<Extract<CheckResult, { composed: true }>> {
  const result = await checkSchema({ subgraphs, operations: [] });
  if (!result.composed) throw new Error(formatCheck(result));
  return result;
}

const ruleChanges = (result: Extract<CheckResult, { composed: true }>) =>
  result.changes.filter((change) => change.type.startsWith('REQUIRED_SCOPES_')).map(({ type, level, path, message }) => ({ type, level, path, message }));

const content = 'content: String @requiresScopes(scopes: [["messages:read:content"]])';

test('the working SDL as checked in has no rule change', async () => {
  expect(ruleChanges(await check(readSubgraphSdls()))).toEqual([]);
});

test('a field needing more scopes is breaking, and fails the check until approved', async () => {
  const result = await check(edited('messages', content, 'content: String @requiresScopes(scopes: [["messages:read:content", "mandate:all-records"]])'));
  expect(ruleChanges(result)).toEqual([
    {
      type: 'REQUIRED_SCOPES_NARROWED',
      level: 'breaking',
      path: 'RedCrossMessage.content',
      message: "Field 'RedCrossMessage.content' needs more: messages:read:content → mandate:all-records + messages:read:content",
    },
  ]);
  expect(result.unapproved).toBe(1);
  expect(formatCheck(result)).toMatch(/BREAKING \(1\)\n {2}- Field 'RedCrossMessage\.content' needs more: .* \[RedCrossMessage\.content\]/);
});

test('a field needing fewer scopes, or another way in, is dangerous and passes the check', async () => {
  for (const wider of ['content: String', 'content: String @requiresScopes(scopes: [["messages:read:content"], ["mandate:all-records"]])']) {
    const result = await check(edited('messages', content, wider));
    expect(ruleChanges(result)).toEqual([expect.objectContaining({ type: 'REQUIRED_SCOPES_WIDENED', level: 'dangerous', path: 'RedCrossMessage.content' })]);
    expect(result.unapproved).toBe(0);
  }
});

test('other scopes, neither stricter nor looser, are breaking', async () => {
  const result = await check(edited('messages', content, 'content: String @requiresScopes(scopes: [["detention:read"]])'));
  expect(ruleChanges(result)).toEqual([
    expect.objectContaining({
      type: 'REQUIRED_SCOPES_CHANGED',
      level: 'breaking',
      message: "Field 'RedCrossMessage.content' needs other scopes: messages:read:content → detention:read",
    }),
  ]);
});

test('the same rule written another way is no change', async () => {
  const result = await check(
    edited('messages', content, 'content: String @requiresScopes(scopes: [["messages:read:content"], ["messages:read:content", "messages:read"]])'),
  );
  expect(ruleChanges(result)).toEqual([]);
});

test("a type's rule is compared at the type, and @authenticated counts as a requirement", async () => {
  const narrowed = await check(
    edited(
      'people',
      'type DetentionVisit @key(fields: "id") @requiresScopes(scopes: [["detention:read"]])',
      'type DetentionVisit @key(fields: "id") @requiresScopes(scopes: [["detention:read", "mandate:all-records"]])',
    ),
  );
  expect(ruleChanges(narrowed)).toEqual([expect.objectContaining({ level: 'breaking', path: 'DetentionVisit' })]);
  const opened = await check(edited('locations', 'type Organization @key(fields: "id") @authenticated {', 'type Organization @key(fields: "id") {'));
  expect(ruleChanges(opened)).toEqual([
    {
      type: 'REQUIRED_SCOPES_WIDENED',
      level: 'dangerous',
      path: 'Organization',
      message: "Type 'Organization' needs less: any authenticated principal → no rule",
    },
  ]);
});

test('a baseline whose rules do not build is not compared (a rollback leaves such a version); new rules that do not build are an error', () => {
  const good = composeSubgraphs(readSubgraphSdls());
  if (!good.ok) throw new Error('the repository does not compose');
  const broken = good.supergraphSdl.replace('@requiresScopes(scopes: [["people:read"]])', '@requiresScopes(scopes: [["people:read", 7]])');
  expect(broken).not.toBe(good.supergraphSdl);
  expect(diffAccessRules(broken, good.supergraphSdl)).toEqual([]);
  expect(() => diffAccessRules(good.supergraphSdl, broken)).toThrow(/^@requiresScopes on /);
});
