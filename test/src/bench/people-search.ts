import { parseArgs } from 'node:util';
import pg from 'pg';
import { createLogger, ensurePostgresDatabase, migrate, openDatabase, type SqlDriver } from '@movement/runtime';
import { people } from '@movement/people';
import * as peopleSeed from '@movement/people/dist/seed';
import { searchNames } from '@movement/people/dist/search';
import { nameSpellings, type NameLanguage } from '@movement/people/dist/names/romanise';
import type { PrismaClient } from '@movement/people/dist/generated/prisma/client';
import { WIKIPEDIA, translate } from 'iuliia';
import cyrillicToTranslit from 'cyrillic-to-translit-js';
import { belarusianNational } from '@movement/people/dist/names/belarusian';

/**
 * `node test/dist/bench/people-search.js --sizes 10000,100000,1000000 --postgres postgres://…`:
 * for each size, a fresh PostgreSQL database seeded with that many synthetic people (names drawn
 * from the seed's lists of about a quarter of a million distinct full names, common ones repeated), plus 1,000
 * target people with distinct names recorded in one script only. Each target is then sought in
 * the other script (another romanisation system than any stored), half of them misspelt; the
 * report gives search latency p50/p95 and recall (the target in the top 5). `--keep` keeps the
 * databases; `--reuse` queries kept ones again without seeding.
 */

const TARGETS = 1000;

/** A deterministic pseudo-random sequence, so every run seeks the same names. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const givenNames: Record<NameLanguage, string[]> = {
  ru: ['Алексей', 'Дмитрий', 'Сергей', 'Николай', 'Юрий', 'Евгений', 'Татьяна', 'Наталья', 'Людмила', 'Ксения'],
  uk: ['Олексій', 'Дмитро', 'Сергій', 'Микола', 'Юрій', 'Євген', 'Тетяна', 'Наталія', 'Людмила', 'Оксана'],
  be: ['Аляксей', 'Дзмітрый', 'Сяргей', 'Мікалай', 'Юрый', 'Яўген', 'Таццяна', 'Наталля', 'Людміла', 'Аксана'],
};
const syllables = [
  'Бо',
  'Ра',
  'Лі',
  'Ше',
  'Ку',
  'За',
  'Мі',
  'Та',
  'Ве',
  'Гру',
  'Ду',
  'Жа',
  'Ко',
  'Пе',
  'Са',
  'Хо',
  'Чу',
  'Щу',
  'Ю',
  'Ля',
  'Ні',
  'Фе',
  'Ба',
  'Ґо',
];
const endings: Record<NameLanguage, string[]> = {
  ru: ['ов', 'ин', 'ский', 'енко', 'ич', 'як'],
  uk: ['енко', 'ук', 'ський', 'ич', 'як', 'ець'],
  be: ['оў', 'ка', 'скі', 'іч', 'ак', 'еня'],
};
const toRussianAlphabet = (text: string) => text.replace(/і/g, 'и').replace(/Ґ/g, 'Г');
const toBelarusianAlphabet = (text: string) => text.replace(/и/g, 'і').replace(/Ґ/g, 'Г').replace(/щ/gi, 'шч');
const ukrainian = cyrillicToTranslit({ preset: 'uk' });

/** A romanisation none of the stored forms used, as an enquirer or a foreign document might write it. */
const otherRomanisation: Record<NameLanguage, (text: string) => string> = {
  ru: (text) => translate(text, WIKIPEDIA),
  uk: (text) => ukrainian.transform(text).replace(/kh/g, 'h').replace(/ii\b/g, 'iy'),
  be: (text) => belarusianNational(text),
};

