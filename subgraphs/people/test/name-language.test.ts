import { guessLanguage } from '../src/names/language';
import { nameSpellings, romaniser } from '../src/names/romanise';

// Names as each language writes them, with the clue that decides (see names/language.ts).
test.each([
  // Belarusian
  ['Аляксандр Міхайлавіч Ціхановіч', 'be'], // і: not Russian; -іч: not Ukrainian
  ['Алесь Бяляцкі', 'be'], // -цкі: not Ukrainian
  ['Ірына Кавалёва', 'be'], // і: not Russian; ы, ё: not Ukrainian
  ['Сяргей Марозаў', 'be'], // ў
  ['Дзмітрый Шчэрба', 'be'], // шч
  // Ukrainian
  ['Олександр Іванович Шевченко', 'uk'], // і: not Russian; и: not Belarusian
  ['Андрій Петренко', 'uk'], // і: not Russian; soft т: not Belarusian
  ['Ігор Бойко', 'uk'], // і only: Ukrainian before Belarusian
  ['Юлія Гнатюк', 'uk'], // і; soft т before ю
  ['Олена Коваль', 'ru'], // no letter tells: read as Russian
  ['Наталія Пʼятничук', 'uk'], // і, the apostrophe, soft т
  ['Євген Ґудзь', 'uk'], // є, ґ
  // Russian
  ['Пётр Семёнов', 'ru'], // ё: not Ukrainian; no і: not Belarusian either way
  ['Дмитрий Иванович Сидоров', 'ru'], // и: not Belarusian; no і: Russian
  ['Наталья Щербакова', 'ru'], // щ: not Belarusian
  ['Эдуард Объедков', 'ru'], // ъ
])('%s is read as %s', (name, language) => {
  expect(guessLanguage(name)).toBe(language);
});

test('a Belarusian name with no language given gets the Belarusian romanisations, not the Ukrainian one', () => {
  const spellings = nameSpellings({ givenName: 'Аляксандр', patronymic: 'Міхайлавіч', familyName: 'Ціхановіч' }, null);
  expect(spellings.map((s) => `${s.scheme}:${s.value}`)).toEqual([
    'original:Аляксандр Міхайлавіч Ціхановіч',
    'be-2007:Aliaksandr Michajlavič Cichanovič',
    'be-passport:Aliaksandr Mikhailavich Tsikhanovich',
  ]);
  expect(spellings.every((s) => s.language === 'be')).toBe(true);
});

test.each([
  ['Пётр Семёнов', 'Pyotr Semyonov'],
  ['Фёдор Соловьёв', 'Fyodor Solov’yov'],
  ['Артём Ёлкин', 'Artyom Yolkin'],
  ['Михаил Горбачёв', 'Mikhail Gorbachov'],
  ['Александр Кузнецов', 'Aleksandr Kuznetsov'],
])('Russian BGN/PCGN writes ё without the diaeresis: %s → %s', (cyrillic, latin) => {
  expect(romaniser('ru', 'ru-bgn-pcgn')(cyrillic)).toBe(latin);
});
