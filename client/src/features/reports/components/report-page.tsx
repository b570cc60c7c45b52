import { z } from 'zod';
import { mechanismScopeOf } from '@shared/auth.js';
import type { ReportQuery } from '@shared/reports/contract.js';
import { dateIn } from '@shared/reports/period.js';
import { Button } from '@client/components/button.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { useClock } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useUser } from '@client/lib/session.js';
import { viewerTimeZone } from '@client/lib/zoned-time.js';
import { useReportSummary } from '../api/get-summary.js';
import { periodHolding, periodKinds } from '../period.js';
import { ReportControls } from './report-controls.js';
import { ReportDocument } from './report-document.js';
import '../reports.css';

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** `#/reports?period=month&from=2026-06-01&to=2026-07-01&mechanism=…`: what the report covers, in the URL to share. */
export const reportSearch = z.object({
  period: z.enum(periodKinds).optional().catch(undefined),
  from: calendarDay.optional().catch(undefined),
  to: calendarDay.optional().catch(undefined),
  mechanism: z.string().optional().catch(undefined),
  area: z.string().optional().catch(undefined),
  port: z.string().optional().catch(undefined),
});
export type ReportSearch = z.output<typeof reportSearch>;

/**
 * `#/reports`: the bilateral review of a period (Plan of Action: "review regularly the results
 * and the progress of local coordination efforts on border safety"), for the whole border, a
 * mechanism, a high-risk area or a port; printable, with each section's records as CSV.
 */
export function ReportPage() {
  const { t } = useI18n();
  const clock = useClock();
  const user = useUser();
  const [search, setSearch] = useValidatedSearchParams(reportSearch);
  const kind = search.period ?? (search.from && search.to ? 'custom' : 'month');
  // A named period is whole (a link's `from` anywhere in June means June); a custom one is as given.
  const period =
    kind === 'custom' && search.from && search.to
      ? { from: search.from, to: search.to }
      : periodHolding(kind === 'custom' ? 'month' : kind, search.from ?? dateIn(clock(), viewerTimeZone()));
  // An officer of one mechanism reviews it: the server narrows to it whatever is asked.
  const mechanism =
    search.mechanism ?? (search.area || search.port ? undefined : (mechanismScopeOf(user) ?? undefined));
  const query: ReportQuery = { ...period, mechanism, area: search.area, port: search.port };
  const summary = useReportSummary(query);

  return (
    <div className="page report-page">
      <header className="page-header no-print">
        <h1>{t('report.title')}</h1>
        <Button onClick={() => window.print()} disabled={!summary.data} data-testid="report-print">
          {t('report.print')}
        </Button>
      </header>
      <ReportControls kind={kind} period={period} query={query} onChange={setSearch} />
      {summary.error ? (
        <div data-testid="report-error">
          <ErrorWithRetry error={summary.error} onRetry={() => void summary.refetch()} />
        </div>
      ) : !summary.data ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : (
        <ReportDocument summary={summary.data} query={query} updating={summary.isPlaceholderData} />
      )}
    </div>
  );
}
