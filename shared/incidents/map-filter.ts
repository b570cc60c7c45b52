import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { bilingual, ref } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';
import { textId } from '@shared/ids.js';
import { timeZoneId } from '@shared/time-bounds.js';
import {
  finishedStatuses,
  incidentStatus,
  incidentStatuses,
  incidentType,
  incidentTypes,
  isoInstant,
  severities,
  severity,
  type IncidentStatus,
  type IncidentType,
  type Severity,
} from './contract.js';

/*
 * The operations map's filters (issue 17), one schema for the three places they live: the
 * query string of `GET /api/incidents.geojson`, the map page's URL (so a view can be shared
 * and a reload shows the same view) and the filter panel. Every field is a string as it
 * appears in a URL; `resolveMapFilter` turns them into what a query needs, with time as an
 * argument (presets are relative to "now").
 */

/** Open incidents: what the map shows unless the status filter says otherwise. */
export const openStatuses: readonly IncidentStatus[] = incidentStatuses.filter((s) => !finishedStatuses.includes(s));

/** Time ranges the panel offers; `custom` takes `from` and `to`. */
export const timeRanges = ['24h', '7d', 'season', 'custom'] as const;
export type TimeRange = (typeof timeRanges)[number];
/** With no range, no `from` and no `to`: the last seven days. */
export const defaultTimeRange: TimeRange = '7d';

/** How many incidents one map answer carries at most; beyond, it says `truncated` with the total. */
export const MAP_INCIDENT_LIMIT = 50_000;

const HOUR = 3_600_000;

/**
 * The current season along the border, as the high-risk areas' seasons run: the heat season
 * (1 May – 30 September: heat exposure in the deserts, Plan of Action I) or the cool season
 * (1 October – 30 April: cold and swollen rivers). Returns its first instant: midnight on the
 * clocks of `timeZone` (issue 23: UTC's midnight read "Sep 30, 5:00 PM PDT" in San Diego).
 */
export function seasonStart(now: Date, timeZone: string): Date {
  const { year, month } = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const first = month >= 5 && month <= 9 ? { year, month: 5 } : { year: month >= 10 ? year : year - 1, month: 10 };
  return new Date(Temporal.PlainDate.from({ ...first, day: 1 }).toZonedDateTime(timeZone).epochMilliseconds);
}

/** A comma-separated list of values of `allowed`, each once; the reason names the first unknown value. */
function listOf<T extends string>(allowed: readonly T[]) {
  return z
    .string()
    .max(1000)
    .superRefine((text, ctx) => {
      const unknown = text.split(',').find((value) => !allowed.includes(value as T));
      if (unknown !== undefined)
        ctx.addIssue({
          code: 'custom',
          ...customIssue(bilingual('mapFilterError.unknownValue', { value: unknown, values: allowed.join(', ') })),
        });
    });
}

const bboxPattern = /^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$/;

/** `minLon,minLat,maxLon,maxLat`: four numbers, each in range, each minimum below its maximum. */
const bboxText = z
  .string()
  .max(200)
  .superRefine((text, ctx) => {
    if (!bboxPattern.test(text)) {
      ctx.addIssue({ code: 'custom', ...customIssue(bilingual('mapFilterError.bboxShape')) });
      return;
    }
    const [minLon, minLat, maxLon, maxLat] = text.split(',').map(Number) as [number, number, number, number];
    const inRange =
      [minLon, maxLon].every((lon) => Math.abs(lon) <= 180) && [minLat, maxLat].every((lat) => Math.abs(lat) <= 90);
    if (!inRange) ctx.addIssue({ code: 'custom', ...customIssue(bilingual('incidentError.bboxRange')) });
    else
      for (const [axis, min, max] of [
        ['axis.longitude', minLon, maxLon],
        ['axis.latitude', minLat, maxLat],
      ] as const)
        if (min > max)
          ctx.addIssue({
            code: 'custom',
            ...customIssue(bilingual('incidentError.bboxOrder', { axis: ref(axis), min, max })),
          });
  });

