import { syntheticId } from '@movement/runtime/demo';

type Modality = 'IN_KIND' | 'CASH' | 'VOUCHER' | 'SERVICE';
type Unit = 'KIT' | 'PARCEL' | 'KG' | 'LITRE' | 'PIECE' | 'CURRENCY';
type Sector = 'FOOD_SECURITY' | 'SHELTER' | 'WASH' | 'HEALTH' | 'PROTECTION' | 'EARLY_RECOVERY';

/** What one household receives of an item; `perPerson` scales the quantity with household size. */
interface DemoItem {
  item: string;
  modality: Modality;
  unit: Unit;
  quantity: number;
  currency: string | null;
  perPerson: boolean;
}

export interface DemoProgramme {
  key: string;
  name: string;
  /** Organisation key in `demoOrganizations`. */
  partner: string;
  sector: Sector;
  startDate: string;
  endDate: string | null;
  /** Place keys in `demoPlaces`. */
  targetAreas: string[];
  /** Distribution points (place keys) where it hands out assistance. */
  points: string[];
  /** Organisation keys the partner shares its records with. */
  sharedWith: string[];
  items: DemoItem[];
}

const foodParcel: DemoItem = { item: 'food parcel', modality: 'IN_KIND', unit: 'PARCEL', quantity: 1, currency: null, perPerson: false };
const hygieneKit: DemoItem = { item: 'hygiene kit', modality: 'IN_KIND', unit: 'KIT', quantity: 1, currency: null, perPerson: true };
const blanket: DemoItem = { item: 'blanket', modality: 'IN_KIND', unit: 'PIECE', quantity: 1, currency: null, perPerson: true };
const kitchenSet: DemoItem = { item: 'kitchen set', modality: 'IN_KIND', unit: 'KIT', quantity: 1, currency: null, perPerson: false };

/**
 * The demo's programmes: who ran what, where and when (synthetic, in the spirit of the 3W).
 * Distribution d goes to programme d mod n, so the first five (the smallest demo has five
 * distributions) cover every kind of partner, and both currencies.
 */
export const demoProgrammes: DemoProgramme[] = [
  {
    key: 'RRC-BELGOROD-FOOD-2024',
    name: 'Food parcels for displaced families, Belgorod',
    partner: 'RRC-BELGOROD',
    sector: 'FOOD_SECURITY',
    startDate: '2024-01-15',
    endDate: '2024-12-31',
    targetAreas: ['RU-BEL-01', 'RU-BEL-02'],
    points: ['DP-BELGOROD-1', 'DP-SHEBEKINO-1'],
    sharedWith: ['RRC', 'ICRC-MOSCOW'],
    items: [foodParcel],
  },
  {
    key: 'ICRC-MOSCOW-CASH-2024',
    name: 'Multipurpose cash assistance, Belgorod and Kursk',
    partner: 'ICRC-MOSCOW',
    sector: 'EARLY_RECOVERY',
    startDate: '2024-05-01',
    endDate: '2025-04-30',
    targetAreas: ['RU-BEL', 'RU-KRS'],
    points: ['DP-BELGOROD-1', 'DP-KURSK-1'],
    sharedWith: ['RRC'],
    items: [{ item: 'cash grant', modality: 'CASH', unit: 'CURRENCY', quantity: 5000, currency: 'RUB', perPerson: true }],
  },
  {
    key: 'BRC-VOUCHERS-2024',
    name: 'Food and necessities vouchers for families from Ukraine, Gomel',
    partner: 'BRC',
    sector: 'FOOD_SECURITY',
    startDate: '2024-02-01',
    endDate: '2024-11-30',
    targetAreas: ['BY-HO'],
    points: ['DP-GOMEL-1'],
    sharedWith: ['BRC-GOMEL', 'ICRC-MINSK'],
    items: [{ item: 'food voucher', modality: 'VOUCHER', unit: 'CURRENCY', quantity: 50, currency: 'BYN', perPerson: true }],
  },
  {
    key: 'RRC-KURSK-FOOD-2024',
    name: 'Food parcels for evacuees, Kursk',
    partner: 'RRC-KURSK',
    sector: 'FOOD_SECURITY',
    startDate: '2024-08-20',
    endDate: null,
    targetAreas: ['RU-KRS-01'],
    points: ['DP-KURSK-1'],
    sharedWith: ['RRC'],
    items: [foodParcel],
  },
  {
    key: 'RRC-HYGIENE-2024',
    name: 'Hygiene kits for displaced people, Belgorod and Kursk',
    partner: 'RRC',
    sector: 'WASH',
    startDate: '2024-03-01',
    endDate: '2025-02-28',
    targetAreas: ['RU-BEL', 'RU-KRS'],
    points: ['DP-BELGOROD-1', 'DP-KURSK-1'],
    sharedWith: ['ICRC-MOSCOW'],
    items: [hygieneKit],
  },
  {
    key: 'BRC-CASH-2025',
    name: 'Cash grants for families from Ukraine, Gomel',
    partner: 'BRC',
    sector: 'EARLY_RECOVERY',
    startDate: '2025-01-15',
    endDate: null,
    targetAreas: ['BY-HO', 'BY-HM'],
    points: ['DP-GOMEL-1'],
    sharedWith: ['ICRC-MINSK'],
    items: [{ item: 'cash grant', modality: 'CASH', unit: 'CURRENCY', quantity: 100, currency: 'BYN', perPerson: true }],
  },
  {
    key: 'ICRC-MOSCOW-WINTER-2024',
    name: 'Winter support to displaced families, Belgorod',
    partner: 'ICRC-MOSCOW',
    sector: 'SHELTER',
    startDate: '2024-11-01',
    endDate: '2025-03-31',
    targetAreas: ['RU-BEL-01', 'RU-BEL-02'],
    points: ['DP-BELGOROD-1', 'DP-SHEBEKINO-1'],
    sharedWith: ['RRC-BELGOROD'],
    items: [blanket, kitchenSet],
  },
  {
    key: 'BRC-SHELTER-2024',
    name: 'Winter shelter items, Gomel',
    partner: 'BRC',
    sector: 'SHELTER',
    startDate: '2024-10-01',
    endDate: '2025-03-31',
    targetAreas: ['BY-HO-01'],
    points: ['DP-GOMEL-1'],
    sharedWith: ['BRC-GOMEL'],
    items: [blanket, { item: 'mattress', modality: 'IN_KIND', unit: 'PIECE', quantity: 1, currency: null, perPerson: true }],
  },
];

export const programmeId = (key: string) => syntheticId('assistance-programme', key);

/** Days from a programme's start within which its distributions fall (a year when open-ended). */
export function programmeSpanDays(programme: DemoProgramme): number {
  if (!programme.endDate) return 365;
  return Math.round((Date.parse(programme.endDate) - Date.parse(programme.startDate)) / 86_400_000) + 1;
}
