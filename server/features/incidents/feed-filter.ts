import { ref } from '@shared/i18n/index.js';
import type { IncidentQuery } from '@shared/incidents/contract.js';
import { invalidField } from '@server/core/errors.js';
import * as repo from './repository.js';

type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** `minLon,minLat,maxLon,maxLat` (the schema checked the shape): each in range, each minimum below its maximum. */
function parseBbox(text: string): Bbox {
  const bbox = text.split(',').map(Number) as Bbox;
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const inRange =
    [minLon, maxLon].every((lon) => Math.abs(lon) <= 180) && [minLat, maxLat].every((lat) => Math.abs(lat) <= 90);
  if (!inRange) throw invalidField('bbox', ref('incidentError.bboxRange'));
  for (const [axis, min, max] of [
    ['axis.longitude', minLon, maxLon],
    ['axis.latitude', minLat, maxLat],
  ] as const) {
    if (min > max) throw invalidField('bbox', ref('incidentError.bboxOrder', { axis: ref(axis), min, max }));
  }
  return bbox;
}

/** The feed's query as the repository filters by it: the box and the cursor read, the range in order. */
export function feedFilter(q: IncidentQuery): Omit<repo.IncidentFilter, 'scope' | 'ids'> {
  const after = q.cursor ? repo.decodeCursor(q.cursor) : null;
  if (q.cursor && !after) throw invalidField('cursor', ref('validation.invalid'));
  if (q.from && q.to && new Date(q.from) > new Date(q.to)) throw invalidField('to', ref('incidentError.rangeOrder'));
  const { bbox, cursor: _c, ...query } = q;
  return { query, bbox: bbox ? parseBbox(bbox) : null, after };
}
