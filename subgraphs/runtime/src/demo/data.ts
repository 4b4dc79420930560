import { createHash } from 'node:crypto';

/**
 * The synthetic world every subgraph's seed draws from. No real person's data: places and
 * organisations are public facts; people are generated. Ids are deterministic, so four subgraphs
 * seeding their own databases agree on who and where without talking to each other.
 */

/** A deterministic UUID for a demo record; the same as `md5(kind || ':' || key)::uuid` in SQL. */
export function syntheticId(kind: string, key: string | number): string {
  const hex = createHash('md5').update(`${kind}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** SQL expression for `syntheticId(kind, <expr>)`. */
export function syntheticIdSql(kind: string, keyExpression: string): string {
  return `md5('${kind}:' || (${keyExpression})::text)::uuid`;
}

export interface DemoOrganization {
  key: string;
  type: 'ICRC' | 'IFRC' | 'NATIONAL_SOCIETY' | 'DELEGATION' | 'BRANCH' | 'AUTHORITY';
  name: string;
  shortName: string;
  countryCode: string | null;
  parent: string | null;
}

export const demoOrganizations: DemoOrganization[] = [
  { key: 'ICRC', type: 'ICRC', name: 'International Committee of the Red Cross', shortName: 'ICRC', countryCode: null, parent: null },
  { key: 'IFRC', type: 'IFRC', name: 'International Federation of Red Cross and Red Crescent Societies', shortName: 'IFRC', countryCode: null, parent: null },
  {
    key: 'ICRC-MOSCOW',
    type: 'DELEGATION',
    name: 'ICRC Regional Delegation for the Russian Federation and Belarus',
    shortName: 'ICRC Moscow',
    countryCode: 'RU',
    parent: 'ICRC',
  },
  { key: 'ICRC-MINSK', type: 'DELEGATION', name: 'ICRC Office in Minsk', shortName: 'ICRC Minsk', countryCode: 'BY', parent: 'ICRC-MOSCOW' },
  { key: 'RRC', type: 'NATIONAL_SOCIETY', name: 'Russian Red Cross', shortName: 'RRC', countryCode: 'RU', parent: null },
  { key: 'RRC-BELGOROD', type: 'BRANCH', name: 'Russian Red Cross, Belgorod regional branch', shortName: 'RRC Belgorod', countryCode: 'RU', parent: 'RRC' },
  { key: 'RRC-KURSK', type: 'BRANCH', name: 'Russian Red Cross, Kursk regional branch', shortName: 'RRC Kursk', countryCode: 'RU', parent: 'RRC' },
  { key: 'BRC', type: 'NATIONAL_SOCIETY', name: 'Belarus Red Cross', shortName: 'BRC', countryCode: 'BY', parent: null },
  { key: 'BRC-GOMEL', type: 'BRANCH', name: 'Belarus Red Cross, Gomel regional branch', shortName: 'BRC Gomel', countryCode: 'BY', parent: 'BRC' },
  // The other side of the front line: families in Ukraine are reached through them.
  { key: 'URCS', type: 'NATIONAL_SOCIETY', name: 'Ukrainian Red Cross Society', shortName: 'URCS', countryCode: 'UA', parent: null },
  { key: 'ICRC-KYIV', type: 'DELEGATION', name: 'ICRC Delegation in Ukraine', shortName: 'ICRC Kyiv', countryCode: 'UA', parent: 'ICRC' },
  // Detaining authorities the delegations deal with (public bodies; the detainees are synthetic).
  { key: 'RU-MOD', type: 'AUTHORITY', name: 'Ministry of Defence of the Russian Federation', shortName: 'RU MoD', countryCode: 'RU', parent: null },
  { key: 'RU-FSIN', type: 'AUTHORITY', name: 'Federal Penitentiary Service of the Russian Federation', shortName: 'FSIN', countryCode: 'RU', parent: null },
];

/** Organisations that carry family news and casework in Ukraine. */
export const ukrainianPartners = { nationalSociety: 'URCS', delegation: 'ICRC-KYIV' } as const;

/** Detaining authorities of the demo's detention records. */
export const detainingAuthorities = ['RU-MOD', 'RU-FSIN'];

/** Partners that record people, messages and assistance in the demo (each owns some records). */
export const recordingPartners = ['ICRC-MOSCOW', 'ICRC-MINSK', 'RRC', 'RRC-BELGOROD', 'RRC-KURSK', 'BRC', 'BRC-GOMEL'];

export interface DemoPlace {
  key: string;
  type:
    'COUNTRY' | 'ADMIN_AREA' | 'SETTLEMENT' | 'DELEGATION' | 'OFFICE' | 'PLACE_OF_DETENTION' | 'BORDER_CROSSING' | 'COLLECTIVE_CENTRE' | 'DISTRIBUTION_POINT';
  /** P-code or ISO 3166 code for administrative places; null for facilities. */
  pcode: string | null;
  adminLevel: number | null;
  name: string;
  /** [language, script, value] */
  names: Array<[string, string, string]>;
  parent: string | null;
  coordinates: [number, number] | null;
  operatedBy?: string;
}

const place = (
  key: string,
  type: DemoPlace['type'],
  adminLevel: number | null,
  parent: string | null,
  name: string,
  local: Array<[string, string]>,
  coordinates: [number, number] | null,
  operatedBy?: string,
): DemoPlace => ({
  key,
  type,
  pcode: adminLevel === null ? null : key,
  adminLevel,
  name,
  names: [['en', 'Latn', name], ...local.map(([language, value]): [string, string, string] => [language, 'Cyrl', value])],
  parent,
  coordinates,
  operatedBy,
});

/**
 * Russia and Belarus down to settlements (ISO 3166-2 for regions, as no OCHA P-code set exists
 * for them, extended with district and settlement codes), and the facilities of the founding text.
 */
export const demoPlaces: DemoPlace[] = [
  place('RU', 'COUNTRY', 0, null, 'Russian Federation', [['ru', 'Российская Федерация']], [55.75, 37.62]),
  place(
    'BY',
    'COUNTRY',
    0,
    null,
    'Belarus',
    [
      ['be', 'Беларусь'],
      ['ru', 'Беларусь'],
    ],
    [53.9, 27.56],
  ),
  place('RU-MOW', 'ADMIN_AREA', 1, 'RU', 'Moscow', [['ru', 'Москва']], [55.75, 37.62]),
  place('RU-BEL', 'ADMIN_AREA', 1, 'RU', 'Belgorod Oblast', [['ru', 'Белгородская область']], [50.6, 36.6]),
  place('RU-KRS', 'ADMIN_AREA', 1, 'RU', 'Kursk Oblast', [['ru', 'Курская область']], [51.73, 36.19]),
  place('RU-ROS', 'ADMIN_AREA', 1, 'RU', 'Rostov Oblast', [['ru', 'Ростовская область']], [47.23, 39.72]),
  place(
    'BY-HM',
    'ADMIN_AREA',
    1,
    'BY',
    'Minsk',
    [
      ['be', 'Мінск'],
      ['ru', 'Минск'],
    ],
    [53.9, 27.56],
  ),
  place(
    'BY-HO',
    'ADMIN_AREA',
    1,
    'BY',
    'Gomel Region',
    [
      ['be', 'Гомельская вобласць'],
      ['ru', 'Гомельская область'],
    ],
    [52.44, 30.98],
  ),
  place('RU-BEL-01', 'ADMIN_AREA', 2, 'RU-BEL', 'Belgorod District', [['ru', 'Белгородский район']], [50.6, 36.58]),
  place('RU-BEL-02', 'ADMIN_AREA', 2, 'RU-BEL', 'Shebekino District', [['ru', 'Шебекинский район']], [50.41, 36.89]),
  place('RU-KRS-01', 'ADMIN_AREA', 2, 'RU-KRS', 'Sudzha District', [['ru', 'Суджанский район']], [51.19, 35.27]),
  place('RU-ROS-01', 'ADMIN_AREA', 2, 'RU-ROS', 'Taganrog Urban District', [['ru', 'городской округ Таганрог']], [47.21, 38.94]),
  place(
    'BY-HO-01',
    'ADMIN_AREA',
    2,
    'BY-HO',
    'Gomel District',
    [
      ['be', 'Гомельскі раён'],
      ['ru', 'Гомельский район'],
    ],
    [52.44, 30.98],
  ),
  place('RU-MOW-0001', 'SETTLEMENT', 3, 'RU-MOW', 'Moscow', [['ru', 'Москва']], [55.75, 37.62]),
  place('RU-BEL-01-0001', 'SETTLEMENT', 3, 'RU-BEL-01', 'Belgorod', [['ru', 'Белгород']], [50.6, 36.59]),
  place('RU-BEL-02-0001', 'SETTLEMENT', 3, 'RU-BEL-02', 'Shebekino', [['ru', 'Шебекино']], [50.41, 36.89]),
  place('RU-KRS-01-0001', 'SETTLEMENT', 3, 'RU-KRS-01', 'Sudzha', [['ru', 'Суджа']], [51.19, 35.27]),
  place('RU-ROS-01-0001', 'SETTLEMENT', 3, 'RU-ROS-01', 'Taganrog', [['ru', 'Таганрог']], [47.21, 38.94]),
  place(
    'BY-HM-0001',
    'SETTLEMENT',
    3,
    'BY-HM',
    'Minsk',
    [
      ['be', 'Мінск'],
      ['ru', 'Минск'],
    ],
    [53.9, 27.56],
  ),
  place(
    'BY-HO-01-0001',
    'SETTLEMENT',
    3,
    'BY-HO-01',
    'Gomel',
    [
      ['be', 'Гомель'],
      ['ru', 'Гомель'],
    ],
    [52.44, 30.98],
  ),
  place(
    'ICRC-MOSCOW-PREMISES',
    'DELEGATION',
    null,
    'RU-MOW-0001',
    'ICRC Regional Delegation, Moscow',
    [['ru', 'Региональная делегация МККК, Москва']],
    [55.74, 37.6],
    'ICRC-MOSCOW',
  ),
  place('ICRC-MINSK-OFFICE', 'OFFICE', null, 'BY-HM-0001', 'ICRC Office, Minsk', [['ru', 'Офис МККК, Минск']], [53.9, 27.55], 'ICRC-MINSK'),
  place(
    'RRC-BELGOROD-OFFICE',
    'OFFICE',
    null,
    'RU-BEL-01-0001',
    'Russian Red Cross, Belgorod branch office',
    [['ru', 'Белгородское отделение РКК']],
    [50.6, 36.6],
    'RRC-BELGOROD',
  ),
  place('DETENTION-1', 'PLACE_OF_DETENTION', null, 'RU-ROS-01-0001', 'Pre-trial detention centre No. 2 (synthetic)', [['ru', 'СИЗО № 2 (условный)']], null),
  place(
    'DETENTION-2',
    'PLACE_OF_DETENTION',
    null,
    'RU-KRS-01',
    'Camp for prisoners of war No. 1 (synthetic)',
    [['ru', 'Лагерь военнопленных № 1 (условный)']],
    null,
  ),
  place('CROSSING-1', 'BORDER_CROSSING', null, 'BY-HO-01', 'Novaya Guta border crossing', [['ru', 'Пункт пропуска Новая Гута']], [51.95, 30.69]),
  place(
    'CC-BELGOROD-1',
    'COLLECTIVE_CENTRE',
    null,
    'RU-BEL-01-0001',
    'Collective centre "Sosnovy Bor" (synthetic)',
    [['ru', 'Пункт временного размещения «Сосновый бор»']],
    null,
  ),
  place(
    'DP-BELGOROD-1',
    'DISTRIBUTION_POINT',
    null,
    'RU-BEL-01-0001',
    'Distribution point, Belgorod centre',
    [['ru', 'Пункт выдачи, центр Белгорода']],
    null,
    'RRC-BELGOROD',
  ),
  place(
    'DP-SHEBEKINO-1',
    'DISTRIBUTION_POINT',
    null,
    'RU-BEL-02-0001',
    'Distribution point, Shebekino',
    [['ru', 'Пункт выдачи, Шебекино']],
    null,
    'RRC-BELGOROD',
  ),
  place('DP-KURSK-1', 'DISTRIBUTION_POINT', null, 'RU-KRS-01-0001', 'Distribution point, Sudzha', [['ru', 'Пункт выдачи, Суджа']], null, 'RRC-KURSK'),
  place(
    'DP-GOMEL-1',
    'DISTRIBUTION_POINT',
    null,
    'BY-HO-01-0001',
    'Distribution point, Gomel',
    [
      ['be', 'Пункт выдачы, Гомель'],
      ['ru', 'Пункт выдачи, Гомель'],
    ],
    null,
    'BRC-GOMEL',
  ),
  // Ukraine with its OCHA P-codes (COD-AB: `UA` and the two digits of the national classification).
  place(
    'UA',
    'COUNTRY',
    0,
    null,
    'Ukraine',
    [
      ['uk', 'Україна'],
      ['ru', 'Украина'],
    ],
    [50.45, 30.52],
  ),
  place(
    'UA80',
    'ADMIN_AREA',
    1,
    'UA',
    'Kyiv',
    [
      ['uk', 'Київ'],
      ['ru', 'Киев'],
    ],
    [50.45, 30.52],
  ),
  place(
    'UA59',
    'ADMIN_AREA',
    1,
    'UA',
    'Sumy Oblast',
    [
      ['uk', 'Сумська область'],
      ['ru', 'Сумская область'],
    ],
    [50.91, 34.8],
  ),
  place(
    'UA63',
    'ADMIN_AREA',
    1,
    'UA',
    'Kharkiv Oblast',
    [
      ['uk', 'Харківська область'],
      ['ru', 'Харьковская область'],
    ],
    [49.99, 36.23],
  ),
  place(
    'UA74',
    'ADMIN_AREA',
    1,
    'UA',
    'Chernihiv Oblast',
    [
      ['uk', 'Чернігівська область'],
      ['ru', 'Черниговская область'],
    ],
    [51.49, 31.29],
  ),
  place(
    'UA07',
    'ADMIN_AREA',
    1,
    'UA',
    'Volyn Oblast',
    [
      ['uk', 'Волинська область'],
      ['ru', 'Волынская область'],
    ],
    [50.75, 25.33],
  ),
  // Raions (admin level 2) where the demo's Ukrainian families live and its crossings lie, with
  // their OCHA COD-AB P-codes: the oblast's code and two digits of the raion (2020 division).
  place(
    'UA8000',
    'ADMIN_AREA',
    2,
    'UA80',
    'Kyiv (city)',
    [
      ['uk', 'Київ'],
      ['ru', 'Киев'],
    ],
    [50.45, 30.52],
  ),
  place(
    'UA5908',
    'ADMIN_AREA',
    2,
    'UA59',
    'Sumy Raion',
    [
      ['uk', 'Сумський район'],
      ['ru', 'Сумский район'],
    ],
    [50.91, 34.8],
  ),
  place(
    'UA6312',
    'ADMIN_AREA',
    2,
    'UA63',
    'Kharkiv Raion',
    [
      ['uk', 'Харківський район'],
      ['ru', 'Харьковский район'],
    ],
    [49.99, 36.23],
  ),
  place(
    'UA7410',
    'ADMIN_AREA',
    2,
    'UA74',
    'Chernihiv Raion',
    [
      ['uk', 'Чернігівський район'],
      ['ru', 'Черниговский район'],
    ],
    [51.49, 31.29],
  ),
  place(
    'UA0708',
    'ADMIN_AREA',
    2,
    'UA07',
    'Lutsk Raion',
    [
      ['uk', 'Луцький район'],
      ['ru', 'Луцкий район'],
    ],
    [50.75, 25.33],
  ),
  place(
    'UA0706',
    'ADMIN_AREA',
    2,
    'UA07',
    'Kovel Raion',
    [
      ['uk', 'Ковельський район'],
      ['ru', 'Ковельский район'],
    ],
    [51.21, 24.71],
  ),
  place('ICRC-KYIV-PREMISES', 'DELEGATION', null, 'UA8000', 'ICRC Delegation, Kyiv', [['uk', 'Делегація МКЧХ, Київ']], [50.45, 30.5], 'ICRC-KYIV'),
  place(
    'URCS-KYIV-OFFICE',
    'OFFICE',
    null,
    'UA8000',
    'Ukrainian Red Cross Society, national office',
    [['uk', 'Товариство Червоного Хреста України, національний офіс']],
    [50.44, 30.52],
    'URCS',
  ),
  // Real crossing points, placed on their Ukrainian side; their openings are in `demoCrossings`.
  place(
    'CROSSING-MOKRANY',
    'BORDER_CROSSING',
    null,
    'UA0706',
    'Mokrany – Domanove border crossing',
    [
      ['be', 'Пункт пропуску Макраны'],
      ['ru', 'Пункт пропуска Мокраны'],
      ['uk', 'Пункт пропуску Доманове'],
    ],
    [51.83, 24.33],
  ),
  place(
    'CROSSING-KOLOTILOVKA',
    'BORDER_CROSSING',
    null,
    'UA5908',
    'Kolotilovka – Pokrovka border crossing',
    [
      ['ru', 'Пункт пропуска Колотиловка'],
      ['uk', 'Пункт пропуску Покровка'],
    ],
    [50.62, 35.4],
  ),
];

/** A period in which a crossing was open or closed, as published; `until` null: still so when checked. */
export interface DemoCrossingPeriod {
  from: string;
  until: string | null;
  open: boolean;
  /** When open only one way: the country people could enter. */
  towards: string | null;
  note: string;
}

/** What is known of a real border crossing: its two countries and its openings since 2022. */
export interface DemoCrossing {
  place: string;
  countries: [string, string];
  /** The two checkpoints, each side's name. */
  sides: string;
  periods: DemoCrossingPeriod[];
  source: string;
  /** The date of the latest source read: the periods say nothing of later days. */
  checkedOn: string;
}

/** The day the sources of the demo's crossings were last read: their state is known up to it, not after. */
export const crossingsCheckedOn = '2025-12-26';

/**
 * The demo's border crossings are real places and their openings are as published by the border
 * services and reported by the press, as of `crossingsCheckedOn`; the people crossing them are
 * synthetic. Days outside every period, and every day after that date, are unknown, never assumed
 * open; each source says the date it was read as of.
 */
export const demoCrossings: DemoCrossing[] = [
  {
    place: 'CROSSING-1',
    countries: ['BY', 'UA'],
    sides: 'Novaya Guta (Belarus) – Novi Yarylovychi (Ukraine)',
    periods: [
      {
        from: '2022-02-24',
        until: null,
        open: false,
        towards: null,
        note: 'Ukraine suspended its checkpoints on the border with Belarus on 24 February 2022.',
      },
    ],
    source: `State Border Committee of Belarus, 24 February 2022; State Border Guard Service of Ukraine, as read on ${crossingsCheckedOn}`,
    checkedOn: crossingsCheckedOn,
  },
  {
    place: 'CROSSING-KOLOTILOVKA',
    countries: ['RU', 'UA'],
    sides: 'Kolotilovka (Russia) – Pokrovka (Ukraine)',
    periods: [
      {
        from: '2022-02-24',
        until: '2023-08-04',
        open: false,
        towards: null,
        note: 'Ukraine closed its checkpoints on the border with Russia on 24 February 2022.',
      },
      {
        from: '2023-08-05',
        until: '2024-08-05',
        open: true,
        towards: 'UA',
        note: 'Humanitarian corridor: Ukrainian citizens on foot, into Ukraine only; the Russian side halted passage at times.',
      },
      { from: '2024-08-06', until: null, open: false, towards: null, note: 'Passage stopped from the Russian side in August 2024.' },
    ],
    source: `Ministry for Reintegration and State Border Guard Service of Ukraine, 6 August 2023 and 12 August 2024, as read on ${crossingsCheckedOn}`,
    checkedOn: crossingsCheckedOn,
  },
  {
    place: 'CROSSING-MOKRANY',
    countries: ['BY', 'UA'],
    sides: 'Mokrany (Belarus) – Domanove (Ukraine)',
    periods: [
      {
        from: '2024-08-09',
        until: null,
        open: true,
        towards: 'UA',
        note: 'Humanitarian corridor: Ukrainian citizens on foot, into Ukraine only; no exit from Ukraine here.',
      },
    ],
    source: `Sumy Regional Military Administration, 9 August 2024; Volyn border guard detachment, 2025, as read on ${crossingsCheckedOn}`,
    checkedOn: crossingsCheckedOn,
  },
];

/** Whether a crossing was open on `date` (towards `country` when given); null when not known, as after `checkedOn`. */
export function crossingOpenOn(crossing: DemoCrossing, date: string, country?: string): boolean | null {
  if (date > crossing.checkedOn) return null;
  const period = crossing.periods.find((p) => p.from <= date && (p.until === null || date <= p.until));
  if (!period) return null;
  return period.open && (!country || !period.towards || period.towards === country);
}

/** Places where people are last seen in the demo. */
export const lastSeenPlaces = demoPlaces.filter((p) => p.type === 'SETTLEMENT' || p.type === 'COLLECTIVE_CENTRE').map((p) => p.key);
/** Where families in Ukraine live in the demo (raions, with their published P-codes). */
export const ukrainianPlaces = demoPlaces.filter((p) => p.pcode?.startsWith('UA') && p.adminLevel === 2 && p.key !== 'UA0706').map((p) => p.key);
export const detentionPlaces = demoPlaces.filter((p) => p.type === 'PLACE_OF_DETENTION').map((p) => p.key);
export const distributionPoints = demoPlaces.filter((p) => p.type === 'DISTRIBUTION_POINT').map((p) => p.key);
export const borderCrossings = demoPlaces.filter((p) => p.type === 'BORDER_CROSSING').map((p) => p.key);

/**
 * How many of each record the seed makes for `people` persons. Subgraphs seed their own share;
 * person `i` (0-based) has id `syntheticId('person', i)`.
 */
export function demoVolumes(people: number) {
  return {
    people,
    familyLinks: Math.floor(people / 2),
    tracingRequests: Math.max(1, Math.floor(people / 10)),
    detentionRecords: Math.max(1, Math.floor(people / 20)),
    messages: Math.max(7, Math.floor(people / 2)),
    assistanceRecords: people,
    distributions: Math.max(5, Math.floor(people / 100)),
  };
}

/** Default size of the demo that `npm start` seeds into empty databases. */
export const DEFAULT_DEMO_PEOPLE = 500;

/** How a subgraph seeds its share of the synthetic demo. */
export interface SeedOptions {
  /** People in the demo; every other volume follows from it (see `demoVolumes`). */
  people: number;
  /** Called with the rows written since the last call, for a progress bar. */
  onProgress?: (rowsWritten: number) => void;
  /**
   * `false` leaves the tables unanalysed, as any bulk load leaves them until ANALYZE: for checking
   * that query plans do not depend on statistics. The seed analyses its tables by default.
   */
  analyse?: boolean;
}
