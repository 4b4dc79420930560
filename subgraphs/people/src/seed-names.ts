import { romaniser } from './names/romanise';

/**
 * Synthetic names for the demo and the search benchmark: common Russian, Ukrainian and Belarusian
 * given names, patronymics and family names in Cyrillic, with their Latin forms computed by the
 * same romanisation systems the service stores. Family names are built from common stems and the
 * endings each language uses, so a population draws from about a quarter of a million distinct
 * full names (over 20,000 distinct given + family pairs) while the most common names still repeat,
 * as they do in real registers. Combined at random they name nobody real. Lists of one kind have
 * the same length in every language and for both sexes, so the seed indexes them with one formula;
 * each list runs from the most to the least common entry.
 */
export interface NameLanguage {
  language: 'ru' | 'uk' | 'be';
  /** Romanisation system of the Latin forms. */
  scheme: string;
  nationality: string;
  /** [Cyrillic, Latin] by sex. */
  given: { MALE: Array<[string, string]>; FEMALE: Array<[string, string]> };
  family: { MALE: Array<[string, string]>; FEMALE: Array<[string, string]> };
  patronymic: { MALE: Array<[string, string]>; FEMALE: Array<[string, string]> };
}

/** Entries per list: given names, family names, patronymics. */
export const GIVEN_NAMES = 24;
export const FAMILY_NAMES = 120;
export const PATRONYMICS = 12;

interface Source {
  language: NameLanguage['language'];
  scheme: string;
  nationality: string;
  given: { MALE: string[]; FEMALE: string[] };
  /** Male patronymic and its female form. */
  patronymic: Array<[string, string]>;
  /** Stems and the [male, female] endings they take; stems × endings, in order, give the family names. */
  familyStems: string[];
  familyEndings: Array<[string, string]>;
  /** Family names whose form does not follow a stem and ending, most common first. */
  familyCommon: Array<[string, string]>;
}

