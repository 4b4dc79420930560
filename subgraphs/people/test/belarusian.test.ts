import { belarusianNational, belarusianPassport } from '../src/names/belarusian';

// Examples from the published national system (2007 instruction) and from Belarusian passports.
test.each([
  ['Магілёў', 'Mahilioŭ'],
  ['Віцебск', 'Viciebsk'],
  ['Гомель', 'Homieĺ'],
  ['Заслаўе', 'Zaslaŭje'],
  ['Ельск', 'Jeĺsk'],
  ['Ляхавічы', 'Liachavičy'],
  ['Шчучын', 'Ščučyn'],
  ['Дзяржынск', 'Dziaržynsk'],
  ['Бабруйск', 'Babrujsk'],
  ['Жодзіна', 'Žodzina'],
  ['Полацк', 'Polack'],
  ['Іўе', 'Iŭje'],
  ['Аляксандр', 'Aliaksandr'],
])('national system: %s → %s', (cyrillic, latin) => {
  expect(belarusianNational(cyrillic)).toBe(latin);
});

test.each([
  ['Аляксандр', 'Aliaksandr'],
  ['Сяргей', 'Siarhei'],
  ['Дзмітрый', 'Dzmitry'],
  ['Алена', 'Alena'],
  ['Марыя', 'Maryia'],
  ['Кацярына', 'Katsiaryna'],
  ['Таццяна', 'Tatsiana'],
  ['Вольга', 'Volha'],
  ['Іваноў', 'Ivanou'],
  ['Мікалай', 'Mikalai'],
  ['Святлана', 'Sviatlana'],
  ['Міхаіл', 'Mikhail'],
  ['Шымановіч', 'Shymanovich'],
])('passport form: %s → %s', (cyrillic, latin) => {
  expect(belarusianPassport(cyrillic)).toBe(latin);
});
