import { useEffect, useMemo, useState } from 'react';
import type { MapOverlay, MapPlace } from '@client/lib/feature.js';
import { useI18n } from '@client/lib/i18n.js';
import { loadBasemap, type Town } from '@client/lib/map/basemap.js';
import { searchIndex, type SearchEntry, type SearchIndex } from './place-search.js';

/**
 * A feature of an overlay outranks a town of the same name (the port at Nogales before the
 * town): it is what a supervisor is after, and the town's name shows on the map around it.
 */
const FEATURE_WEIGHT = 10_000_000;

const NO_PLACES: readonly MapPlace[] = [];
const NO_TOWNS: readonly Town[] = [];

/** The basemap's towns, once loaded (the same file the offline map draws). */
function useTowns(): readonly Town[] {
  const [towns, setTowns] = useState<readonly Town[]>(NO_TOWNS);
  useEffect(() => {
    let cancelled = false;
    // Without the file the search still finds the overlays' features.
    loadBasemap().then(
      (basemap) => cancelled || setTowns(basemap.towns),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return towns;
}

/**
 * Everything the map's search finds: towns and every overlay's named features. `overlays`
 * is the app's fixed list, so the overlays' `usePlaces` hooks are called in the same order
 * on every render.
 */
export function usePlaceSearchIndex(overlays: readonly MapOverlay[]): SearchIndex {
  const { t, language } = useI18n();
  const towns = useTowns();
  const places = overlays.map((overlay) => overlay.usePlaces?.() ?? NO_PLACES);
  return useMemo(() => {
    const entries: SearchEntry[] = towns.map((town) => ({
      key: `town:${town.name}@${town.longitude},${town.latitude}`,
      label: town.name,
      detail: t(town.country === 'MX' ? 'map.search.townMX' : 'map.search.townUS'),
      names: [town.name],
      longitude: town.longitude,
      latitude: town.latitude,
      weight: town.population,
    }));
    overlays.forEach((overlay, i) => {
      for (const place of places[i]!) {
        entries.push({
          key: `${overlay.id}:${place.featureId}`,
          label: place.name[language],
          detail: t(overlay.legend.label),
          names: [place.name.en, place.name.es, ...(place.aliases ?? [])],
          longitude: place.longitude,
          latitude: place.latitude,
          bounds: place.bounds,
          weight: FEATURE_WEIGHT + overlay.order,
          overlayId: overlay.id,
          featureId: place.featureId,
        });
      }
    });
    return searchIndex(entries);
    // `places` is a new array each render; its members are the overlays' memoised lists.
  }, [towns, t, language, overlays, ...places]);
}
