/** What the map answer says beside its features (RFC 7946 §6.1 foreign members). */
export interface MapAnswer {
  truncated: boolean;
  limit: number;
  total: number;
  from: string | null;
  to: string | null;
}

/**
 * The answer as one string around the features' JSON text (`repository.mapFeatures`):
 * 50,000 features go out without a schema walk over each of them (the shape is tested
 * against `incidentMapCollection` and `MapIncidentProperties`).
 */
export function mapFeatureCollection(features: string, answer: MapAnswer): string {
  return `{"type":"FeatureCollection",${JSON.stringify(answer).slice(1, -1)},"features":[${features}]}`;
}