/** Each field of the map filter as it appears in a URL or a query string. */
export const mapFilterFields = {
  /** Incident types, comma-separated; none = every type. */
  type: listOf(incidentTypes),
  severity: listOf(severities),
  /** Statuses, comma-separated; none = the open ones (`openStatuses`). */
  status: listOf(incidentStatuses),
  /** The responsible mechanism's id. */
  mechanism: textId(),
  range: z.enum(timeRanges),
  /** `custom` range: ISO 8601 instants with an offset. */
  from: isoInstant,
  to: isoInstant,
  bbox: bboxText,
};

/** The filter's fields in the order they are written in a URL. */
export const mapFilterKeys = Object.keys(mapFilterFields) as Array<keyof typeof mapFilterFields>;

const filterFields = {
  type: mapFilterFields.type.optional(),
  severity: mapFilterFields.severity.optional(),
  status: mapFilterFields.status.optional(),
  mechanism: mapFilterFields.mechanism.optional(),
  range: mapFilterFields.range.optional(),
  from: mapFilterFields.from.optional(),
  to: mapFilterFields.to.optional(),
  /**
   * The zone whose midnight starts a season (the reader's: the map spans three zones);
   * UTC without it. Not part of a page's URL: a shared link reads in its reader's zone.
   */
  tz: timeZoneId.optional(),
};

const rangeInOrder = (q: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && Date.parse(q.from) > Date.parse(q.to))
    ctx.addIssue({ code: 'custom', path: ['to'], ...customIssue(bilingual('incidentError.rangeOrder')) });
};

/** The server's query string: a bad value is a 400 naming the field, in both languages. */
export const mapFilterQuery = z
  .object({
    ...filterFields,
    bbox: mapFilterFields.bbox.optional(),
    /** At most this many (the newest); never more than `MAP_INCIDENT_LIMIT`. */
    limit: z.coerce.number().int().min(1).max(MAP_INCIDENT_LIMIT).optional(),
  })
  .superRefine(rangeInOrder);
export type MapFilterQuery = z.infer<typeof mapFilterQuery>;

/** A vector tile's query string: the filter without a box (the tile is the box) or a limit (a tile holds every match). */
export const tileFilterQuery = z.object(filterFields).superRefine(rangeInOrder);
export type TileFilterQuery = z.infer<typeof tileFilterQuery>;

/**
 * The same fields for a page's URL: a value the schema rejects (an outdated link) is
 * dropped, not trusted, and the others are kept.
 */
export const mapFilterSearch = z.object({
  type: mapFilterFields.type.optional().catch(undefined),
  severity: mapFilterFields.severity.optional().catch(undefined),
  status: mapFilterFields.status.optional().catch(undefined),
  mechanism: mapFilterFields.mechanism.optional().catch(undefined),
  range: mapFilterFields.range.optional().catch(undefined),
  from: mapFilterFields.from.optional().catch(undefined),
  to: mapFilterFields.to.optional().catch(undefined),
  bbox: mapFilterFields.bbox.optional().catch(undefined),
});

/** What a query needs: lists (null = any), the time window's instants, the box. */
export interface MapFilter {
  types: IncidentType[] | null;
  severities: Severity[] | null;
  statuses: IncidentStatus[];
  mechanismId: string | null;
  range: TimeRange;
  /** ISO instants; null = open-ended (a custom range with one end). */
  from: string | null;
  to: string | null;
  bbox: [minLon: number, minLat: number, maxLon: number, maxLat: number] | null;
}

const split = <T extends string>(text: string | undefined): T[] | null =>
  text ? ([...new Set(text.split(','))] as T[]) : null;

/** The range a filter means: the given one, `custom` when only dates are given, else the default. */
export function rangeOf(q: Pick<MapFilterQuery, 'range' | 'from' | 'to'>): TimeRange {
  return q.range ?? (q.from || q.to ? 'custom' : defaultTimeRange);
}

/**
 * The filter's time window at `now`: presets end now; a custom range keeps its own ends. A
 * season starts at midnight on the clocks of `timeZone`: an area's statistics pass the area's
 * own zone (the server resolves them, `GET /api/areas/:id/stats?range=`); the map as a whole,
 * which spans three zones, the reader's (`tz`), else UTC.
 */
