export type NameLanguage = 'ru' | 'uk' | 'be';

/** Russian first, then Ukrainian, then Belarusian: who wins when the letters cannot tell. */
const languages: NameLanguage[] = ['ru', 'uk', 'be'];

/** A sign in the spelling and the languages it rules out. */
interface Clue {
  pattern: RegExp;
  rulesOut: NameLanguage[];
}

/**
 * What each language's spelling never has. The three alphabets share most letters; these are the
 * letters and spellings only some of them use:
 * - ў is only Belarusian; ї, є, ґ only Ukrainian; ъ only Russian (the others write an apostrophe);
 * - і is not Russian; и and щ are not Belarusian (it writes і and шч); ы, э and ё are not Ukrainian;
 * - шч is only Belarusian (the others write щ);
 * - a soft т or д (ті, ть, тя, те, ді, дь, дя, де…) is not Belarusian, which writes ц and дз
 *   there (Дзмітрый, Ціхановіч), so Петренко cannot be Belarusian;
 * - a word ending in -іч (patronymics, family names: Міхайлавіч) or -скі / -цкі is Belarusian:
 *   Ukrainian writes -ич and -ський / -цький, Russian -ич and -ский.
 */
const clues: Clue[] = [
  { pattern: /ў/giu, rulesOut: ['ru', 'uk'] },
  { pattern: /[їєґ]/giu, rulesOut: ['ru', 'be'] },
  { pattern: /ъ/giu, rulesOut: ['uk', 'be'] },
  { pattern: /[ʼ’'](?=\p{L})/gu, rulesOut: ['ru'] },
  { pattern: /і/giu, rulesOut: ['ru'] },
  { pattern: /[ищ]/giu, rulesOut: ['be'] },
  { pattern: /[ыэё]/giu, rulesOut: ['uk'] },
  { pattern: /шч/giu, rulesOut: ['ru', 'uk'] },
  { pattern: /(?<!з)[тд][іьяюёе]/giu, rulesOut: ['be'] },
  { pattern: /(?:іч|[сц]кі)(?!\p{L})/giu, rulesOut: ['uk'] },
];

/**
 * Guesses the language of a name written in Cyrillic when the caller does not say. Every clue
 * found (each occurrence counts) rules languages out; the language ruled out least often is the
 * guess, ties going to Russian, then Ukrainian, then Belarusian. So a name with letters of one
 * language only is read in it (Аляксандр Міхайлавіч Ціхановіч: і rules out Russian, -іч
 * Ukrainian → Belarusian), a misspelt name goes with most of its letters, and a name every
 * language spells alike (Олена Бойко) is read as Russian: give the language when it is known.
 */
export function guessLanguage(text: string): NameLanguage {
  const against = new Map<NameLanguage, number>(languages.map((language) => [language, 0]));
  for (const clue of clues) {
    const count = text.match(clue.pattern)?.length ?? 0;
    for (const language of clue.rulesOut) against.set(language, against.get(language)! + count);
  }
  return languages.reduce((best, language) => (against.get(language)! < against.get(best)! ? language : best));
}

/** The language a name is written in, from the schema's `NameLanguage` (`RU` → `ru`); null when not given. */
export const languageOf = (value: string | null | undefined): NameLanguage | null => (value ? (value.toLowerCase() as NameLanguage) : null);
