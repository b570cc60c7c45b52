import { mechanismName } from '@shared/reference/place.js';
import { useMechanisms } from '@client/features/liaison/index.js';
import { useI18n } from '@client/lib/i18n.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAP_INCIDENT_LIMIT } from '@shared/incidents/map-filter.js';
import { countOnly, incidentsMapQuery, useIncidentsMap, type IncidentMap } from '../api/incidents-map.js';
import { filterOf, type MapView } from '../hooks/use-map-view.js';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** RFC 4180: quote a field when it holds a comma, a quote or a line break. */
const csvField = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The filtered incidents, as GeoJSON (RFC 7946) or CSV with the reader's words: loaded when
 * asked for (the map draws from tiles), the newest MAP_INCIDENT_LIMIT at most, and says so.
 */
export function ExportButtons({ view }: { view: MapView }) {
  const { t, pick, formatNumber, describeError } = useI18n();
  const queryClient = useQueryClient();
  const filter = filterOf(view);
  const total = useIncidentsMap(countOnly(filter)).data?.total;
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const mechanisms = useMechanisms().data ?? [];
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');

  const csv = (map: IncidentMap) => {
    const names = new Map(mechanisms.map((m) => [m.id, pick(mechanismName(m))]));
    const header = [
      t('opsMap.csv.id'),
      t('incidents.filterType'),
      t('incidents.filterSeverity'),
      t('incidents.filterStatus'),
      t('opsMap.csv.occurredAt'),
      t('incidents.filterMechanism'),
      t('opsMap.csv.latitude'),
      t('opsMap.csv.longitude'),
    ];
    const rows = map.features.map(({ properties: p, geometry }) => [
      p.id,
      t(`incidentType.${p.type}`),
      t(`severity.${p.severity}`),
      t(`status.${p.status}`),
      p.occurredAt,
      p.mechanismId ? (names.get(p.mechanismId) ?? p.mechanismId) : '',
      geometry.coordinates[1]!,
      geometry.coordinates[0]!,
    ]);
    return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  };

  const exportAs = async (save: (map: IncidentMap) => void) => {
    setState({ busy: true, error: null });
    try {
      save(await queryClient.fetchQuery(incidentsMapQuery(filter)));
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error });
    }
  };

  return (
    <>
      <p className="map-export">
        <button
          type="button"
          data-testid="export-geojson"
          disabled={state.busy}
          onClick={() =>
            void exportAs((map) => download(`incidents-${stamp}.geojson`, 'application/geo+json', JSON.stringify(map)))
          }
        >
          {t('opsMap.exportGeojson')}
        </button>{' '}
        <button
          type="button"
          data-testid="export-csv"
          disabled={state.busy}
          onClick={() =>
            void exportAs((map) => download(`incidents-${stamp}.csv`, 'text/csv;charset=utf-8', `\uFEFF${csv(map)}`))
          }
        >
          {t('opsMap.exportCsv')}
        </button>
        {state.busy && <span className="muted"> {t('shell.loading')}</span>}
      </p>
      {total !== undefined && total > MAP_INCIDENT_LIMIT && (
        <p className="muted" data-testid="export-cut">
          {t('opsMap.truncated', { shown: formatNumber(MAP_INCIDENT_LIMIT), total: formatNumber(total) })}
        </p>
      )}
      {state.error !== null && (
        <p role="alert" className="error">
          {describeError(state.error)}
        </p>
      )}
    </>
  );
}
