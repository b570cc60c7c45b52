import { useEffect, useState } from 'react';
import { incidentStatuses, incidentTypes, severities } from '@shared/incidents/contract.js';
import { openStatuses, timeRanges, timeWindow, type TimeRange } from '@shared/incidents/map-filter.js';
import { DateField } from '@client/components/date-time-fields.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { Swatch } from '@client/components/swatch.js';
import { useClock } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { countOnly, useIncidentsMap } from '../api/incidents-map.js';
import { filterOf, useMapView, type MapView } from '../hooks/use-map-view.js';
import { severityColours, finishedColour } from '../map/colours.js';
import type { MarkerShape } from '../map/colours.js';
import { shapeGroups, shapePoints } from '../map/shapes.js';
import { AreaStatsPanel } from './area-stats-panel.js';
import { ExportButtons } from './map-export.js';
import { MechanismFilter } from './mechanism-filter.js';
import '../operations-map.css';

const DAY = 86_400_000;
/** The slider plays a week-long window over the last four weeks, a day per step. */
const PLAY_DAYS = 28;
const PLAY_STEP_MS = 1_500;

/** A comma list in the URL as a set of checkboxes; all or none checked means no filter. */
function toggled<T extends string>(current: readonly T[], value: T, on: boolean): T[] {
  return on ? [...current, value] : current.filter((v) => v !== value);
}

const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();
const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The operations map's side panel (issue 17): filters — type, severity, status (open ones by
 * default), mechanism, time range with presets and a slider that plays the last weeks
 * forward — all in the URL; what the map shows and whether it is all; the density and
 * comparison layers; export; the marker key; and an area's statistics when one is open.
 */
export function OperationsMapPanel() {
  const { t } = useI18n();
  const [view, setView] = useMapView();
  // Folded on a phone, as the legend is: open, the filters would cover half the map.
  const [filtersOpen] = useState(() => !window.matchMedia?.('(max-width: 700px)').matches);
  return (
    <>
      {view.area && <AreaStatsPanel areaId={view.area} view={view} onClose={() => setView({ area: undefined })} />}
      <details className="map-filters" open={filtersOpen} data-testid="map-filters">
        <summary>{t('opsMap.filters')}</summary>
        <AnswerLine view={view} />
        <FilterFields view={view} setView={setView} />
        <TimeFields view={view} setView={setView} />
        <fieldset className="map-toggles">
          <legend>{t('opsMap.layers')}</legend>
          <label>
            <input
              type="checkbox"
              name="heat"
              checked={view.heat === '1'}
              onChange={(e) => setView({ heat: e.target.checked ? '1' : undefined })}
            />
            {t('opsMap.heat')}
          </label>
          <label>
            <input
              type="checkbox"
              name="compare"
              checked={view.compare === '1'}
              disabled={view.range === 'custom' && !view.from}
              onChange={(e) => setView({ compare: e.target.checked ? '1' : undefined })}
            />
            {t('opsMap.compare')}
          </label>
        </fieldset>
        <ExportButtons view={view} />
        <MarkerKey />
      </details>
    </>
  );
}

/** How many incidents the map shows (all that match: the tiles leave none out), counted by the server. */
function AnswerLine({ view }: { view: MapView }) {
  const { t, formatNumber } = useI18n();
  const { data, error, isFetching, refetch } = useIncidentsMap(countOnly(filterOf(view)));
  if (error) return <ErrorWithRetry error={error} onRetry={() => void refetch()} />;
  if (!data) return <p className="muted">{t('shell.loading')}</p>;
  return (
    <p data-testid="map-answer" data-count={data.total} aria-live="polite">
      {t('opsMap.shown', { count: data.total, shown: formatNumber(data.total) })}
      {isFetching && <span className="muted"> {t('shell.loading')}</span>}
    </p>
  );
}

interface FieldsProps {
  view: MapView;
  setView: (changes: Partial<MapView>) => void;
}

