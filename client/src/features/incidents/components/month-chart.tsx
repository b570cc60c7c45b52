import type { AreaStats } from '@shared/incidents/map-filter.js';
import { useI18n } from '@client/lib/i18n.js';

/** The months a chart has room for: two years of bars. */
const SHOWN_MONTHS = 24;

/** Incidents per month as bars (plain SVG), each labelled for screen readers; the newest months when there are more. */
export function MonthChart({ months }: { months: AreaStats['byMonth'] }) {
  const { t, language, formatNumber } = useI18n();
  if (months.length === 0) return null;
  const shown = months.slice(-SHOWN_MONTHS);
  const caption =
    shown.length < months.length
      ? t('opsMap.stats.byMonthLast', { shown: formatNumber(shown.length), total: formatNumber(months.length) })
      : t('opsMap.stats.byMonth');
  const max = Math.max(1, ...shown.map((m) => m.count));
  const [width, height, gap] = [260, 80, 2];
  const bar = width / shown.length;
  const monthName = (month: string) =>
    new Date(`${month}-15T12:00:00Z`).toLocaleDateString(language === 'es' ? 'es-MX' : 'en-US', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
  return (
    <figure className="month-chart" data-testid="month-chart">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 14}`} width="100%" role="img" aria-label={caption}>
        {shown.map((m, i) => {
          const h = (m.count / max) * height;
          return (
            <g key={m.month}>
              <rect x={i * bar + gap / 2} y={height - h} width={Math.max(1, bar - gap)} height={h} fill="#0b7285">
                <title>{`${monthName(m.month)}: ${formatNumber(m.count)}`}</title>
              </rect>
              {/* The first and last months, held inside the chart's edges. */}
              {(i === 0 || i === shown.length - 1) && (
                <text x={i === 0 ? 0 : width} y={height + 12} fontSize="9" textAnchor={i === 0 ? 'start' : 'end'}>
                  {monthName(m.month)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
