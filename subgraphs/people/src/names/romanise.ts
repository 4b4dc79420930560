import cyrillicToTranslit from 'cyrillic-to-translit-js';
import { BGN_PCGN, ICAO_DOC_9303, translate } from 'iuliia';
import { belarusianNational, belarusianPassport } from './belarusian';
import { guessLanguage, type NameLanguage } from './language';

export { type NameLanguage };

/** One spelling of a name, as stored in `Person.names` and `PersonNameForm`. */
export interface NameSpelling {
  script: 'Cyrl' | 'Latn';
  scheme: string;
  language: NameLanguage | null;
  /** Full name: given, patronymic, family. */
  value: string;
  /** `given family`, from which the search key is folded. */
  keySource: string;
}

const ukrainian = cyrillicToTranslit({ preset: 'uk' });

/**
 * BGN/PCGN writes ё as ë (yë at the start of a word and after a vowel or a sign), and the
 * library leaves the Cyrillic letter in place of ë (`Pёtr`). Names are written without the
 * diaeresis, as in passports' English and the press: yo (Пётр Семёнов → Pyotr Semyonov), but o
 * after zh, ch, sh and shch, which are soft already (Горбачёв → Gorbachov).
 */
function withoutDiaeresis(latin: string): string {
  return latin
    .replace(/([Yy])([ёЁ])/gu, (_match, y: string, yo: string) => `${y}${yo === 'Ё' && y === 'Y' ? 'O' : 'o'}`)
    .replace(/(zh|ch|sh)?([ёЁ])/giu, (_match, sibilant: string | undefined, yo: string) => {
      if (sibilant) return `${sibilant}${yo === 'Ё' ? 'O' : 'o'}`;
      return yo === 'Ё' ? 'Yo' : 'yo';
    });
}

/** The romanisation systems used for each language, by scheme name. */
const systems: Record<NameLanguage, Array<[string, (text: string) => string]>> = {
  ru: [
    ['ru-bgn-pcgn', (text) => withoutDiaeresis(translate(text, BGN_PCGN))],
    ['icao', (text) => translate(text, ICAO_DOC_9303)],
  ],
  uk: [['uk-2010', (text) => ukrainian.transform(text)]],
  be: [
    ['be-2007', belarusianNational],
    ['be-passport', belarusianPassport],
  ],
};

/** The romanisation `scheme` of `language` (one of those `nameSpellings` stores). */
export function romaniser(language: NameLanguage, scheme: string): (text: string) => string {
  const system = systems[language].find(([name]) => name === scheme);
  if (!system) throw new Error(`No romanisation ${scheme} for ${language}.`);
  return system[1];
}

const isCyrillic = (text: string) => /\p{Script=Cyrillic}/u.test(text);

/**
 * Every spelling of a name: the original, and when it is Cyrillic its romanisations in the
 * systems of its language, plus spellings seen on documents.
 */
export function nameSpellings(
  name: { givenName: string; familyName: string; patronymic?: string | null },
  language: NameLanguage | null,
  otherSpellings: string[] = [],
): NameSpelling[] {
  const parts = [name.givenName, name.patronymic ?? null, name.familyName].filter((part): part is string => Boolean(part));
  const full = parts.join(' ');
  const cyrillic = isCyrillic(full);
  const lang = cyrillic ? (language ?? guessLanguage(full)) : language;
  const spellings: NameSpelling[] = [
    { script: cyrillic ? 'Cyrl' : 'Latn', scheme: 'original', language: lang, value: full, keySource: `${name.givenName} ${name.familyName}` },
  ];
  if (cyrillic && lang) {
    for (const [scheme, romanise] of systems[lang]) {
      spellings.push({
        script: 'Latn',
        scheme,
        language: lang,
        value: parts.map(romanise).join(' '),
        keySource: `${romanise(name.givenName)} ${romanise(name.familyName)}`,
      });
    }
  }
  for (const other of otherSpellings) {
    const words = other.trim().split(/\s+/u);
    spellings.push({
      script: isCyrillic(other) ? 'Cyrl' : 'Latn',
      scheme: 'document',
      language: null,
      value: words.join(' '),
      keySource: words.length > 1 ? `${words[0]} ${words[words.length - 1]}` : words[0],
    });
  }
  // The same spelling twice (e.g. two systems agreeing) is stored once.
  const seen = new Set<string>();
  return spellings.filter((spelling) => {
    const key = `${spelling.script}:${spelling.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