const sources: Source[] = [
  {
    language: 'ru',
    scheme: 'ru-bgn-pcgn',
    nationality: 'RU',
    given: {
      MALE: ['Александр', 'Дмитрий', 'Сергей', 'Андрей', 'Алексей', 'Михаил', 'Иван', 'Николай', 'Евгений', 'Владимир', 'Максим', 'Артём',
        'Игорь', 'Олег', 'Павел', 'Роман', 'Юрий', 'Виктор', 'Денис', 'Антон', 'Константин', 'Григорий', 'Василий', 'Тимофей'],
      FEMALE: ['Анна', 'Мария', 'Елена', 'Ирина', 'Светлана', 'Екатерина', 'Юлия', 'Марина', 'Ольга', 'Татьяна', 'Наталья', 'Людмила',
        'Анастасия', 'Дарья', 'Ксения', 'Валентина', 'Галина', 'Вера', 'Надежда', 'Полина', 'Софья', 'Алина', 'Виктория', 'Евгения'],
    },
    patronymic: [['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Иванович', 'Ивановна'], ['Михайлович', 'Михайловна'],
      ['Николаевич', 'Николаевна'], ['Владимирович', 'Владимировна'], ['Викторович', 'Викторовна'], ['Дмитриевич', 'Дмитриевна'],
      ['Андреевич', 'Андреевна'], ['Петрович', 'Петровна'], ['Юрьевич', 'Юрьевна'], ['Олегович', 'Олеговна']],
    familyCommon: [['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'], ['Соколов', 'Соколова'],
      ['Лебедев', 'Лебедева'], ['Морозов', 'Морозова'], ['Волков', 'Волкова'], ['Васильев', 'Васильева'], ['Зайцев', 'Зайцева'],
      ['Соловьёв', 'Соловьёва'], ['Медведев', 'Медведева'], ['Ильин', 'Ильина'], ['Никитин', 'Никитина'], ['Фомин', 'Фомина'],
      ['Белоусов', 'Белоусова'], ['Воронцов', 'Воронцова'], ['Ковалёв', 'Ковалёва'], ['Жуков', 'Жукова'], ['Орлов', 'Орлова']],
    familyStems: ['Павл', 'Семён', 'Голуб', 'Виноград', 'Богдан', 'Комар', 'Гусь', 'Тарас', 'Щерб', 'Кирилл', 'Гордей', 'Журавл', 'Сорок',
      'Мартын', 'Лукьян', 'Остап', 'Прохор', 'Савел', 'Тихон', 'Устин', 'Федот', 'Харитон', 'Ерём', 'Захар', 'Клим'],
    familyEndings: [['ов', 'ова'], ['ин', 'ина'], ['овский', 'овская'], ['енков', 'енкова']],
  },
  {
    language: 'uk',
    scheme: 'uk-2010',
    nationality: 'UA',
    given: {
      MALE: ['Олександр', 'Дмитро', 'Сергій', 'Андрій', 'Олексій', 'Михайло', 'Іван', 'Микола', 'Євген', 'Володимир', 'Максим', 'Артем',
        'Ігор', 'Олег', 'Павло', 'Роман', 'Юрій', 'Віктор', 'Денис', 'Антон', 'Богдан', 'Тарас', 'Василь', 'Остап'],
      FEMALE: ['Олена', 'Ганна', 'Марія', 'Ірина', 'Світлана', 'Катерина', 'Юлія', 'Оксана', 'Ольга', 'Тетяна', 'Наталія', 'Людмила',
        'Анастасія', 'Дарина', 'Христина', 'Валентина', 'Галина', 'Віра', 'Надія', 'Поліна', 'Софія', 'Аліна', 'Вікторія', 'Соломія'],
    },
    patronymic: [['Олександрович', 'Олександрівна'], ['Сергійович', 'Сергіївна'], ['Іванович', 'Іванівна'], ['Михайлович', 'Михайлівна'],
      ['Миколайович', 'Миколаївна'], ['Володимирович', 'Володимирівна'], ['Вікторович', 'Вікторівна'], ['Васильович', 'Василівна'],
      ['Андрійович', 'Андріївна'], ['Петрович', 'Петрівна'], ['Юрійович', 'Юріївна'], ['Богданович', 'Богданівна']],
    familyCommon: [['Шевченко', 'Шевченко'], ['Бондаренко', 'Бондаренко'], ['Коваленко', 'Коваленко'], ['Бойко', 'Бойко'],
      ['Ткаченко', 'Ткаченко'], ['Кравченко', 'Кравченко'], ['Мельник', 'Мельник'], ['Поліщук', 'Поліщук'], ['Олійник', 'Олійник'],
      ['Шевчук', 'Шевчук'], ['Коваль', 'Коваль'], ['Лисенко', 'Лисенко'], ['Марченко', 'Марченко'], ['Руденко', 'Руденко'],
      ['Савченко', 'Савченко'], ['Петренко', 'Петренко'], ['Мороз', 'Мороз'], ['Павленко', 'Павленко'], ['Ковальчук', 'Ковальчук'],
      ['Кравчук', 'Кравчук']],
    familyStems: ['Гаврил', 'Гуз', 'Литвин', 'Гриц', 'Демч', 'Федор', 'Сидор', 'Яковл', 'Тимош', 'Гнат', 'Мирон', 'Дорош', 'Кост',
      'Панас', 'Гордій', 'Зінч', 'Левч', 'Март', 'Остап', 'Прокоп', 'Карп', 'Кирил', 'Симон', 'Юрч', 'Влас'],
    familyEndings: [['енко', 'енко'], ['ук', 'ук'], ['ишин', 'ишина'], ['ський', 'ська']],
  },
  {
    language: 'be',
    scheme: 'be-passport',
    nationality: 'BY',
    given: {
      MALE: ['Аляксандр', 'Дзмітрый', 'Сяргей', 'Андрэй', 'Аляксей', 'Міхаіл', 'Іван', 'Мікалай', 'Яўген', 'Уладзімір', 'Максім', 'Арцём',
        'Ігар', 'Алег', 'Павел', 'Раман', 'Юрый', 'Віктар', 'Дзяніс', 'Антон', 'Канстанцін', 'Рыгор', 'Васіль', 'Цімафей'],
      FEMALE: ['Алена', 'Ганна', 'Марыя', 'Ірына', 'Святлана', 'Кацярына', 'Юлія', 'Марына', 'Вольга', 'Таццяна', 'Наталля', 'Людміла',
        'Анастасія', 'Дар\'я', 'Ксенія', 'Валянціна', 'Галіна', 'Вера', 'Надзея', 'Паліна', 'Соф\'я', 'Аліна', 'Вікторыя', 'Яўгенія'],
    },
    patronymic: [['Аляксандравіч', 'Аляксандраўна'], ['Сяргеевіч', 'Сяргееўна'], ['Іванавіч', 'Іванаўна'], ['Міхайлавіч', 'Міхайлаўна'],
      ['Мікалаевіч', 'Мікалаеўна'], ['Уладзіміравіч', 'Уладзіміраўна'], ['Віктаравіч', 'Віктараўна'], ['Дзмітрыевіч', 'Дзмітрыеўна'],
      ['Андрэевіч', 'Андрэеўна'], ['Пятровіч', 'Пятроўна'], ['Юр\'евіч', 'Юр\'еўна'], ['Алегавіч', 'Алегаўна']],
    familyCommon: [['Іваноў', 'Іванова'], ['Каваленка', 'Каваленка'], ['Новік', 'Новік'], ['Шымановіч', 'Шымановіч'], ['Козел', 'Козел'],
      ['Мельнікаў', 'Мельнікава'], ['Ткачук', 'Ткачук'], ['Марозаў', 'Марозава'], ['Кавалёў', 'Кавалёва'], ['Вашкевіч', 'Вашкевіч'],
      ['Лукашэвіч', 'Лукашэвіч'], ['Бондар', 'Бондар'], ['Кузьміч', 'Кузьміч'], ['Багдановіч', 'Багдановіч'], ['Кароль', 'Кароль'],
      ['Жук', 'Жук'], ['Макарэвіч', 'Макарэвіч'], ['Клімовіч', 'Клімовіч'], ['Савіцкі', 'Савіцкая'], ['Казлоў', 'Казлова']],
    familyStems: ['Паўл', 'Сямён', 'Галуб', 'Жаўран', 'Багдан', 'Камар', 'Грыш', 'Тарас', 'Шчарб', 'Кірыл', 'Гардзей', 'Жураўл', 'Сарок',
      'Марцін', 'Лук\'ян', 'Астап', 'Прохар', 'Савел', 'Ціхан', 'Усцін', 'Фядот', 'Харыт', 'Ярам', 'Захар', 'Клім'],
    familyEndings: [['енка', 'енка'], ['овіч', 'овіч'], ['оў', 'ова'], ['скі', 'ская']],
  },
];

