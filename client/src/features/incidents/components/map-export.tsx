import { mechanismName } from '@shared/reference/place.js';
import { useMechanisms } from '@client/features/liaison/index.js';
import { useI18n } from '@client/lib/i18n.js';
import { useIncidentsMap, type IncidentMap } from '../api/incidents-map.js';
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

/** The filtered incidents as the map holds them, as GeoJSON (RFC 7946) or CSV with the reader's words. */
export function ExportButtons({ view }: { view: MapView }) {
  const { t, pick } = useI18n();
  const { data } = useIncidentsMap(filterOf(view));
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

  return (
    <p className="map-export">
      <button
        type="button"
        data-testid="export-geojson"
        disabled={!data}
        onClick={() => data && download(`incidents-${stamp}.geojson`, 'application/geo+json', JSON.stringify(data))}
      >
        {t('opsMap.exportGeojson')}
      </button>{' '}
      <button
        type="button"
        data-testid="export-csv"
        disabled={!data}
        onClick={() => data && download(`incidents-${stamp}.csv`, 'text/csv;charset=utf-8', `\uFEFF${csv(data)}`)}
      >
        {t('opsMap.exportCsv')}
      </button>
    </p>
  );
}
