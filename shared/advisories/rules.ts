import intersect from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaShape, MechanismArea } from '@shared/geo.js';
import type { PolygonGeometry } from '@shared/reference/contract.js';
import type { AdvisoryStatus, AdvisoryText } from './contract.js';

function overlaps(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  return (
    intersect(
      featureCollection([
        { type: 'Feature', properties: {}, geometry: a },
        { type: 'Feature', properties: {}, geometry: b },
      ]),
    ) !== null
  );
}

/** High-risk areas (Plan of Action I) that any of `shapes` overlaps: what an imported CAP message is about. */
export function areasOverlapping(shapes: readonly PolygonGeometry[], areas: readonly AreaShape[]): string[] {
  return areas.filter((area) => shapes.some((shape) => overlaps(shape, area.geometry))).map((area) => area.id);
}

/** Mechanisms whose area any of `shapes` overlaps (Plan of Action VIII): whose officers an advisory alerts. */
export function mechanismsTouched(shapes: readonly PolygonGeometry[], mechanisms: readonly MechanismArea[]): string[] {
  return mechanisms.filter((m) => shapes.some((shape) => overlaps(shape, m.area))).map((m) => m.mechanismId);
}

/** Languages an advisory lacks: both are required to publish (the agreement's peers read their own). */
export function missingLanguages(text: Partial<Record<keyof AdvisoryText, string | null>>): Array<'en' | 'es'> {
  return (['en', 'es'] as const).filter((language) => !text[language]?.trim());
}

/**
 * Active at `now`: published and not yet past `validTo` (one that starts later is announced
 * ahead, as weather services do). Expiry itself is due work at `validTo`; this keeps a
 * reader's answer right in the moment before it runs.
 */
export function isActive(advisory: { status: AdvisoryStatus; validTo: string }, now: Date): boolean {
  return advisory.status === 'published' && Date.parse(advisory.validTo) > now.getTime();
}
