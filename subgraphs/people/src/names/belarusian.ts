/**
 * Belarusian romanisation. No maintained npm library covers Belarusian, so the table is written
 * here from the published national system: "Instruction on transliteration of Belarusian
 * geographical names with letters of Latin script", State Committee on Property of the Republic
 * of Belarus, resolution No. 8 of 23 November 2007 (approved by the UN Conference on the
 * Standardization of Geographical Names, resolution IX/7, 2007). Its examples (Магілёў →
 * Mahilioŭ, Віцебск → Viciebsk, Гомель → Homieĺ, Заслаўе → Zaslaŭje) are in the tests.
 *
 * The passport form is the same system without diacritics (č → ch, š → sh, ž → zh, ŭ → u,
 * ch → kh, c → ts, j → i, е → e, цц → ts, soft signs dropped, final -ый → -y), as Belarusian passports print
 * names: Аляксандр → Aliaksandr, Сяргей → Siarhei, Дзмітрый → Dzmitry.
 */

const vowels = new Set('аеёіоуыэюяў'.split(''));
/** Iotated vowels: after a consonant written i + vowel, at the start or after a vowel, ў, ь or apostrophe j + vowel. */
const iotated: Record<string, string> = { е: 'e', ё: 'o', ю: 'u', я: 'a' };
/** Consonants the soft sign marks with an acute. */
const softened: Record<string, string> = { з: 'ź', л: 'ĺ', н: 'ń', с: 'ś', ц: 'ć' };

const national: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  ж: 'ž',
  з: 'z',
  і: 'i',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'ŭ',
  ф: 'f',
  х: 'ch',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  ы: 'y',
  ь: '',
  э: 'e',
  '’': '',
  "'": '',
  ʼ: '',
};

const passport: Record<string, string> = {
  ...national,
  ж: 'zh',
  й: 'i',
  ў: 'u',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
};

function romaniseWith(table: Record<string, string>, text: string, ascii: boolean): string {
  const chars = [...text];
  let out = '';
  chars.forEach((original, index) => {
    const lower = original.toLowerCase();
    const upper = original !== lower;
    const previous = index > 0 ? chars[index - 1].toLowerCase() : '';
    const next = chars[index + 1]?.toLowerCase() ?? '';
    let latin: string;
    if (lower in iotated) {
      const afterConsonant = previous !== '' && /\p{L}/u.test(previous) && !vowels.has(previous) && previous !== 'ь' && previous !== 'й';
      latin = (afterConsonant ? 'i' : ascii ? 'i' : 'j') + iotated[lower];
      // The passport form writes е as plain e (Алена → Alena, Сяргей → Siarhei).
      if (ascii && lower === 'е') latin = 'e';
    } else if (!ascii && next === 'ь' && lower in softened) {
      latin = softened[lower]!;
    } else if (ascii && lower === 'ц' && next === 'ц') {
      // A doubled ц is written once in passports (Таццяна → Tatsiana).
      latin = '';
    } else if (ascii && lower === 'й' && previous === 'ы' && !/\p{L}/u.test(next)) {
      latin = '';
    } else {
      latin = table[lower] ?? lower;
    }
    out += upper && latin ? latin[0].toUpperCase() + latin.slice(1) : latin;
  });
  return out;
}

/** The national system of 2007 (with diacritics). */
export const belarusianNational = (text: string): string => romaniseWith(national, text, false);

/** The passport (ASCII) form of the national system. */
export const belarusianPassport = (text: string): string => romaniseWith(passport, text, true);
