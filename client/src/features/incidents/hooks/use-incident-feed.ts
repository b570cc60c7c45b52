import { useCallback, useEffect, useState } from 'react';
import type { Incident } from '@shared/incidents/contract.js';
import { useLiveEvents } from '../../../app/live.js';
import { listIncidents, type FeedFilters } from '../api/incidents.js';

const newestFirst = (a: Incident, b: Incident) => b.createdAt.localeCompare(a.createdAt);

function matches(incident: Incident, filters: FeedFilters): boolean {
  return (!filters.status || incident.status === filters.status) && (!filters.type || incident.type === filters.type);
}

/** The incident feed: first page from the API, then kept current by live events. */
export function useIncidentFeed(filters: FeedFilters) {
  const [items, setItems] = useState<Incident[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (cursor?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await listIncidents(filters, cursor);
      setItems((current) => (cursor ? [...current, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, [filters]);

  useEffect(() => void load(), [load]);

  useLiveEvents(['incident.created', 'incident.updated'], ({ data }) => {
    const incident = data.incident as Incident | undefined;
    if (!incident) return;
    setItems((current) => {
      const others = current.filter((item) => item.id !== incident.id);
      return matches(incident, filters) ? [incident, ...others].sort(newestFirst) : others;
    });
  });

  return { items, nextCursor, loading, error, loadMore: () => nextCursor && load(nextCursor), reload: () => load() };
}
