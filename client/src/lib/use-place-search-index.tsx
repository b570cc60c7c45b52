import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MapOverlay, MapPlace } from './feature.js';
import { useI18n } from './i18n.js';
import { loadBasemap, type Town } from './map/basemap.js';
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

const SearchedOverlays = createContext<readonly MapOverlay[]>([]);

/**
 * The app gives the overlays whose places are searched (its fixed list), so a feature's form
 * finds the ports, areas and mechanisms of other features without knowing them.
 */
export function PlaceSearchProvider({ overlays, children }: { overlays: readonly MapOverlay[]; children: ReactNode }) {
  return <SearchedOverlays.Provider value={overlays}>{children}</SearchedOverlays.Provider>;
}

/**
 * Everything the place search finds (the map's, the report form's, who to call's): towns and
 * every overlay's named features. The overlays are the app's fixed list, so their `usePlaces`
 * hooks are called in the same order on every render.
 */
export function usePlaceSearchIndex(): SearchIndex {
  const overlays = useContext(SearchedOverlays);
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
