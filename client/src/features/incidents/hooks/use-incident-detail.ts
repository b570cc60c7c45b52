import { useCallback, useEffect, useState } from 'react';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import { useLiveEvents } from '../../../app/live.js';
import { getIncident } from '../api/incidents.js';

/** One incident with its timeline, alerts and investigation, refetched when anyone changes it. */
export function useIncidentDetail(id: string) {
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    getIncident(id).then((fresh) => {
      setDetail(fresh);
      setError(null);
    }, setError);
  }, [id]);

  useEffect(reload, [reload]);

  useLiveEvents(['incident.updated', 'alert.raised', 'alert.acknowledged', 'alert.escalated'], ({ data }) => {
    if (data.incidentId === id) reload();
  });

  return { detail, setDetail, error, reload };
}
