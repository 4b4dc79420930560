import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { supergraphPath } from '@movement/schema';
import { accessRulesOf, supergraphForApolloGateway } from '../src/access/apollo-supergraph';

const checkedIn = readFileSync(supergraphPath, 'utf8');
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Loads a supergraph into a bare @apollo/gateway (no subgraph is called) and stops it. */
async function load(supergraphSdl: string): Promise<void> {
  const gateway = new ApolloGateway({ supergraphSdl, logger: quiet });
  try {
    await gateway.load();
  } finally {
    await gateway.stop().catch(() => undefined);
  }
}

test('the checked-in supergraph is standard: a bare @apollo/gateway, which enforces none of its rules, refuses it', async () => {
  await expect(load(checkedIn)).rejects.toThrow(/is for: SECURITY but is unsupported/);
});

test('the form handed to @apollo/gateway drops `for: SECURITY` from the two links enforced before planning, and nothing else', async () => {
  const adapted = supergraphForApolloGateway(checkedIn);
  await expect(load(adapted)).resolves.toBeUndefined();
  const changed = checkedIn.split('\n').filter((line, index) => adapted.split('\n')[index] !== line);
  expect(changed).toEqual([
    '  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
    '  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
  ]);
  expect(adapted).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
  expect(accessRulesOf(adapted).requirements('DetentionRecord', 'registrationNumber')).toEqual([[['detention:read']]]);
});

test('a security feature the gateway does not enforce keeps `for: SECURITY`, so the supergraph is refused rather than served unenforced', async () => {
  const withPolicy = checkedIn
    .replace(
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
      '$&\n  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)',
    )
    .replace(
      /^directive @requiresScopes/m,
      'directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n\nscalar policy__Policy\n\n$&',
    );
  const adapted = supergraphForApolloGateway(withPolicy);
  expect(adapted).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)');
  await expect(load(adapted)).rejects.toThrow(/policy\/v0\.1 is for: SECURITY but is unsupported/);
});

test('a supergraph without access rules, or with a malformed one, never reaches @apollo/gateway', () => {
  const withoutRules = checkedIn.replace(/^ {2}@link\(url: "https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes)\/v0\.1", for: SECURITY\)\n/gm, '');
  expect(withoutRules).not.toBe(checkedIn);
  expect(() => supergraphForApolloGateway(withoutRules)).toThrow(/links neither @requiresScopes nor @authenticated/);
  const malformed = checkedIn.replace('@requiresScopes(scopes: [["detention:read"]])', '@requiresScopes(scopes: [[true]])');
  expect(() => supergraphForApolloGateway(malformed)).toThrow(/^@requiresScopes on \w+: scopes must be a list of lists of scope names/);
});
