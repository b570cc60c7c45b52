import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';
import { Layer, Marker, Source, type LayerProps, type MapRef } from 'react-map-gl/maplibre';
import { ringFrom, type Position2 } from '@shared/polygon.js';
import { MapView } from '@client/components/map-view.js';
import { withSharedProgram } from '@client/lib/map/shared-programs.js';
import { useConfig } from '@client/lib/config.js';
import { useI18n } from '@client/lib/i18n.js';
import './field.css';
import './polygon-draw-map.css';

interface Props {
  /** The outline: a closed Polygon, or null while nothing is drawn or the outline is still open. */
  value: Polygon | null;
  /** Called with the closed outline (exterior ring counter-clockwise), or null when it is cleared or reopened. */
  onChange: (value: Polygon | null) => void;
  /** What the outline is of ("Area outline"): names the group for screen readers. */
  label: string;
  /**
   * Shapes drawn faintly underneath for reference (other areas, say); a feature's `stroke` and
   * `stroke-width` properties (simplestyle) draw it more boldly (the areas an advisory is for).
   */
  context?: FeatureCollection;
  /** A message about the outline (the form's validation), shown under the map. */
  error?: string;
  testId?: string;
  className?: string;
}

/** How far an arrow key moves a focused corner, in degrees (Shift: ten times as far). */
const NUDGE = 0.01;
const colour = '#1971c2';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const round = (n: number) => Math.round(n * 1e5) / 1e5; // ~1 m

const exteriorOf = (polygon: Polygon): Position2[] =>
  (polygon.coordinates[0] ?? []).slice(0, -1).map(([lon, lat]) => [lon!, lat!]);
const polygonOf = (vertices: Position2[], holes: Polygon['coordinates'] = []): Polygon => ({
  type: 'Polygon',
  coordinates: [ringFrom(vertices), ...holes],
});

/** A GeoJSON Polygon in what was pasted: a geometry, a Feature, or the first polygon of a FeatureCollection. */
function pastedPolygon(value: unknown): Polygon | null {
  if (!value || typeof value !== 'object') return null;
  const object = value as { type?: unknown; geometry?: unknown; features?: unknown; coordinates?: unknown };
  if (object.type === 'Polygon' && Array.isArray(object.coordinates))
    return {
      type: 'Polygon',
      coordinates: (object.coordinates as unknown[][]).map((ring) =>
        (Array.isArray(ring) ? ring : []).map((p) => (Array.isArray(p) ? [Number(p[0]), Number(p[1])] : [NaN, NaN])),
      ),
    };
  if (object.type === 'Feature') return pastedPolygon(object.geometry);
  if (object.type === 'FeatureCollection' && Array.isArray(object.features))
    for (const feature of object.features) {
      const found = pastedPolygon(feature);
      if (found) return found;
    }
  return null;
}

