import { analyseSchema, type SqlDriver } from '@movement/runtime';
import { demoCrossings, demoOrganizations, demoPlaces, syntheticId, type SeedOptions } from '@movement/runtime/demo';

/**
 * Seeds the Movement's organisations and the demo places (Russia and Belarus down to settlements,
 * Ukraine's oblasts, the facilities of the founding text) and what is known of the real border
 * crossings. The catalogue is small and fixed: `people` does not scale it.
 */
/** Rows `seed` writes and reports through `onProgress`: the fixed catalogue (a crossing counts once), whatever `people` is. */
export function expectedRows(_people: number): number {
  return demoOrganizations.length + demoPlaces.length + demoCrossings.length;
}

export async function seed(driver: SqlDriver, options: SeedOptions): Promise<void> {
  await driver.transaction(async (tx) => {
    for (const org of demoOrganizations) {
      await tx.query(
        `INSERT INTO "locations"."Organization" (id, type, name, "shortName", "countryCode", "parentId")
         VALUES ($1, $2::"locations"."OrganizationType", $3, $4, $5, $6)`,
        [syntheticId('organization', org.key), org.type, org.name, org.shortName, org.countryCode, org.parent ? syntheticId('organization', org.parent) : null],
      );
    }
    const byKey = new Map(demoPlaces.map((p) => [p.key, p]));
    const ancestorsOf = (key: string | null): string[] => {
      const chain: string[] = [];
      for (let at = key; at; at = byKey.get(at)?.parent ?? null) chain.unshift(syntheticId('location', at));
      return chain;
    };
    // Parents come before children in the catalogue, so the foreign key holds row by row.
    for (const place of demoPlaces) {
      await tx.query(
        `INSERT INTO "locations"."Location" (id, type, pcode, "adminLevel", name, names, "parentId", "ancestorIds", latitude, longitude, "organizationId")
         VALUES ($1, $2::"locations"."LocationType", $3, $4, $5, $6::jsonb, $7, $8::uuid[], $9, $10, $11)`,
        [
          syntheticId('location', place.key),
          place.type,
          place.pcode,
          place.adminLevel,
          place.name,
          JSON.stringify(place.names.map(([language, script, value]) => ({ language, script, value }))),
          place.parent ? syntheticId('location', place.parent) : null,
          ancestorsOf(place.parent),
          place.coordinates?.[0] ?? null,
          place.coordinates?.[1] ?? null,
          place.operatedBy ? syntheticId('organization', place.operatedBy) : null,
        ],
      );
    }
    for (const crossing of demoCrossings) {
      const locationId = syntheticId('location', crossing.place);
      await tx.query(
        `INSERT INTO "locations"."BorderCrossing" ("locationId", "countryCodes", sides, source, "checkedOn") VALUES ($1, $2::char(2)[], $3, $4, $5::date)`,
        [locationId, crossing.countries, crossing.sides, crossing.source, crossing.checkedOn],
      );
      for (const [index, period] of crossing.periods.entries()) {
        await tx.query(
          `INSERT INTO "locations"."BorderCrossingPeriod" (id, "locationId", "fromDate", "untilDate", open, "towardsCountry", note)
           VALUES ($1, $2, $3::date, $4::date, $5, $6, $7)`,
          [syntheticId('crossing-period', `${crossing.place}:${index}`), locationId, period.from, period.until, period.open, period.towards, period.note],
        );
      }
    }
  });
  options.onProgress?.(expectedRows(options.people));
  if (options.analyse !== false) await analyseSchema(driver, 'locations');
}

export async function isSeeded(driver: SqlDriver): Promise<boolean> {
  const [row] = await driver.query<{ seeded: boolean }>(`SELECT EXISTS (SELECT 1 FROM "locations"."Organization") AS seeded`);
  return row?.seeded ?? false;
}