function build(source: Source): NameLanguage {
  const latin = romaniser(source.language, source.scheme);
  const pair = (cyrillic: string): [string, string] => [cyrillic, latin(cyrillic)];
  const family = [...source.familyCommon];
  // Endings vary fastest, so the first stems with every ending come before the rarer stems.
  for (const stem of source.familyStems) for (const [male, female] of source.familyEndings) family.push([stem + male, stem + female]);
  if (family.length < FAMILY_NAMES || source.given.MALE.length !== GIVEN_NAMES || source.given.FEMALE.length !== GIVEN_NAMES || source.patronymic.length !== PATRONYMICS) {
    throw new Error(`The ${source.language} name lists do not have the lengths the seed indexes.`);
  }
  return {
    language: source.language,
    scheme: source.scheme,
    nationality: source.nationality,
    given: { MALE: source.given.MALE.map(pair), FEMALE: source.given.FEMALE.map(pair) },
    family: { MALE: family.slice(0, FAMILY_NAMES).map(([male]) => pair(male)), FEMALE: family.slice(0, FAMILY_NAMES).map(([, female]) => pair(female)) },
    patronymic: { MALE: source.patronymic.map(([male]) => pair(male)), FEMALE: source.patronymic.map(([, female]) => pair(female)) },
  };
}

export const nameLanguages: NameLanguage[] = sources.map(build);
