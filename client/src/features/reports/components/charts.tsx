import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import * as Plot from '@observablehq/plot';
import type { ReportSummary } from '@shared/reports/contract.js';
import { Swatch } from '@client/components/swatch.js';
import { formatTimeField } from '@client/lib/local-time.js';
import { useI18n } from '@client/lib/i18n.js';
import { chartColours } from './chart-colours.js';
import { useReportFormat } from './report-format.js';

/** Plot's own default width, for a host not laid out yet (tests, a hidden tab). */
const DEFAULT_WIDTH = 640;
/**
 * The widest a chart is drawn: about a printed page's width, so that printing (which scales the
 * SVG to the paper) keeps its labels at the size they have on screen.
 */
const MAX_WIDTH = 760;

/** The width the chart has to fill, followed as the window (or a phone's rotation) changes it. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const measure = () => setWidth(Math.min(MAX_WIDTH, host.clientWidth || DEFAULT_WIDTH));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(host);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

interface ChartProps {
  /** What the chart shows, in one line: its caption, and its name for screen readers. */
  title: string;
  /** Plot's options for the width the chart has (a phone gets fewer ticks). Memoise it: a new function redraws. */
  plot: (width: number) => Plot.PlotOptions;
  /** What each colour means, when there are several. */
  legend?: readonly { label: string; colour: string }[];
  testId: string;
}

/**
 * One chart drawn by Observable Plot: SVG, so it stays sharp when the report is printed, and
 * its axis labels are text a PDF keeps. The figures it shows are also in the tables beside it.
 */
function Chart({ title, plot, legend, testId }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const width = useWidth(host);
  useEffect(() => {
    const chart = Plot.plot({ ...plot(width), width, ariaLabel: title });
    // One image named by its caption for screen readers (the tables beside it hold the figures):
    // Plot names each group of marks ("bar", "rule"), which ARIA forbids on elements without a role.
    chart.setAttribute('role', 'img');
    for (const group of chart.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
    host.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, width, title]);
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {legend && (
        <ul className="chart-legend">
          {legend.map((entry) => (
            <li key={entry.label}>
              <Swatch colour={entry.colour} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      <div ref={host} className="report-chart-plot" />
    </figure>
  );
}

/** Every nth value, so that a band axis labels at most one value per `room` pixels of `width`. */
const spaced = <T,>(values: readonly T[], width: number, room: number): T[] => {
  const step = Math.ceil(values.length / Math.max(1, Math.floor(width / room)));
  return values.filter((_, index) => index % step === 0);
};

/**
 * An axis from zero that stays one when every value is zero: Plot stretches a domain of [0, 0]
 * across the whole chart, which draws a period with nothing in it as full bars.
 */
const fromZero = (largest: number): Plot.ScaleOptions => ({ domain: [0, Math.max(1, largest)], nice: true });

/** A count axis: whole numbers only, about five of them however small the counts. */
const countAxis = (label: string, largest: number): Plot.ScaleOptions => ({
  ...fromZero(largest),
  grid: true,
  label,
  ticks: Math.max(1, Math.min(5, largest)),
  tickFormat: 'd',
});

/** Incidents and deaths in each month of the period (the Oaxaca report: "track border-related deaths"). */
export function IncidentsByMonthChart({ byMonth }: { byMonth: ReportSummary['incidents']['byMonth'] }) {
  const { t } = useI18n();
  const { month } = useReportFormat();
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: 260,
      marginLeft: 44,
      x: {
        type: 'band',
        label: null,
        tickFormat: month,
        ticks: spaced(
          byMonth.map((m) => m.month),
          width,
          70,
        ),
        padding: 0.25,
      },
      y: countAxis(t('report.chart.count'), Math.max(0, ...byMonth.map((m) => m.count))),
      marks: [
        Plot.barY(byMonth, { x: 'month', y: 'count', fill: chartColours.incidents }),
        Plot.lineY(byMonth, { x: 'month', y: 'deceased', stroke: chartColours.deaths, strokeWidth: 2 }),
        Plot.dot(byMonth, { x: 'month', y: 'deceased', fill: chartColours.deaths, r: 3 }),
        Plot.ruleY([0]),
      ],
    }),
    [byMonth, t, month],
  );
  return (
    <Chart
      title={t('report.chart.incidentsByMonth')}
      plot={plot}
      legend={[
        { label: t('report.incidents'), colour: chartColours.incidents },
        { label: t('report.deceased'), colour: chartColours.deaths },
      ]}
      testId="chart-incidents-by-month"
    />
  );
}

const minutes = (seconds: number | null) => (seconds === null ? 0 : seconds / 60);

/**
 * Minutes from the alert to each government's acknowledgement: the median as a dark bar over
 * the 90th percentile's light one (the median never exceeds it), both figures at the end.
 */
export function AcknowledgementChart({ response }: { response: ReportSummary['response'] }) {
  const { t } = useI18n();
  const { duration } = useReportFormat();
  const plot = useCallback((): Plot.PlotOptions => {
    const time = (seconds: number | null) => (seconds === null ? '—' : duration(seconds));
    const rows = (['US', 'MX'] as const).map((government) => ({
      government: t(`government.${government}`),
      median: minutes(response[government].medianSeconds),
      p90: minutes(response[government].p90Seconds),
      figures: `${time(response[government].medianSeconds)} · ${time(response[government].p90Seconds)}`,
    }));
    return {
      height: 150,
      marginLeft: 80,
      marginRight: 110,
      y: { label: null, domain: rows.map((r) => r.government), padding: 0.3 },
      x: { ...fromZero(Math.max(...rows.map((r) => r.p90))), grid: true, label: t('report.chart.minutes'), ticks: 5 },
      marks: [
        Plot.barX(rows, { y: 'government', x: 'p90', fill: chartColours.p90 }),
        Plot.barX(rows, { y: 'government', x: 'median', fill: chartColours.median, inset: 6 }),
        Plot.text(rows, { y: 'government', x: 'p90', text: 'figures', textAnchor: 'start', dx: 6 }),
        Plot.ruleX([0]),
      ],
    };
  }, [response, t, duration]);
  return (
    <Chart
      title={t('report.chart.acknowledgement')}
      plot={plot}
      legend={[
        { label: t('report.median'), colour: chartColours.median },
        { label: t('report.p90'), colour: chartColours.p90 },
      ]}
      testId="chart-acknowledgement"
    />
  );
}

const hours = Array.from({ length: 24 }, (_, hour) => hour);

/** Persons repatriated by hour of day on the port's own clock (the 2003 report: vulnerable persons by daylight). */
export function RepatriationsByHourChart({ byHour }: { byHour: readonly number[] }) {
  const { t, language } = useI18n();
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: 220,
      marginLeft: 44,
      x: {
        type: 'band',
        label: t('report.chart.hourOfDay'),
        // Every 3 hours where there is room, every 6 on a phone.
        ticks: hours.filter((hour) => hour % (width < 480 ? 6 : 3) === 0),
        tickFormat: (hour: number) => formatTimeField(`${String(hour).padStart(2, '0')}:00`, language),
        padding: 0.15,
      },
      y: countAxis(t('report.persons'), Math.max(0, ...byHour)),
      marks: [
        Plot.barY(
          byHour.map((persons, hour) => ({ hour, persons })),
          { x: 'hour', y: 'persons', fill: chartColours.repatriations },
        ),
        Plot.ruleY([0]),
      ],
    }),
    [byHour, t, language],
  );
  return <Chart title={t('report.chart.repatriationsByHour')} plot={plot} testId="chart-repatriations-by-hour" />;
}
