import { mechanismScopeOf } from '@shared/auth.js';
import type { ReportQuery } from '@shared/reports/contract.js';
import { addDays } from '@shared/reports/period.js';
import { DateField } from '@client/components/date-time-fields.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { usePlaceNames } from '../hooks/use-place-names.js';
import { periodHolding, periodKinds, stepPeriod, type Period, type PeriodKind } from '../period.js';
import type { ReportSearch } from './report-page.js';
import { useReportFormat } from './report-format.js';

interface Props {
  kind: PeriodKind;
  period: Period;
  query: ReportQuery;
  onChange: (changes: Partial<ReportSearch>) => void;
}

/** What the report covers: the period (a month, a quarter, the heat season, a year, or any dates) and the scope. */
export function ReportControls({ kind, period, query, onChange }: Props) {
  const { t } = useI18n();
  const fmt = useReportFormat();
  const choose = (next: PeriodKind) =>
    onChange({ period: next, ...(next === 'custom' ? period : periodHolding(next, period.from)) });
  return (
    <div className="report-controls no-print" data-testid="report-controls">
      <label className="field">
        <span className="field-label">{t('report.periodKind')}</span>
        <select value={kind} onChange={(e) => choose(e.target.value as PeriodKind)} data-testid="report-period-kind">
          {periodKinds.map((k) => (
            <option key={k} value={k}>
              {t(`reportPeriod.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'custom' ? (
        <>
          <DateField
            label={t('report.firstDay')}
            name="from"
            value={period.from}
            onChange={(from) => from && onChange({ period: 'custom', from, to: period.to })}
          />
          <DateField
            label={t('report.lastDay')}
            name="to"
            value={addDays(period.to, -1)}
            onChange={(last) => last && onChange({ period: 'custom', from: period.from, to: addDays(last, 1) })}
          />
        </>
      ) : (
        <div className="report-stepper" role="group" aria-label={t('report.period')}>
          <button
            type="button"
            onClick={() => onChange({ period: kind, ...stepPeriod(kind, period.from, -1) })}
            aria-label={t('report.previousPeriod')}
            data-testid="report-period-back"
          >
            ‹
          </button>
          <span className="report-period-name" data-testid="report-period-name">
            {periodName(kind, period, fmt, t)}
          </span>
          <button
            type="button"
            onClick={() => onChange({ period: kind, ...stepPeriod(kind, period.from, 1) })}
            aria-label={t('report.nextPeriod')}
            data-testid="report-period-forward"
          >
            ›
          </button>
        </div>
      )}
      <ScopePicker query={query} onChange={onChange} />
    </div>
  );
}

/** "June 2026", "Q2 2026", "Heat season 2026", "2026". */
function periodName(
  kind: Exclude<PeriodKind, 'custom'>,
  period: Period,
  fmt: ReturnType<typeof useReportFormat>,
  t: ReturnType<typeof useI18n>['t'],
): string {
  const year = period.from.slice(0, 4);
  switch (kind) {
    case 'month':
      return fmt.monthName(period.from.slice(0, 7));
    case 'quarter':
      return t('report.quarterOf', { quarter: Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1, year });
    case 'heat':
      return t('report.heatSeasonOf', { year });
    case 'year':
      return year;
  }
}

const scopeKinds = ['mechanism', 'area', 'port'] as const;
type ScopeKind = (typeof scopeKinds)[number];

/**
 * The whole border, one mechanism, one high-risk area or one port, by name. An officer of one
 * mechanism chooses within it: their mechanism, or one of its ports.
 */
function ScopePicker({ query, onChange }: Pick<Props, 'query' | 'onChange'>) {
  const { t } = useI18n();
  const user = useUser();
  const places = usePlaceNames();
  const own = mechanismScopeOf(user);
  const value = scopeKinds.map((k) => (query[k] ? `${k}:${query[k]}` : '')).find(Boolean) ?? '';
  const byName = <T,>(items: readonly T[], name: (item: T) => string) =>
    items.map((item) => ({ item, name: name(item) })).sort((a, b) => a.name.localeCompare(b.name));
  const mechanisms = byName(
    places.mechanisms.filter((m) => own === null || m.id === own),
    (m) => places.mechanism(m.id),
  );
  const ports = byName(
    places.ports.filter((p) => own === null || p.mechanismId === own),
    (p) => places.port(p.id),
  );
  const areas = own === null ? byName(places.areas, (a) => places.area(a.id)) : [];
  const choose = (chosen: string) => {
    const [kind, id] = chosen.split(':') as [ScopeKind | '', string | undefined];
    onChange({ mechanism: undefined, area: undefined, port: undefined, ...(kind ? { [kind]: id } : {}) });
  };
  return (
    <label className="field">
      <span className="field-label">{t('report.scope')}</span>
      <select value={value} onChange={(e) => choose(e.target.value)} data-testid="report-scope">
        {own === null && <option value="">{t('report.wholeBorder')}</option>}
        <optgroup label={t('report.mechanisms')}>
          {mechanisms.map(({ item, name }) => (
            <option key={item.id} value={`mechanism:${item.id}`}>
              {name}
            </option>
          ))}
        </optgroup>
        {areas.length > 0 && (
          <optgroup label={t('report.areas')}>
            {areas.map(({ item, name }) => (
              <option key={item.id} value={`area:${item.id}`}>
                {name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('report.ports')}>
          {ports.map(({ item, name }) => (
            <option key={item.id} value={`port:${item.id}`}>
              {name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