function boundsOf(polygon: Polygon | null): LngLatBoundsLike | null {
  const positions = polygon?.coordinates[0] ?? [];
  if (positions.length === 0) return null;
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * Draw or edit one polygon on the border map: click to place corners, click the first corner
 * (or "Close outline") to finish, drag a corner (or focus it and use the arrow keys) to move it,
 * undo the last corner, clear. Typing or pasting GeoJSON does the same without a pointer. The
 * outline it reports is closed and wound counter-clockwise (RFC 7946); holes of a given value
 * are kept as they are. Checking the outline is the caller's (shared/polygon.ts).
 */
export function PolygonDrawMap({ value, onChange, label, context, error, testId, className }: Props) {
  const { t } = useI18n();
  const { mapStyleUrl } = useConfig();
  const pasteId = useId();
  const [draft, setDraft] = useState<Position2[]>([]);
  const closed = value !== null;
  const vertices = useMemo(() => (value ? exteriorOf(value) : draft), [value, draft]);
  const holes = value?.coordinates.slice(1) ?? [];

  const [text, setText] = useState(() => (value ? JSON.stringify(value) : ''));
  const [pasteError, setPasteError] = useState<string | null>(null);
  // The text follows the drawing, so what a keyboard user reads is what is on the map.
  useEffect(() => setText(value ? JSON.stringify(value) : ''), [value]);

  const shape: FeatureCollection = useMemo(() => {
    const features: Feature[] = [];
    if (value) features.push({ type: 'Feature', properties: {}, geometry: value });
    else if (draft.length >= 2)
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: draft } });
    return { type: 'FeatureCollection', features };
  }, [value, draft]);

  const add = (position: Position2) => setDraft((d) => [...d, position]);
  const close = () => {
    if (draft.length < 3) return;
    onChange(polygonOf(draft));
    setDraft([]);
  };
  const undo = () => {
    if (closed) {
      setDraft(vertices.slice(0, -1));
      onChange(null);
    } else setDraft((d) => d.slice(0, -1));
  };
  const clear = () => {
    setDraft([]);
    onChange(null);
  };
  const move = (index: number, position: Position2) => {
    const next = vertices.map((v, i) => (i === index ? position : v));
    if (closed) onChange(polygonOf(next, holes));
    else setDraft(next);
  };
  const nudge = (index: number, event: KeyboardEvent) => {
    const step = event.shiftKey ? NUDGE * 10 : NUDGE;
    const delta = { ArrowUp: [0, step], ArrowDown: [0, -step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] }[
      event.key
    ];
    if (!delta) return;
    event.preventDefault();
    const [lon, lat] = vertices[index]!;
    move(index, [round(lon + delta[0]!), round(lat + delta[1]!)]);
  };
  const applyText = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setPasteError(t('polygon.paste.notJson'));
      return;
    }
    const polygon = pastedPolygon(parsed);
    if (!polygon) {
      setPasteError(t('polygon.paste.notPolygon'));
      return;
    }
    setPasteError(null);
    setDraft([]);
    onChange(polygon);
  };
  const fit = (map: MapRef) => {
    const bounds = boundsOf(value);
    if (bounds) map.fitBounds(bounds, { padding: 40, duration: 0, maxZoom: 11 });
  };

  return (
    <div className={`polygon-draw ${className ?? ''}`} role="group" aria-label={label} data-testid={testId}>
      <p className="polygon-draw-help">{t('polygon.draw.instructions')}</p>
      <MapView
        styleUrl={mapStyleUrl}
        className="polygon-draw-map"
        testId={testId ? `${testId}-map` : undefined}
        cursor={closed ? 'grab' : 'crosshair'}
        onLoad={(event) => fit(event.target as unknown as MapRef)}
        onClick={(event) => {
          if (!closed) add([round(event.lngLat.lng), round(event.lngLat.lat)]);
        }}
      >
        <Source id="polygon-draw-context" type="geojson" data={context ?? EMPTY}>
          <Layer
            {...withSharedProgram<LayerProps>({
              id: 'polygon-draw-context-line',
              type: 'line',
              paint: {
                'line-color': ['coalesce', ['get', 'stroke'], '#868e96'],
                'line-width': ['coalesce', ['get', 'stroke-width'], 1],
              },
            })}
          />
        </Source>
        <Source id="polygon-draw-shape" type="geojson" data={shape}>
          <Layer
            {...withSharedProgram<LayerProps>({
              id: 'polygon-draw-fill',
              type: 'fill',
              filter: ['==', ['geometry-type'], 'Polygon'],
              paint: { 'fill-color': colour, 'fill-opacity': 0.2 },
            })}
          />
          <Layer
            {...withSharedProgram<LayerProps>({
              id: 'polygon-draw-line',
              type: 'line',
              paint: { 'line-color': colour, 'line-width': 2, ...(closed ? {} : { 'line-dasharray': [2, 1] }) },
            })}
          />
        </Source>
        {vertices.map(([lon, lat], index) => (
          <Marker
            key={index}
            longitude={lon}
            latitude={lat}
            draggable
            onDragEnd={(event) => move(index, [round(event.lngLat.lng), round(event.lngLat.lat)])}
            onClick={(event) => {
              // A corner is not a place on the map: the click stops here.
              event.originalEvent.stopPropagation();
            }}
          >
            <button
              type="button"
              className={`polygon-draw-vertex ${index === 0 && !closed && draft.length >= 3 ? 'closes' : ''}`}
              aria-label={t('polygon.draw.vertex', { number: index + 1 })}
              data-testid="polygon-vertex"
              onClick={() => index === 0 && !closed && close()}
              onKeyDown={(event) => nudge(index, event)}
            />
          </Marker>
        ))}
      </MapView>
      <div className="polygon-draw-tools">
        <span role="status" aria-live="polite" data-testid="polygon-draw-status">
          {closed
            ? t('polygon.draw.closed', { count: vertices.length })
            : draft.length
              ? t('polygon.draw.status', { count: draft.length })
              : t('polygon.draw.none')}
        </span>
        <button type="button" onClick={close} disabled={closed || draft.length < 3}>
          {t('polygon.draw.close')}
        </button>
        <button type="button" onClick={undo} disabled={vertices.length === 0}>
          {t('polygon.draw.undo')}
        </button>
        <button type="button" onClick={clear} disabled={vertices.length === 0}>
          {t('polygon.draw.clear')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="polygon-draw-paste">
        <label htmlFor={pasteId}>{t('polygon.paste.label')}</label>
        <textarea
          id={pasteId}
          rows={3}
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          data-testid="polygon-geojson"
        />
        <button type="button" onClick={applyText} disabled={!text.trim()}>
          {t('polygon.paste.apply')}
        </button>
        {pasteError && (
          <span className="field-error" role="alert">
            {pasteError}
          </span>
        )}
      </div>
    </div>
  );
}
