import { parseArgs } from 'node:util';
import { z } from 'zod';
import { generateInternalKeyPair, internalKeyToJson, parseEnvironment, postgresUrl } from '@movement/runtime';
import { openAccessDatabase } from './access/access-database';
import { ApiKeyStore } from './auth/api-keys';
import { keyExpiry, keyScopeProblems } from './auth/key-policy';
import { accessDatabaseLocation } from './environment';

/**
 * `npm run access -- <command>`: what an operator does outside the API — make the gateway's
 * signing pair, and manage partner keys straight in the access database (the same store
 * `/admin/graphql` manages; use that API while an embedded gateway is running).
 */
const usage = `Usage: npm run access -- <command>
  signing-keys                                  print a new Ed25519 pair: GATEWAY_SIGNING_KEY (gateway) and GATEWAY_VERIFY_KEY (subgraphs)
  issue-key --partner <id> --name <text> --scopes <a,b,…> [--expires-at <date>] [--trusted-documents-only]
                                                issue a partner API key (no admin scopes; expiring at the ISO 8601
                                                date or time when given); prints the secret once
  list-keys [--partner <id>] [--revoked]        list keys (never secrets)
  revoke-key <id>                               revoke a key
The access database is ACCESS_DATABASE_URL, else the embedded one under DATA_DIR/access.`;

function accessLocation() {
  const env = parseEnvironment({
    ACCESS_DATABASE_URL: postgresUrl,
    DATA_DIR: z.string().min(1).default('.data'),
  });
  return accessDatabaseLocation(env.ACCESS_DATABASE_URL, env.DATA_DIR);
}

async function withKeys<T>(work: (keys: ApiKeyStore) => Promise<T>): Promise<T> {
  const database = await openAccessDatabase(accessLocation());
  try {
    return await work(new ApiKeyStore(database.driver));
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const operator = process.env.USER ?? 'operator';
  switch (command) {
    case 'signing-keys': {
      const pair = await generateInternalKeyPair();
      process.stdout.write(
        `GATEWAY_SIGNING_KEY='${await internalKeyToJson(pair.privateKey)}'\nGATEWAY_VERIFY_KEY='${await internalKeyToJson(pair.publicKey)}'\n`,
      );
      return 0;
    }
    case 'issue-key': {
      const { values } = parseArgs({
        args,
        options: {
          partner: { type: 'string' },
          name: { type: 'string' },
          scopes: { type: 'string' },
          'expires-at': { type: 'string' },
          'trusted-documents-only': { type: 'boolean', default: false },
        },
        strict: true,
      });
      const scopes = (values.scopes ?? '')
        .split(',')
        .map((scope) => scope.trim())
        .filter(Boolean);
      const expiry = values['expires-at'] === undefined ? undefined : keyExpiry(values['expires-at']);
      const problems = [
        ...(values.partner ? [] : ['--partner: required (the partner Organization id)']),
        ...(values.name ? [] : ['--name: required (who holds the key and why)']),
        ...keyScopeProblems(scopes, 'operator').map((problem) => `--scopes: ${problem}`),
        ...(expiry && 'problem' in expiry ? [`--expires-at: ${expiry.problem}`] : []),
      ];
      if (problems.length) {
        process.stderr.write(`${problems.join('\n')}\n`);
        return 2;
      }
      const expiresAt = expiry && 'expiresAt' in expiry ? expiry.expiresAt : null;
      const issued = await withKeys((keys) =>
        keys.issue({
          partnerId: values.partner!,
          name: values.name!,
          scopes,
          createdBy: `cli:${operator}`,
          expiresAt,
          trustedDocumentsOnly: values['trusted-documents-only'],
        }),
      );
      const until = `${expiresAt ? `, expires ${expiresAt.toISOString()}` : ''}${issued.key.trustedDocumentsOnly ? ', trusted documents only' : ''}`;
      process.stdout.write(
        `Key ${issued.key.id} for ${issued.key.partnerId} (${scopes.join(', ')}${until}).\nSecret (shown once, send it as x-api-key): ${issued.secret}\n`,
      );
      return 0;
    }
    case 'list-keys': {
      const { values } = parseArgs({ args, options: { partner: { type: 'string' }, revoked: { type: 'boolean', default: false } }, strict: true });
      const keys = await withKeys((store) => store.list({ partnerId: values.partner, includeRevoked: values.revoked }));
      for (const key of keys) {
        const expiry = key.expiresAt ? `  ${key.expiresAt.getTime() <= Date.now() ? 'EXPIRED' : 'expires'} ${key.expiresAt.toISOString()}` : '';
        process.stdout.write(
          `${key.id}  ${key.partnerId}  ${key.name}  [${key.scopes.join(' ')}]  issued ${key.createdAt.toISOString()}${expiry}${key.trustedDocumentsOnly ? '  trusted documents only' : ''}${key.revokedAt ? `  REVOKED ${key.revokedAt.toISOString()}` : ''}\n`,
        );
      }
      return 0;
    }
    case 'revoke-key': {
      const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
      if (positionals.length !== 1) {
        process.stderr.write('revoke-key: give the key id\n');
        return 2;
      }
      const revoked = await withKeys((keys) => keys.revoke(positionals[0], `cli:${operator}`));
      if (!revoked) {
        process.stderr.write(`No key ${positionals[0]}\n`);
        return 1;
      }
      process.stdout.write(`Revoked ${revoked.id}\n`);
      return 0;
    }
    default:
      process.stderr.write(`${usage}\n`);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