function FilterFields({ view, setView }: FieldsProps) {
  const { t } = useI18n();
  const types = view.type?.split(',') ?? [];
  const severityList = view.severity?.split(',') ?? [];
  const statuses = view.status?.split(',') ?? [...openStatuses];
  const list = (values: string[]) => (values.length === 0 ? undefined : values.join(','));
  return (
    <>
      <fieldset data-testid="filter-type">
        <legend>{t('incidents.filterType')}</legend>
        {incidentTypes.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              name="type"
              value={type}
              checked={types.includes(type)}
              onChange={(e) => setView({ type: list(toggled(types, type, e.target.checked)) })}
            />
            {t(`incidentType.${type}`)}
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="filter-severity">
        <legend>{t('incidents.filterSeverity')}</legend>
        {severities.map((severity) => (
          <label key={severity}>
            <input
              type="checkbox"
              name="severity"
              value={severity}
              checked={severityList.includes(severity)}
              onChange={(e) => setView({ severity: list(toggled(severityList, severity, e.target.checked)) })}
            />
            {t(`severity.${severity}`)}
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="filter-status">
        <legend>{t('incidents.filterStatus')}</legend>
        {incidentStatuses.map((status) => (
          <label key={status}>
            <input
              type="checkbox"
              name="status"
              value={status}
              checked={statuses.includes(status)}
              onChange={(e) => {
                const next = toggled(statuses, status, e.target.checked);
                const isDefault = next.length === openStatuses.length && openStatuses.every((s) => next.includes(s));
                setView({ status: isDefault ? undefined : list(next) });
              }}
            />
            {t(`status.${status}`)}
          </label>
        ))}
      </fieldset>
      <MechanismFilter value={view.mechanism} onChange={(mechanism) => setView({ mechanism })} />
    </>
  );
}

function TimeFields({ view, setView }: FieldsProps) {
  const { t, formatTime, viewerTimeZone } = useI18n();
  const clock = useClock();
  const range: TimeRange = view.range ?? (view.from || view.to ? 'custom' : '7d');
  const window = timeWindow(view, new Date(clock()), viewerTimeZone);
  const [playing, setPlaying] = useState(false);

  // The slider: the end of a week-long window, in whole days back from today.
  const today = new Date(clock());
  today.setHours(23, 59, 59, 999);
  const playedEnd = view.to ? Date.parse(view.to) : today.getTime();
  const daysBack = Math.min(PLAY_DAYS, Math.max(0, Math.round((today.getTime() - playedEnd) / DAY)));
  const showDay = (back: number) => {
    const end = today.getTime() - back * DAY;
    setView({
      range: 'custom',
      from: new Date(end - 7 * DAY + 1).toISOString(),
      to: new Date(end).toISOString(),
    });
  };

  useEffect(() => {
    if (!playing) return;
    if (daysBack === 0) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => showDay(daysBack - 1), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  });

  return (
    <fieldset data-testid="filter-time">
      <legend>{t('opsMap.time')}</legend>
      <label>
        {t('opsMap.range')}
        <select
          name="range"
          value={range}
          onChange={(e) => {
            const next = e.target.value as TimeRange;
            setView(
              next === 'custom'
                ? { range: next, from: window.from ?? undefined, to: window.to ?? undefined }
                : { range: next === '7d' ? undefined : next, from: undefined, to: undefined },
            );
          }}
        >
          {timeRanges.map((r) => (
            <option key={r} value={r}>
              {t(`opsMap.range.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {range === 'custom' && (
        <>
          <DateField
            label={t('incidents.filterFrom')}
            name="from"
            value={view.from ? localDay(view.from) : undefined}
            onChange={(day) => setView({ from: day && startOfDay(day) })}
          />
          <DateField
            label={t('incidents.filterTo')}
            name="to"
            value={view.to ? localDay(view.to) : undefined}
            onChange={(day) => setView({ to: day && endOfDay(day) })}
          />
        </>
      )}
      <p className="muted" data-testid="time-window">
        {window.from
          ? t('opsMap.window', {
              from: formatTime(window.from, viewerTimeZone),
              to: formatTime(window.to ?? today.toISOString(), viewerTimeZone),
            })
          : t('opsMap.windowOpen')}
      </p>
      <label className="map-slider">
        {t('opsMap.play')}
        <input
          type="range"
          name="play"
          min={0}
          max={PLAY_DAYS}
          step={1}
          value={PLAY_DAYS - daysBack}
          aria-valuetext={t('opsMap.daysBack', { count: daysBack })}
          onChange={(e) => showDay(PLAY_DAYS - Number(e.target.value))}
        />
      </label>
      <button
        type="button"
        data-testid="play"
        onClick={() => {
          if (!playing && daysBack === 0) showDay(PLAY_DAYS);
          setPlaying(!playing);
        }}
      >
        {playing ? t('opsMap.pause') : t('opsMap.playForward')}
      </button>
    </fieldset>
  );
}

/** Which shape is which type, which colour which severity, and what a hollow marker means. */
function MarkerKey() {
  const { t } = useI18n();
  return (
    <details className="marker-key" data-testid="marker-key">
      <summary>{t('opsMap.key')}</summary>
      <ul>
        {shapeGroups().map(([shape, types]) => (
          <li key={shape}>
            <ShapeIcon shape={shape} />
            {types.map((type) => t(`incidentType.${type}`)).join(', ')}
          </li>
        ))}
      </ul>
      <ul>
        {severities.map((s) => (
          <li key={s}>
            <Swatch colour={severityColours[s]} />
            {t(`severity.${s}`)}
          </li>
        ))}
        <li>
          <Swatch colour={finishedColour} className="hollow" />
          {t('opsMap.finished')}
        </li>
      </ul>
    </details>
  );
}

/** The marker's shape as the legend draws it (the map draws the same outline on a canvas). */
function ShapeIcon({ shape }: { shape: MarkerShape }) {
  const points = shapePoints(shape, 16, 1);
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="marker-shape">
      {points ? (
        <polygon points={points.map((p) => p.join(',')).join(' ')} fill={severityColours.high} />
      ) : (
        <circle cx="8" cy="8" r="6" fill={severityColours.high} />
      )}
    </svg>
  );
}
