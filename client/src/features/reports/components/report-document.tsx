import type { ReportQuery, ReportSummary } from '@shared/reports/contract.js';
import { startOfDay, WHOLE_BORDER_ZONE as UTC } from '@shared/reports/period.js';
import { Badge } from '@client/components/badge.js';
import { useI18n } from '@client/lib/i18n.js';
import { zoneAbbreviation } from '@client/lib/zoned-time.js';
import { usePlaceNames, type PlaceNames } from '../hooks/use-place-names.js';
import { IncidentsSection, InvestigationsSection, ResponseSection } from './incident-sections.js';
import { MechanismsSection, PortsSection, RepatriationsSection } from './operations-sections.js';
import { ReportContext } from './report-parts.js';
import { useReportFormat } from './report-format.js';

/** The scope in words: a mechanism, an area or a port by name, or the whole border. */
function scopeName(scope: ReportSummary['scope'], places: PlaceNames, t: ReturnType<typeof useI18n>['t']): string {
  if (scope.port) return t('report.scopePort', { port: places.port(scope.port) });
  if (scope.area && scope.mechanism)
    return t('report.scopeAreaInMechanism', {
      area: places.area(scope.area),
      mechanism: places.mechanism(scope.mechanism),
    });
  if (scope.area) return t('report.scopeArea', { area: places.area(scope.area) });
  if (scope.mechanism) return t('report.scopeMechanism', { mechanism: places.mechanism(scope.mechanism) });
  return t('report.wholeBorder');
}

/**
 * The zone the period's days are read on: the scope's border zone, named as it reads at the
 * period's start and, where the clocks change within it, at its end too; UTC for the whole border.
 */
function ZoneLine({ period }: { period: ReportSummary['period'] }) {
  const { t, zoneName } = useI18n();
  const zone = period.timeZone;
  if (zone === UTC) return <>{t('report.zoneUtc')}</>;
  const [first, last] = [period.from, period.to].map((day) => {
    const at = startOfDay(day, zone);
    return `${zoneName(zone, new Date(at).toISOString())} (${zoneAbbreviation(zone, at)})`;
  });
  return (
    <>
      {first === last
        ? t('report.zoneLine', { zone: first! })
        : t('report.zoneChanges', { first: first!, then: last! })}
    </>
  );
}

/**
 * The report as a co-chair hands it across the table: a header saying what it covers (period,
 * scope, the zone its dates fall on, when it was generated, on the scope's clock and another),
 * what it leaves out, then one section per page when printed.
 */
export function ReportDocument({
  summary,
  query,
  updating,
}: {
  summary: ReportSummary;
  query: ReportQuery;
  updating: boolean;
}) {
  const { t, formatTime, viewerTimeZone } = useI18n();
  const fmt = useReportFormat();
  const places = usePlaceNames();
  const zone = summary.period.timeZone;
  // The generation time on the scope's clock and one more: UTC beside a border zone, the reader's beside UTC.
  const otherZone = zone === UTC ? viewerTimeZone : UTC;
  const generated = [zone, otherZone].map((z) => formatTime(summary.generatedAt, z));
  const scope = scopeName(summary.scope, places, t);
  const period = fmt.period(summary.period);
  const demo = summary.demo.incidents > 0;
  return (
    <ReportContext.Provider value={{ query, runningHead: t('report.runningHead', { scope, period }) }}>
      <article className="report-document" aria-busy={updating} data-updating={updating} data-testid="report">
        <header className="report-header" data-testid="report-header">
          <p className="report-kicker">{t('report.kicker')}</p>
          <h2 className="report-scope" data-testid="report-scope-name">
            {scope}
          </h2>
          <p className="report-period" data-testid="report-period">
            {t('report.periodLine', { period })}
          </p>
          <p data-testid="report-zone">
            <ZoneLine period={summary.period} />
          </p>
          <p className="muted">{t('report.previousLine', { period: fmt.period(summary.previous) })}</p>
          <p className="muted" data-testid="report-generated">
            {generated[0] === generated[1]
              ? t('report.generatedAtOne', { time: generated[0]! })
              : t('report.generatedAt', { time: generated[0]!, other: generated[1]! })}
          </p>
        </header>
        <p className="notice" data-testid="report-drills-notice">
          {t('report.drillsLeftOut')}
        </p>
        {demo && (
          <p className="notice" data-testid="report-demo-notice">
            <Badge tone="info">{t('incidents.demo')}</Badge>{' '}
            {t('report.demoCounted', { count: summary.demo.incidents })}
          </p>
        )}
        <IncidentsSection summary={summary} places={places} />
        <ResponseSection summary={summary} />
        <InvestigationsSection summary={summary} />
        <RepatriationsSection summary={summary} places={places} />
        <PortsSection summary={summary} places={places} />
        <MechanismsSection summary={summary} places={places} />
      </article>
    </ReportContext.Provider>
  );
}
