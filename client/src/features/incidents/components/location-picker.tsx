import { useEffect, useRef, useState } from 'react';
import { Marker, type MapRef } from 'react-map-gl/maplibre';
import type { LatLon } from '@shared/reference/contract.js';
import { MapView } from '@client/components/map-view.js';
import { PlaceSearchBox } from '@client/components/place-search-box.js';
import { useConfig } from '@client/lib/config.js';
import type { SearchEntry } from '@client/lib/place-search.js';
import { usePlaceSearchIndex } from '@client/lib/use-place-search-index.js';

const round = (value: number) => Math.round(value * 1e5) / 1e5; // ~1 m is plenty for a report

/** Zoom a found place opens at, as on the border map: the town's streets and the crossing's approaches. */
const PLACE_ZOOM = 10;

/** How long typed coordinates rest before the map follows them. */
const TYPING_PAUSE_MS = 400;
/** The closest the map comes when it follows typed coordinates. */
const FOLLOW_MAX_ZOOM = 8;

/** An extent [west, south, east, north]. */
export type Bounds = readonly [number, number, number, number];

interface Props {
  value: LatLon | null;
  onPick: (point: LatLon) => void;
  /** Where the map opens: the reporter's own stretch of the border (null: the whole border). */
  home: Bounds | null;
}

/**
 * Find a town, port or area by name (the map's place search), or click the map, to place the
 * incident; typed coordinates move the marker, and the map to it when it is out of view.
 */
export function LocationPicker({ value, onPick, home }: Props) {
  const { mapStyleUrl } = useConfig();
  const index = usePlaceSearchIndex();
  const mapRef = useRef<MapRef>(null);
  const [loaded, setLoaded] = useState(false);
  // The point last found by name; once the point moves elsewhere (a click, typed coordinates), the
  // search box starts afresh (a new `key`) rather than keep a name that is no longer true.
  const [found, setFound] = useState<LatLon | null>(null);
  const [searchKey, setSearchKey] = useState(0);
  // Home once: the reporter's mechanism may load after the map, but never moves it once a place is picked.
  const moved = useRef(false);

  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !home || moved.current) return;
    moved.current = true;
    const [west, south, east, north] = home;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 16, duration: 0 },
    );
  }, [loaded, home]);

  // By value: the form hands a new object on every render.
  const { lat, lon } = value ?? {};
  const atFound = found?.lat === lat && found?.lon === lon;
  useEffect(() => {
    const map = mapRef.current;
    // A place found by name is flown to already (`choose`).
    if (!loaded || !map || lat === undefined || lon === undefined || atFound) return;
    // Once the typing stops: "3", "32", "32.5" on the way to 32.55 are not places to go.
    const settle = setTimeout(() => {
      if (map.getBounds().contains([lon, lat])) return;
      moved.current = true;
      // Zoomed out enough to show the towns around it: a marker on blank land says nothing.
      map.easeTo({ center: [lon, lat], zoom: Math.min(map.getZoom(), FOLLOW_MAX_ZOOM) });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(settle);
  }, [loaded, lat, lon, atFound]);

  useEffect(() => {
    if (!found || atFound) return;
    setFound(null);
    setSearchKey((key) => key + 1);
  }, [found, atFound]);

  function choose(entry: SearchEntry) {
    const point = { lat: round(entry.latitude), lon: round(entry.longitude) };
    moved.current = true;
    setFound(point);
    onPick(point);
    mapRef.current?.flyTo({ center: [entry.longitude, entry.latitude], zoom: PLACE_ZOOM });
  }

  return (
    <>
      <PlaceSearchBox key={searchKey} index={index} onChoose={choose} />
      <MapView
        styleUrl={mapStyleUrl}
        mapRef={mapRef}
        className="picker-map"
        testId="location-picker"
        cursor="crosshair"
        onLoad={() => setLoaded(true)}
        onClick={(event) => {
          moved.current = true;
          onPick({ lat: round(event.lngLat.lat), lon: round(event.lngLat.lng) });
        }}
      >
        {value && <Marker longitude={value.lon} latitude={value.lat} color="#c92a2a" />}
      </MapView>
    </>
  );
}
