import { useCallback, useEffect, useState } from 'react';
import type { Incident } from '@shared/incidents/contract.js';
import { useLiveEvents } from '../../../app/live.js';
import { fetchBorderData, type BorderData } from '../api/reference.js';

/** Reference layers once, incidents kept current by live events. */
export function useBorderData() {
  const [data, setData] = useState<BorderData | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    fetchBorderData().then(setData, setError);
  }, []);
  useEffect(load, [load]);

  useLiveEvents(['incident.created', 'incident.updated'], ({ data: event }) => {
    const incident = event.incident as Incident | undefined;
    if (!incident) return;
    setData((current) => current && { ...current, incidents: [incident, ...current.incidents.filter((i) => i.id !== incident.id)] });
  });

  return { data, error, reload: load };
}
