import { useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { OverlaySources } from '../feature.js';

/**
 * An overlay's sources from one query: the GeoJSON is rebuilt only when the data changes.
 * `build` must be a module-level function (its identity is a memo dependency).
 */
export function useQuerySources<T>(
  result: UseQueryResult<T>,
  build: (data: T) => Record<string, FeatureCollection>,
): OverlaySources {
  const collections = useMemo(() => (result.data === undefined ? undefined : build(result.data)), [result.data, build]);
  return { collections, error: result.error, retry: () => void result.refetch() };
}
