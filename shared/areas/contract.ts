import { z } from 'zod';
import { bilingual, bilingualRef } from '@shared/i18n/index.js';
import { customIssue, whenMissing } from '@shared/i18n/validation.js';
import { MAX_POLYGON_POSITIONS, polygonProblem, rewound, type Position2 } from '@shared/polygon.js';
import { areaFeature, riskLevel } from '@shared/reference/contract.js';
import { textId } from '@shared/ids.js';
import { safeText } from '@shared/text.js';

/** A ring this long is a surveyed boundary, not a sketch; beyond it the crossing check gets slow. */
export const MAX_RING_POSITIONS = 5000;
/** An imported file: KML from other agencies runs to a few hundred kilobytes; beyond this, 413. */
export const AREA_IMPORT_LIMIT = 2 * 1024 * 1024;
/** Areas one import may create. */
export const MAX_IMPORTED_AREAS = 200;
export const GEOJSON_CONTENT_TYPE = 'application/geo+json';
export const KML_CONTENT_TYPE = 'application/vnd.google-earth.kml+xml';

export const NAME_MAX = 200;
export const HAZARD_MAX = 1000;

/** A GeoJSON position: longitude, latitude, and an altitude that is dropped (KML and GPS files carry one). */
const position = z
  .array(z.number())
  .min(2)
  .max(3)
  .transform(([lon, lat]) => [lon, lat] as Position2);
const ring = z.array(position).max(MAX_RING_POSITIONS);

/**
 * An area's outline as a request gives it: a Polygon or MultiPolygon that passes the polygon
 * rules (shared/polygon.ts: closed rings of ≥ 4 positions on the Earth, enclosing area, not
 * crossing themselves), each refusal on the field it is about. Rings wound against RFC 7946's
 * right-hand rule are turned around, not refused (§3.1.6: parsers SHOULD NOT reject them).
 */
export const areaGeometryInput = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).max(100) }),
      z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).max(100)).max(100) }),
    ],
    // An area saved before its outline is drawn: say how to give one (issue 23).
    whenMissing(() => bilingual('areaError.outlineMissing')),
  )
  .superRefine((shape, ctx) => {
    const problem = polygonProblem(shape, { maxPositions: MAX_POLYGON_POSITIONS.area });
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        ...customIssue(bilingualRef(problem.reason)),
      });
  })
  .transform((shape) => rewound(shape));

const wording = (max: number) => safeText().trim().min(1).max(max);

/** `POST /api/areas`, `PUT /api/areas/:id`: a GeoJSON Feature; names and hazard in both languages. */
export const areaBody = z.object({
  type: z.literal('Feature'),
  geometry: areaGeometryInput,
  properties: z.object({
    name: z.object({ en: wording(NAME_MAX), es: wording(NAME_MAX) }),
    hazard: z.object({ en: wording(HAZARD_MAX), es: wording(HAZARD_MAX) }),
    season: z.object({ en: wording(NAME_MAX), es: wording(NAME_MAX) }).nullish(),
    riskLevel,
  }),
});
export type AreaBody = z.output<typeof areaBody>;
export type AreaBodyInput = z.input<typeof areaBody>;

export const areaLanguages = ['en', 'es'] as const;

/**
 * `POST /api/areas/import?language=&riskLevel=`: the language the file's names are written in
 * (the other is left for an editor) and the risk level given to areas the file doesn't grade.
 */
export const areaImportQuery = z.object({
  language: z.enum(areaLanguages).default('en'),
  riskLevel: riskLevel.default('high'),
});
export type AreaImportQuery = z.infer<typeof areaImportQuery>;

export const areaImportResult = z.object({ created: z.array(z.string()) });
export type AreaImportResult = z.infer<typeof areaImportResult>;

/** `/api/areas/:id…` (the area's statistics too): a generated or seeded slug ("all-american-canal"). */
export const areaIdParams = z.object({ id: textId() });

export { areaFeature };
