import { decodeJwt } from 'jose';

/** The demo principals as the banner names them, with the credential headers `npm start` issued. */
export interface BannerCredentials {
  icrc: Record<string, string>;
  russianRedCross: Record<string, string>;
  belarusRedCross: Record<string, string>;
  app: Record<string, string>;
  admin: Record<string, string>;
}

const header = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `-H '${name}: ${value}'`)
    .join(' ');

/** When the earliest bearer token among `headers` expires; null when none carries an expiry. */
function tokensExpireAt(headers: Array<Record<string, string>>): Date | null {
  const expiries = headers
    .map((given) => /^Bearer (.+)$/.exec(given.authorization ?? '')?.[1])
    .filter((token): token is string => token !== undefined)
    .map((token) => decodeJwt(token).exp)
    .filter((exp): exp is number => exp !== undefined);
  return expiries.length === 0 ? null : new Date(Math.min(...expiries) * 1000);
}

/**
 * What `npm start` says to the person who ran it: where the graph is and the demo credentials as
 * headers to paste into curl (or an explorer's headers editor), with how long they work. The JSON
 * log carries the same credentials for scripts.
 */
export function demoBanner(url: string, credentials: BannerCredentials): string {
  const expiry = tokensExpireAt([credentials.app, credentials.admin]);
  const rows: Array<[string, Record<string, string>]> = [
    ['ICRC Moscow delegation', credentials.icrc],
    ['Russian Red Cross', credentials.russianRedCross],
    ['Belarus Red Cross', credentials.belarusRedCross],
    ['internal app (token)', credentials.app],
    ['admin (token)', credentials.admin],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    '',
    `  Movement Graph is ready at ${url}`,
    `  Admin API: ${url.replace(/\/graphql$/, '/admin/graphql')}`,
    '',
    '  Demo credentials (synthetic data only). The API keys work until the next npm start;',
    `  the tokens until ${expiry ? expiry.toISOString().replace(/\.\d{3}Z$/, 'Z') : 'the next npm start'}.`,
    ...rows.map(([name, headers]) => `    ${name.padEnd(width)}  ${header(headers)}`),
    '',
    '  Try:',
    `    curl -s ${url} -H 'content-type: application/json' ${header(credentials.icrc)} \\`,
    `      -d '{"query":"{ people(first: 3) { edges { node { fullName } } } }"}'`,
    '',
  ].join('\n');
}
