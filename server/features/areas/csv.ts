import { centroidOf } from '@shared/polygon.js';
import type { AreaFeature } from '@shared/reference/contract.js';

/** RFC 4180 field; text that a spreadsheet would run as a formula (=, +, -, @) is quoted with a leading '. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const areaCsvColumns = [
  'id',
  'name_en',
  'name_es',
  'hazard_en',
  'hazard_es',
  'risk_level',
  'season_en',
  'season_es',
  'centroid_lat',
  'centroid_lon',
  'missing',
] as const;

/**
 * High-risk areas as CSV (one row each; the outline itself is in GET /api/areas.geojson): names,
 * hazard, risk and season in both languages, the centroid, and the wording still missing.
 */
export function areasCsv(areas: readonly AreaFeature[]): string {
  const rows = areas.map((area) => {
    const p = area.properties;
    const [lon, lat] = centroidOf(area.geometry);
    return [
      area.id,
      p.missing.includes('name.en') ? '' : p.name.en,
      p.missing.includes('name.es') ? '' : p.name.es,
      p.missing.includes('hazard.en') ? '' : p.hazard.en,
      p.missing.includes('hazard.es') ? '' : p.hazard.es,
      p.riskLevel,
      p.season && !p.missing.includes('season.en') ? p.season.en : '',
      p.season && !p.missing.includes('season.es') ? p.season.es : '',
      lat,
      lon,
      p.missing.join(' '),
    ];
  });
  return [areaCsvColumns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
