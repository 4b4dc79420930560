import type { Modality, Unit } from './generated/prisma/client';

/** How an item may be recorded: the units that make sense for it and a ceiling that catches typing errors. */
export interface ItemType {
  item: string;
  units: Unit[];
  modalities: Modality[];
  /** Largest quantity one record may carry; a distribution's total may reach this times `MAX_RECORDS_PER_DISTRIBUTION`. */
  maxQuantityPerRecord: number;
}

/** A distribution's total is at most this many records' worth of an item. */
export const MAX_RECORDS_PER_DISTRIBUTION = 100_000;

/**
 * The items partners record. A closed list, so that reports add up like with like: a "food parcel"
 * counted in kilograms by one partner and in parcels by another could not be summed.
 */
export const itemTypes: ItemType[] = [
  { item: 'food parcel', units: ['PARCEL'], modalities: ['IN_KIND'], maxQuantityPerRecord: 50 },
  { item: 'hygiene kit', units: ['KIT'], modalities: ['IN_KIND'], maxQuantityPerRecord: 50 },
  { item: 'kitchen set', units: ['KIT'], modalities: ['IN_KIND'], maxQuantityPerRecord: 10 },
  { item: 'blanket', units: ['PIECE'], modalities: ['IN_KIND'], maxQuantityPerRecord: 50 },
  { item: 'mattress', units: ['PIECE'], modalities: ['IN_KIND'], maxQuantityPerRecord: 50 },
  { item: 'tarpaulin', units: ['PIECE'], modalities: ['IN_KIND'], maxQuantityPerRecord: 20 },
  { item: 'wheat flour', units: ['KG'], modalities: ['IN_KIND'], maxQuantityPerRecord: 500 },
  { item: 'drinking water', units: ['LITRE'], modalities: ['IN_KIND'], maxQuantityPerRecord: 5_000 },
  { item: 'cash grant', units: ['CURRENCY'], modalities: ['CASH'], maxQuantityPerRecord: 1_000_000 },
  { item: 'food voucher', units: ['CURRENCY'], modalities: ['VOUCHER'], maxQuantityPerRecord: 100_000 },
  { item: 'transport', units: ['PIECE', 'CURRENCY'], modalities: ['SERVICE', 'CASH', 'VOUCHER'], maxQuantityPerRecord: 100_000 },
];

const byItem = new Map(itemTypes.map((type) => [type.item, type]));

export const itemType = (item: string): ItemType | undefined => byItem.get(item);