export function timeWindow(
  q: Pick<MapFilterQuery, 'range' | 'from' | 'to' | 'tz'>,
  now: Date,
  timeZone = q.tz ?? 'UTC',
) {
  const range = rangeOf(q);
  const end = now.toISOString();
  switch (range) {
    case '24h':
      return { range, from: new Date(now.getTime() - 24 * HOUR).toISOString(), to: end };
    case '7d':
      return { range, from: new Date(now.getTime() - 7 * 24 * HOUR).toISOString(), to: end };
    case 'season':
      return { range, from: seasonStart(now, timeZone).toISOString(), to: end };
    case 'custom':
      return { range, from: q.from ?? null, to: q.to ?? null };
  }
}

/** The parsed query string (or URL) as a query needs it, presets resolved at `now`. */
export function resolveMapFilter(q: MapFilterQuery, now: Date): MapFilter {
  const statuses = split<IncidentStatus>(q.status);
  return {
    types: split<IncidentType>(q.type),
    severities: split<Severity>(q.severity),
    statuses: statuses ?? [...openStatuses],
    mechanismId: q.mechanism ?? null,
    ...timeWindow(q, now),
    bbox: q.bbox ? (q.bbox.split(',').map(Number) as MapFilter['bbox']) : null,
  };
}

/** What the map needs of an incident: the rest is loaded when one is opened. */
export const mapIncidentProperties = z.object({
  id: z.string(),
  type: incidentType,
  severity,
  status: incidentStatus,
  occurredAt: z.string(),
  mechanismId: z.string().nullable(),
  /** A drill's incident: drawn and marked as one, left out of statistics. */
  exercise: z.boolean(),
});
export type MapIncidentProperties = z.infer<typeof mapIncidentProperties>;

/** One incident on the map: an RFC 7946 Point ([lon, lat]) with a string id. */
export const mapIncidentFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: mapIncidentProperties,
});

/** Does an incident (live event) belong to what the filter shows? */
export function matchesMapFilter(
  incident: MapIncidentProperties & { location: { lat: number; lon: number } },
  filter: MapFilter,
): boolean {
  const at = Date.parse(incident.occurredAt);
  const { lat, lon } = incident.location;
  return (
    (!filter.types || filter.types.includes(incident.type)) &&
    (!filter.severities || filter.severities.includes(incident.severity)) &&
    filter.statuses.includes(incident.status) &&
    (!filter.mechanismId || incident.mechanismId === filter.mechanismId) &&
    (!filter.from || at >= Date.parse(filter.from)) &&
    (!filter.to || at <= Date.parse(filter.to)) &&
    (!filter.bbox || (lon >= filter.bbox[0] && lat >= filter.bbox[1] && lon <= filter.bbox[2] && lat <= filter.bbox[3]))
  );
}

/**
 * `GET /api/incidents.geojson`: RFC 7946 with foreign members saying what was asked and
 * whether the answer is complete (`truncated`: more matched than `limit`; `total` says how many).
 */
export const incidentMapCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(mapIncidentFeature),
  truncated: z.boolean(),
  limit: z.number().int(),
  total: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

/**
 * `GET /api/areas/:id/stats`: incidents whose point lies in the area, in the window: a preset
 * `range` (resolved by the server on the area's own clocks) or `from`/`to`.
 */
export const areaStatsQuery = z
  .object({
    range: mapFilterFields.range.optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    type: mapFilterFields.type.optional(),
  })
  .superRefine(rangeInOrder);
export type AreaStatsQuery = z.infer<typeof areaStatsQuery>;

export const areaStats = z.object({
  areaId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The area's own zone (its responsible mechanism's clocks): its periods and months are read in it. */
  timeZone: z.string(),
  total: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
  byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), count: z.number().int() })),
  people: z.object({ rescued: z.number().int(), injured: z.number().int(), deceased: z.number().int() }),
});
export type AreaStats = z.infer<typeof areaStats>;
