import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Geometry } from 'geojson';
import {
  areaGeometryInput,
  HAZARD_MAX,
  MAX_IMPORTED_AREAS,
  NAME_MAX,
  type AreaImportQuery,
} from '@shared/areas/contract.js';
import type { BilingualText, ErrorCode, FieldError } from '@shared/errors.js';
import { bilingualRef, ref, t } from '@shared/i18n/index.js';
import type { MessageRef } from '@shared/i18n/define.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { riskLevels, type RiskLevel } from '@shared/reference/contract.js';
import { AppError } from '@server/core/errors.js';
import type { AreaValues } from './repository.js';

/** What a file gives an area; a language the file doesn't have stays empty for an editor to fill. */
export type ImportedArea = AreaValues;

const refused = (reason: MessageRef, code: ErrorCode, path = 'body') => {
  const text = bilingualRef(reason);
  return new AppError(400, code, text, { fields: [{ path, message: text }] });
};

/** Text a file carries, made safe to store: no NUL or lone surrogates, no markup, one line of spaces, bounded. */
function clean(value: unknown, max: number): string | undefined {
  const raw =
    typeof value === 'string'
      ? value
      : value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string'
        ? (value as { value: string }).value // togeojson's { '@type': 'html', value }
        : undefined;
  if (raw === undefined) return undefined;
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
  return text || undefined;
}

/** A property that may be one text (in the file's language) or both (`{en, es}`, as our own export writes). */
function bilingualOf(value: unknown, language: 'en' | 'es', max: number): Partial<BilingualText> {
  if (value && typeof value === 'object' && ('en' in value || 'es' in value)) {
    const pair = value as Record<string, unknown>;
    return { en: clean(pair.en, max), es: clean(pair.es, max) };
  }
  return { [language]: clean(value, max) };
}

/** Polygons of a geometry as one outline: a Polygon, a MultiPolygon, or the polygons of a collection. */
function outlineOf(geometry: Geometry | null): Geometry | null {
  if (!geometry) return null;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return geometry;
  if (geometry.type === 'GeometryCollection') {
    const polygons = geometry.geometries.flatMap((g) => {
      const outline = outlineOf(g);
      return outline?.type === 'Polygon'
        ? [outline.coordinates]
        : outline?.type === 'MultiPolygon'
          ? outline.coordinates
          : [];
    });
    return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
  }
  return null;
}

interface FileFeature {
  geometry: Geometry | null;
  properties: Record<string, unknown> | null;
}

/**
 * The areas a file's polygons make, all checked before any is written: every outline through
 * the polygon rules (a refusal names the feature and where it is wrong). Points and lines are
 * not areas and are passed over; a file with no polygons at all is refused.
 */
function areasOf(features: readonly FileFeature[], options: AreaImportQuery): ImportedArea[] {
  const polygonal = features.flatMap((feature, index) => {
    const outline = outlineOf(feature.geometry);
    return outline ? [{ index, outline, properties: feature.properties ?? {} }] : [];
  });
  if (polygonal.length === 0) throw refused(ref('areaImport.noAreas'), 'no_areas');
  if (polygonal.length > MAX_IMPORTED_AREAS)
    throw refused(
      ref('areaImport.tooMany', { count: polygonal.length, maximum: MAX_IMPORTED_AREAS }),
      'too_many_areas',
    );
  return polygonal.map(({ index, outline, properties }, number) => {
    const name = bilingualOf(properties.name, options.language, NAME_MAX);
    if (!name.en && !name.es)
      name[options.language] = t(options.language, 'areaImport.unnamed', { number: number + 1 });
    const parsed = areaGeometryInput.safeParse(outline);
    if (!parsed.success) {
      const issue = describeIssue(parsed.error.issues[0]!, `features.${index}.geometry`);
      const label = (name[options.language] ?? name.en ?? name.es)!;
      const message = {
        en: t('en', 'areaImport.feature', { name: label, reason: issue.message.en }),
        es: t('es', 'areaImport.feature', { name: label, reason: issue.message.es }),
      };
      const field: FieldError = { path: issue.path, message };
      throw new AppError(400, 'validation_failed', message, { fields: [field] });
    }
    const level = properties.riskLevel;
    const season = bilingualOf(properties.season, options.language, NAME_MAX);
    return {
      name,
      hazard: bilingualOf(properties.hazard ?? properties.description, options.language, HAZARD_MAX),
      season: season.en || season.es ? season : null,
      riskLevel: riskLevels.includes(level as RiskLevel) ? (level as RiskLevel) : options.riskLevel,
      geometry: parsed.data,
    };
  });
}

/** A GeoJSON file (RFC 7946): a FeatureCollection, a Feature, or a bare geometry. */
export function areasFromGeoJson(text: string, options: AreaImportQuery): ImportedArea[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw refused(ref('areaImport.malformed', { reason: (error as Error).message }), 'malformed');
  }
  const object = (document && typeof document === 'object' ? document : {}) as Record<string, unknown>;
  const features: FileFeature[] =
    object.type === 'FeatureCollection' && Array.isArray(object.features)
      ? (object.features as FileFeature[]).filter((f) => f && typeof f === 'object')
      : object.type === 'Feature'
        ? [object as unknown as FileFeature]
        : typeof object.type === 'string' && 'coordinates' in object
          ? [{ geometry: object as unknown as Geometry, properties: {} }]
          : [];
  if (features.length === 0) throw refused(ref('areaImport.notGeoJson'), 'not_geojson');
  return areasOf(features, options);
}

/**
 * A KML file (OGC KML 2.2), as other agencies send their areas: Placemarks with Polygons or
 * MultiGeometry, in Folders, with Styles (ignored). A DOCTYPE or entity declaration is refused
 * before parsing (KML never needs one; it is how entity-expansion attacks start), then
 * well-formedness and a `<kml>` root; `@tmcw/togeojson` reads the rest.
 */
export function areasFromKml(text: string, options: AreaImportQuery): ImportedArea[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw refused(ref('areaImport.doctype'), 'xml_doctype');
  let document: ReturnType<DOMParser['parseFromString']>;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.slice(0, 300);
    throw refused(ref('areaImport.malformed', { reason }), 'xml_malformed');
  }
  if (document.documentElement?.localName !== 'kml') throw refused(ref('areaImport.notKml'), 'not_kml');
  return areasOf(kml(document).features, options);
}