/** One typo: a letter dropped, doubled or two letters swapped, never the first. */
function misspell(text: string, next: () => number): string {
  const chars = [...text];
  const at = 1 + Math.floor(next() * (chars.length - 2));
  const kind = Math.floor(next() * 3);
  if (kind === 0) chars.splice(at, 1);
  else if (kind === 1) chars.splice(at, 0, chars[at]);
  else [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
  return chars.join('');
}

interface Target {
  id: string;
  query: string;
}

/** The 1,000 targets; written to the database unless `insert` is false (a kept database reused). */
async function addTargets(driver: SqlDriver, insert = true): Promise<Target[]> {
  const next = random(42);
  const targets: Target[] = [];
  const languages: NameLanguage[] = ['ru', 'uk', 'be'];
  for (let t = 0; t < TARGETS; t += 1) {
    const language = languages[t % 3];
    const given = givenNames[language][Math.floor(next() * 10)];
    let family =
      syllables[Math.floor(next() * syllables.length)] +
      syllables[Math.floor(next() * syllables.length)].toLowerCase() +
      endings[language][Math.floor(next() * 6)];
    family = language === 'ru' ? toRussianAlphabet(family) : language === 'be' ? toBelarusianAlphabet(family) : family.replace(/Ґ/g, 'Г');
    const storedInCyrillic = t % 2 === 0;
    const romanise = otherRomanisation[language];
    const latin = `${romanise(given)} ${romanise(family)}`;
    // Stored one way, sought the other: a Cyrillic record sought in Latin, a Latin-only record in Cyrillic.
    const stored = storedInCyrillic ? { givenName: given, familyName: family } : { givenName: latin.split(' ')[0], familyName: latin.split(' ')[1] };
    let query = storedInCyrillic ? latin : `${given} ${family}`;
    if (t % 4 >= 2) query = misspell(query, next);
    // Half the queries put the family name first.
    if (t % 8 >= 4) query = query.split(' ').reverse().join(' ');
    const spellings = storedInCyrillic ? nameSpellings(stored, null).filter((s) => s.scheme === 'original') : nameSpellings(stored, null);
    const id = `00000000-0000-4000-8000-${t.toString(16).padStart(12, '0')}`;
    if (!insert) {
      targets.push({ id, query });
      continue;
    }
    await driver.query(
      `INSERT INTO "people"."Person" ("id", "givenName", "familyName", "names", "sex", "birthYear", "status", "vulnerabilities", "purpose", "legalBasis", "recordedById", "sharedWithIds")
       VALUES ($1, $2, $3, $4, 'UNKNOWN', 1980 + $5::int % 30, 'MISSING', '{}', 'benchmark', 'VITAL_INTEREST', $1, '{}')`,
      [id, stored.givenName, stored.familyName, JSON.stringify(spellings.map(({ keySource: _k, ...rest }) => rest)), t],
    );
    for (const [n, spelling] of spellings.entries()) {
      await driver.query(
        `INSERT INTO "people"."PersonNameForm" ("id", "personId", "script", "scheme", "language", "value", "nameKey", "phoneticKey", "birthYear")
         SELECT md5('bench-form:' || $1 || ':' || $2)::uuid, $1::uuid, $3, $4, $5, $6, k.key, "people"."name_phonetic"(k.key), 1980 + $7::int % 30
         FROM (SELECT "people"."name_fold"($8) AS key) k`,
        [id, n, spelling.script, spelling.scheme, spelling.language, spelling.value, t, spelling.keySource],
      );
    }
    await driver.query(
      `INSERT INTO "people"."PersonNameKey" ("nameKey") SELECT DISTINCT "nameKey" FROM "people"."PersonNameForm" WHERE "personId" = $1 ON CONFLICT DO NOTHING`,
      [id],
    );
    targets.push({ id, query });
  }
  return targets;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function benchSize(server: string, size: number, reuse: boolean): Promise<void> {
  const url = new URL(server);
  url.pathname = `/bench_people_${size}`;
  if (!reuse) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS bench_people_${size} WITH (FORCE)`);
    await admin.end();
  }
  await ensurePostgresDatabase(url.toString());
  const database = await openDatabase<PrismaClient>({
    databaseUrl: url.toString(),
    dataDir: '',
    createClient: people.createClient,
    poolSize: 4,
  });
  try {
    const logger = createLogger('bench', 'warn');
    await migrate(database.driver, { schema: 'people', migrationsDir: people.migrationsDir, logger });
    const seededAt = Date.now();
    if (!reuse) await peopleSeed.seed(database.driver, { people: size });
    const targets = await addTargets(database.driver, !reuse);
    await database.driver.exec('ANALYZE "people"."PersonNameForm"; ANALYZE "people"."PersonNameKey"; ANALYZE "people"."Person"');
    const seedSeconds = (Date.now() - seededAt) / 1000;
    // Warm the caches as a running service would be.
    for (const target of targets.slice(0, 50)) await searchNames(database.prisma, target.query, { limit: 5 });
    const latencies: number[] = [];
    let found = 0;
    for (const target of targets) {
      const started = process.hrtime.bigint();
      const results = await searchNames(database.prisma, target.query, { limit: 5 });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (results.some((r) => r.personId === target.id)) found += 1;
    }
    latencies.sort((a, b) => a - b);
    const [{ forms, names, keys }] = (await database.driver.query<{ forms: number; names: number; keys: number }>(
      `SELECT (SELECT count(*)::int FROM "people"."PersonNameForm") AS forms,
              (SELECT count(DISTINCT ("givenName", "patronymic", "familyName"))::int FROM "people"."Person") AS names,
              (SELECT count(*)::int FROM "people"."PersonNameKey") AS keys`,
    )) as [{ forms: number; names: number; keys: number }];
    process.stdout.write(
      `${size.toLocaleString('en')} people (${names.toLocaleString('en')} distinct full names, ${keys.toLocaleString('en')} distinct name keys, ` +
        `${forms.toLocaleString('en')} name forms, seeded in ${seedSeconds.toFixed(0)} s): ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
        `recall@5 ${((100 * found) / targets.length).toFixed(1)}% (${found}/${targets.length})\n`,
    );
  } finally {
    await database.close();
    const cleanup = new pg.Client({ connectionString: server });
    await cleanup.connect();
    if (!process.argv.includes('--keep')) await cleanup.query(`DROP DATABASE IF EXISTS bench_people_${size} WITH (FORCE)`);
    await cleanup.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      postgres: { type: 'string', default: process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? '' },
      keep: { type: 'boolean', default: false },
      // Query a database kept by an earlier --keep run instead of seeding a new one.
      reuse: { type: 'boolean', default: false },
    },
  });
  if (!values.postgres) throw new Error('Give a PostgreSQL server with --postgres or TEST_POSTGRES_URL.');
  for (const size of values.sizes.split(',').map(Number)) await benchSize(values.postgres, size, values.reuse);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
