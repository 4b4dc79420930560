import { SignJWT, exportJWK } from 'jose';
import {
  generateInternalKeyPair,
  internalKeyToJson,
  internalTokenAudience,
  internalTokenIssuer,
  internalTokenVerifier,
  internalVerifyKeysFromJson,
  signInternalToken,
  type Principal,
} from '../src/access';

const principal: Principal = { subject: 'key-1', kind: 'partner', partnerId: '00000000-0000-4000-8000-000000000001', scopes: ['people:read'] };

test('a token is verified once and then remembered until its expiry, never after', async () => {
  const { privateKey, publicKey } = await generateInternalKeyPair();
  let clock = Date.now();
  const verify = internalTokenVerifier(publicKey, { now: () => clock });
  const token = await signInternalToken(privateKey, { principal, operationName: 'People' });

  const first = await verify(token);
  expect(first).toEqual({ principal, operationName: 'People' });
  // The same claims object: the signature was not checked again.
  expect(await verify(token)).toBe(first);

  const expiresAt = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).exp * 1000;
  clock = expiresAt - 1;
  expect(await verify(token)).toBe(first);
  // At its expiry the memory lets go: the token is verified in full again (within the clocks'
  // tolerance it still passes), and past the tolerance it is refused.
  clock = expiresAt;
  const again = await verify(token);
  expect(again).not.toBe(first);
  expect(again).toEqual(first);
  clock = expiresAt + 10_000;
  await expect(verify(token)).rejects.toThrow(/timestamp check failed/);
});

test('a token differing from a verified one by a character is verified in full and refused', async () => {
  const { privateKey, publicKey } = await generateInternalKeyPair();
  const verify = internalTokenVerifier(publicKey);
  const token = await signInternalToken(privateKey, { principal, operationName: null });
  await verify(token);
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), scopes: ['mandate:all-records'] })).toString(
    'base64url',
  );
  await expect(verify(`${header}.${forged}.${signature}`)).rejects.toThrow(/signature/);
  // A character in the middle: the last one of a base64url Ed25519 signature carries padding bits
  // a decoder ignores, so changing it may leave the signature's bytes as they were.
  const middle = signature.length >> 1;
  const flipped = signature.slice(0, middle) + (signature[middle] === 'A' ? 'B' : 'A') + signature.slice(middle + 1);
  await expect(verify(`${header}.${payload}.${flipped}`)).rejects.toThrow(/signature/);
});

test('a token signed with another key is refused, however many good ones were verified', async () => {
  const gateway = await generateInternalKeyPair();
  const intruder = await generateInternalKeyPair();
  const verify = internalTokenVerifier(gateway.publicKey);
  await verify(await signInternalToken(gateway.privateKey, { principal, operationName: null }));
  await expect(verify(await signInternalToken(intruder.privateKey, { principal, operationName: null }))).rejects.toThrow(/signature/);
});

test('the memory is bounded: past its size the oldest token is verified again', async () => {
  const { privateKey, publicKey } = await generateInternalKeyPair();
  const verify = internalTokenVerifier(publicKey, { maxTokens: 2 });
  const tokens = await Promise.all(
    ['a', 'b', 'c'].map((subject) => signInternalToken(privateKey, { principal: { ...principal, subject }, operationName: null })),
  );
  const first = await verify(tokens[0]);
  const second = await verify(tokens[1]);
  expect(await verify(tokens[0])).toBe(first);
  await verify(tokens[2]);
  expect(await verify(tokens[1])).toBe(second);
  // The first was the oldest when the third came in: verified again, a new claims object.
  const again = await verify(tokens[0]);
  expect(again).not.toBe(first);
  expect(again).toEqual(first);
});

test('claims handed out are frozen, so one request cannot change what the next one sees', async () => {
  const { privateKey, publicKey } = await generateInternalKeyPair();
  const verify = internalTokenVerifier(publicKey);
  const claims = await verify(await signInternalToken(privateKey, { principal, operationName: null }));
  expect(() => claims.principal.scopes.push('mandate:all-records')).toThrow(TypeError);
  expect(() => {
    (claims.principal as { partnerId: string | null }).partnerId = null;
  }).toThrow(TypeError);
});

test('a token without an expiry is refused', async () => {
  const { privateKey, publicKey } = await generateInternalKeyPair();
  const token = await new SignJWT({ kind: 'partner', partner: principal.partnerId, scopes: principal.scopes, op: null })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(principal.subject)
    .setIssuer(internalTokenIssuer)
    .setAudience(internalTokenAudience)
    .setIssuedAt()
    .sign(privateKey);
  await expect(internalTokenVerifier(publicKey)(token)).rejects.toThrow(/"exp"/);
});

test('during a key rotation a subgraph accepts tokens signed by either of its two keys, and no others', async () => {
  const old = await generateInternalKeyPair();
  const next = await generateInternalKeyPair();
  const stranger = await generateInternalKeyPair();
  const both = JSON.stringify({ keys: [await exportJWK(old.publicKey), await exportJWK(next.publicKey)] });
  const verify = internalTokenVerifier(await internalVerifyKeysFromJson(both, 'GATEWAY_VERIFY_KEY'));
  expect(await verify(await signInternalToken(old.privateKey, { principal, operationName: 'Old' }))).toEqual({ principal, operationName: 'Old' });
  expect(await verify(await signInternalToken(next.privateKey, { principal, operationName: 'New' }))).toEqual({ principal, operationName: 'New' });
  await expect(verify(await signInternalToken(stranger.privateKey, { principal, operationName: null }))).rejects.toThrow(/signature/);

  // After the rotation, the old key alone (one JWK, as before) no longer accepts the new key's tokens.
  const oldOnly = internalTokenVerifier(await internalVerifyKeysFromJson(await internalKeyToJson(old.publicKey), 'GATEWAY_VERIFY_KEY'));
  await expect(oldOnly(await signInternalToken(next.privateKey, { principal, operationName: null }))).rejects.toThrow(/signature/);
  const three = JSON.stringify({ keys: [await exportJWK(old.publicKey), await exportJWK(next.publicKey), await exportJWK(stranger.publicKey)] });
  await expect(internalVerifyKeysFromJson(three, 'GATEWAY_VERIFY_KEY')).rejects.toThrow(/^GATEWAY_VERIFY_KEY: a JWK Set must hold one or two keys/);
  await expect(internalVerifyKeysFromJson('{"keys":[{"kty":"RSA"}]}', 'GATEWAY_VERIFY_KEY')).rejects.toThrow(/^GATEWAY_VERIFY_KEY: must be an Ed25519 key/);
});
