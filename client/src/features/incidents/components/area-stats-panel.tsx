import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { Link } from 'react-router';
import { boundingBox } from '@shared/incidents/area-stats.js';
import type { IncidentType } from '@shared/incidents/contract.js';
import { timeWindow, type AreaStats } from '@shared/incidents/map-filter.js';
import { WhoToCallPanel } from '@client/features/liaison/index.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useClock } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useAreaShapes } from '../api/area-shapes.js';
import { useAreaStats } from '../api/area-stats.js';
import { incidentsMapQuery } from '../api/incidents-map.js';
import { filterOf, type MapView } from '../hooks/use-map-view.js';
import { MonthChart } from './month-chart.js';

/** How many of the area's incidents the panel lists; the map shows them all. */
const LISTED = 50;

interface Props {
  areaId: string;
  view: MapView;
  onClose: () => void;
}

/**
 * A high-risk area's statistics for the map's period and types (Plan of Action I): by type,
 * the people rescued, injured and deceased, by month, the incidents inside it on the map,
 * and who to call there now.
 */
export function AreaStatsPanel({ areaId, view, onClose }: Props) {
  const { t, pick, formatNumber, formatTime, viewerTimeZone } = useI18n();
  const clock = useClock();
  const filter = filterOf(view);
  // To the minute: a preset's window moves with the clock, the statistics' cache key should not every render.
  const minute = new Date(Math.floor(clock() / 60_000) * 60_000);
  const window = timeWindow(filter, minute);
  // A preset goes as such: the server starts it on the area's own clocks and names that zone (issue 23).
  const stats = useAreaStats(areaId, { range: window.range, from: window.from, to: window.to, type: filter.type });
  const period = stats.data;
  const area = useAreaShapes().data?.features.find((a) => a.properties.id === areaId);
  // The incidents in the area's box (the newest MAP_INCIDENT_LIMIT), kept to those in the polygon.
  const box = useMemo(() => (area ? boundingBox(area.geometry).join(',') : undefined), [area]);
  const map = useQuery({ ...incidentsMapQuery({ ...filter, bbox: box }), enabled: box !== undefined }).data;
  const inside = useMemo(
    () => (area && map ? map.features.filter((f) => booleanPointInPolygon(f.geometry, area.geometry)) : []),
    [area, map],
  );
  const centre = useMemo(() => {
    if (!area) return null;
    const [w, s, e, n] = boundingBox(area.geometry);
    return { lat: (s + n) / 2, lon: (w + e) / 2 };
  }, [area]);

  return (
    <section className="area-stats" data-testid="area-stats" aria-live="polite">
      <header>
        <h2>{t('opsMap.stats.title', { area: area ? pick(area.properties.name) : areaId })}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('opsMap.stats.close')}
        </button>
      </header>
      <p className="muted" data-testid="area-stats-window">
        {period &&
          (period.from
            ? t('opsMap.window', {
                from: formatTime(period.from, period.timeZone),
                to: formatTime(period.to ?? minute.toISOString(), period.timeZone),
              })
            : t('opsMap.windowOpen'))}
      </p>
      {stats.error ? (
        <ErrorWithRetry error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !stats.data ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : (
        <StatsBody stats={stats.data} />
      )}
      <h3>{t('opsMap.stats.inside', { count: inside.length, shown: formatNumber(inside.length) })}</h3>
      <ul className="area-incidents" data-testid="area-incidents">
        {inside.slice(0, LISTED).map(({ properties: p }) => (
          <li key={p.id}>
            <Link to={`/incidents/${p.id}`}>
              {t(`incidentType.${p.type}`)} · {t(`severity.${p.severity}`)}
            </Link>{' '}
            <ZonedTime iso={p.occurredAt} timeZone={period?.timeZone ?? viewerTimeZone} />
          </li>
        ))}
      </ul>
      {inside.length > LISTED && <p className="muted">{t('opsMap.stats.more', { count: LISTED })}</p>}
      {centre && <WhoToCallPanel point={centre} />}
    </section>
  );
}

function StatsBody({ stats }: { stats: AreaStats }) {
  const { t, formatNumber } = useI18n();
  const byType = (Object.entries(stats.byType) as Array<[IncidentType, number]>).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <p data-testid="area-stats-total" data-total={stats.total}>
        {t('opsMap.stats.total', { count: stats.total, shown: formatNumber(stats.total) })}
      </p>
      <p data-testid="area-stats-people">
        {t('incidents.people', {
          rescued: formatNumber(stats.people.rescued),
          injured: formatNumber(stats.people.injured),
          deceased: formatNumber(stats.people.deceased),
        })}
      </p>
      <table className="area-stats-types">
        <caption>{t('opsMap.stats.byType')}</caption>
        <tbody>
          {byType.map(([type, count]) => (
            <tr key={type}>
              <th scope="row">{t(`incidentType.${type}`)}</th>
              <td>{formatNumber(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MonthChart months={stats.byMonth} />
    </>
  );
}
