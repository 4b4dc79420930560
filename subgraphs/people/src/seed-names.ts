/**
 * Synthetic names for the demo: common Russian, Ukrainian and Belarusian names in Cyrillic with
 * their Latin forms in each language's own romanisation. Combined at random they name nobody real.
 * Lists of one language and kind have the same length for both sexes, so the seed indexes them
 * with one formula.
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

export const nameLanguages: NameLanguage[] = [
  {
    language: 'ru',
    scheme: 'ru-bgn-pcgn',
    nationality: 'RU',
    given: {
      MALE: [['Александр', 'Aleksandr'], ['Дмитрий', 'Dmitriy'], ['Сергей', 'Sergey'], ['Андрей', 'Andrey'], ['Алексей', 'Aleksey'], ['Михаил', 'Mikhail'], ['Иван', 'Ivan'], ['Николай', 'Nikolay']],
      FEMALE: [['Анна', 'Anna'], ['Мария', 'Mariya'], ['Елена', 'Yelena'], ['Ирина', 'Irina'], ['Светлана', 'Svetlana'], ['Екатерина', 'Yekaterina'], ['Юлия', 'Yuliya'], ['Марина', 'Marina']],
    },
    family: {
      MALE: [['Иванов', 'Ivanov'], ['Смирнов', 'Smirnov'], ['Кузнецов', 'Kuznetsov'], ['Попов', 'Popov'], ['Соколов', 'Sokolov'], ['Морозов', 'Morozov'], ['Волков', 'Volkov'], ['Лебедев', 'Lebedev']],
      FEMALE: [['Иванова', 'Ivanova'], ['Смирнова', 'Smirnova'], ['Кузнецова', 'Kuznetsova'], ['Попова', 'Popova'], ['Соколова', 'Sokolova'], ['Морозова', 'Morozova'], ['Волкова', 'Volkova'], ['Лебедева', 'Lebedeva']],
    },
    patronymic: {
      MALE: [['Александрович', 'Aleksandrovich'], ['Сергеевич', 'Sergeyevich'], ['Иванович', 'Ivanovich'], ['Михайлович', 'Mikhaylovich']],
      FEMALE: [['Александровна', 'Aleksandrovna'], ['Сергеевна', 'Sergeyevna'], ['Ивановна', 'Ivanovna'], ['Михайловна', 'Mikhaylovna']],
    },
  },
  {
    language: 'uk',
    scheme: 'uk-2010',
    nationality: 'UA',
    given: {
      MALE: [['Олександр', 'Oleksandr'], ['Дмитро', 'Dmytro'], ['Сергій', 'Serhii'], ['Андрій', 'Andrii'], ['Олексій', 'Oleksii'], ['Михайло', 'Mykhailo'], ['Іван', 'Ivan'], ['Микола', 'Mykola']],
      FEMALE: [['Олена', 'Olena'], ['Ганна', 'Hanna'], ['Марія', 'Mariia'], ['Ірина', 'Iryna'], ['Світлана', 'Svitlana'], ['Катерина', 'Kateryna'], ['Юлія', 'Yuliia'], ['Оксана', 'Oksana']],
    },
    family: {
      MALE: [['Шевченко', 'Shevchenko'], ['Бондаренко', 'Bondarenko'], ['Коваленко', 'Kovalenko'], ['Бойко', 'Boiko'], ['Ткаченко', 'Tkachenko'], ['Кравченко', 'Kravchenko'], ['Мельник', 'Melnyk'], ['Поліщук', 'Polishchuk']],
      FEMALE: [['Шевченко', 'Shevchenko'], ['Бондаренко', 'Bondarenko'], ['Коваленко', 'Kovalenko'], ['Бойко', 'Boiko'], ['Ткаченко', 'Tkachenko'], ['Кравченко', 'Kravchenko'], ['Мельник', 'Melnyk'], ['Поліщук', 'Polishchuk']],
    },
    patronymic: {
      MALE: [['Олександрович', 'Oleksandrovych'], ['Сергійович', 'Serhiiovych'], ['Іванович', 'Ivanovych'], ['Михайлович', 'Mykhailovych']],
      FEMALE: [['Олександрівна', 'Oleksandrivna'], ['Сергіївна', 'Serhiivna'], ['Іванівна', 'Ivanivna'], ['Михайлівна', 'Mykhailivna']],
    },
  },
  {
    language: 'be',
    scheme: 'be-passport',
    nationality: 'BY',
    given: {
      MALE: [['Аляксандр', 'Aliaksandr'], ['Дзмітрый', 'Dzmitry'], ['Сяргей', 'Siarhei'], ['Андрэй', 'Andrei'], ['Аляксей', 'Aliaksei'], ['Міхаіл', 'Mikhail'], ['Іван', 'Ivan'], ['Мікалай', 'Mikalai']],
      FEMALE: [['Алена', 'Alena'], ['Ганна', 'Hanna'], ['Марыя', 'Maryia'], ['Ірына', 'Iryna'], ['Святлана', 'Sviatlana'], ['Кацярына', 'Katsiaryna'], ['Вольга', 'Volha'], ['Таццяна', 'Tatsiana']],
    },
    family: {
      MALE: [['Іваноў', 'Ivanou'], ['Каваленка', 'Kavalenka'], ['Новік', 'Novik'], ['Шымановіч', 'Shymanovich'], ['Козел', 'Kozel'], ['Мельнікаў', 'Melnikau'], ['Ткачук', 'Tkachuk'], ['Марозаў', 'Marozau']],
      FEMALE: [['Іванова', 'Ivanova'], ['Каваленка', 'Kavalenka'], ['Новік', 'Novik'], ['Шымановіч', 'Shymanovich'], ['Козел', 'Kozel'], ['Мельнікава', 'Melnikava'], ['Ткачук', 'Tkachuk'], ['Марозава', 'Marozava']],
    },
    patronymic: {
      MALE: [['Аляксандравіч', 'Aliaksandravich'], ['Сяргеевіч', 'Siarheevich'], ['Іванавіч', 'Ivanavich'], ['Міхайлавіч', 'Mikhailavich']],
      FEMALE: [['Аляксандраўна', 'Aliaksandrauna'], ['Сяргееўна', 'Siarheeuna'], ['Іванаўна', 'Ivanauna'], ['Міхайлаўна', 'Mikhailauna']],
    },
  },
];
