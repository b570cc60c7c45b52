import { hazards } from '@shared/advisories/contract.js';
import { personCategories, violationCodes } from '@shared/repatriation/contract.js';
import { categoryLabels, countryName, violationTitles } from '@shared/repatriation/messages.js';
import type { PortClosure, ReportSummary } from '@shared/reports/contract.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import type { PlaceNames } from '../hooks/use-place-names.js';
import { RepatriationsByHourChart } from './charts.js';
import { CountTable, Figures, RecordsTable, ReportSection, rowsFor } from './report-parts.js';
import { shareOf, useReportFormat } from './report-format.js';

interface Props {
  summary: ReportSummary;
  places: PlaceNames;
}

/**
 * Safe and orderly repatriation (Plan of Action VI): persons by port, hour of day on the port's
 * clock, category and nationality; vulnerable persons and how many arrived in daylight (2003
 * report); the checks that stopped a movement, by rule; consular notices; receptions confirmed.
 */
export function RepatriationsSection({ summary, places }: Props) {
  const { t, formatNumber, language, pick } = useI18n();
  const fmt = useReportFormat();
  const r = summary.repatriations;
  const { byPort, byNationality } = r;
  return (
    <ReportSection id="repatriations" title={t('report.section.repatriations')} csv="repatriations">
      <Figures
        items={[
          { label: t('report.movements'), value: formatNumber(r.movements) },
          { label: t('report.persons'), value: formatNumber(r.persons), testId: 'figure-persons' },
          { label: t('report.vulnerable'), value: formatNumber(r.vulnerable) },
          {
            label: t('report.vulnerableInDaylight'),
            value: t('report.partOf', {
              part: formatNumber(r.vulnerableInDaylight),
              whole: formatNumber(r.vulnerable),
              share: fmt.percent(shareOf(r.vulnerableInDaylight, r.vulnerable)),
            }),
            testId: 'figure-daylight',
          },
          {
            label: t('report.noticesOnTime'),
            value: t('report.partOf', {
              part: formatNumber(r.notices.onTime),
              whole: formatNumber(r.notices.onTime + r.notices.late),
              share: fmt.percent(shareOf(r.notices.onTime, r.notices.onTime + r.notices.late)),
            }),
          },
          { label: t('report.receptionsConfirmed'), value: formatNumber(r.receptionsConfirmed) },
        ]}
      />
      <RepatriationsByHourChart byHour={r.byHour} />
      <div className="report-tables">
        <CountTable
          caption={t('report.byPort')}
          by={t('report.port')}
          unit={t('report.persons')}
          rows={rowsFor(Object.keys(byPort), byPort, places.port)}
          testId="table-by-port"
        />
        <CountTable
          caption={t('report.byCategory')}
          by={t('report.category')}
          unit={t('report.persons')}
          rows={rowsFor(personCategories, r.byCategory, (category) => pick(categoryLabels[category]))}
        />
        <CountTable
          caption={t('report.byNationality')}
          by={t('report.nationality')}
          unit={t('report.persons')}
          rows={rowsFor(Object.keys(byNationality), byNationality, (code) => countryName(code, language))}
        />
        <CountTable
          caption={t('report.refusedByRule')}
          by={t('report.rule')}
          unit={t('report.times')}
          rows={rowsFor(violationCodes, r.refusedChecksByRule, (code) => pick(violationTitles[code]))}
          testId="table-refused-by-rule"
        />
      </div>
    </ReportSection>
  );
}

/** Ports closed or restricted (Plan of Action V, emergencies at crossing points) and weather advisories published. */
export function PortsSection({ summary, places }: Props) {
  const { t, formatNumber, language } = useI18n();
  const fmt = useReportFormat();
  const { closures } = summary.ports;
  // A closure on the port's own clock, the reader's side of it.
  const zoneOf = (closure: PortClosure) => {
    const port = places.ports.find((p) => p.id === closure.portId);
    return port ? (language === 'es' ? port.mxTimeZone : port.usTimeZone) : summary.period.timeZone;
  };
  return (
    <ReportSection id="ports" title={t('report.section.ports')} csv="ports">
      <RecordsTable
        caption={t('report.closures')}
        stackOnPhone
        testId="table-closures"
        columns={[
          { header: t('report.port'), cell: (closure) => places.port(closure.portId) },
          { header: t('report.status'), cell: (closure) => t(`map.portStatus.${closure.status}`) },
          {
            header: t('report.from'),
            cell: (closure) => <ZonedTime iso={closure.from} timeZone={zoneOf(closure)} />,
          },
          {
            header: t('report.to'),
            cell: (closure) =>
              closure.to ? <ZonedTime iso={closure.to} timeZone={zoneOf(closure)} /> : t('report.stillInForce'),
          },
          {
            header: t('report.duration'),
            cell: (closure) => {
              const seconds = (Date.parse(closure.to ?? summary.generatedAt) - Date.parse(closure.from)) / 1000;
              return closure.to ? fmt.duration(seconds) : t('report.soFar', { duration: fmt.duration(seconds) });
            },
          },
          {
            header: t('report.reason'),
            cell: (closure) => (closure.reason ? t(`portStatusReason.${closure.reason}`) : '—'),
          },
        ]}
        rows={closures}
        rowKey={(closure) => `${closure.portId}-${closure.from}`}
      />
      <Figures
        items={[{ label: t('report.advisoriesPublished'), value: formatNumber(summary.advisories.published) }]}
      />
      <CountTable
        caption={t('report.advisoriesByHazard')}
        by={t('report.hazard')}
        unit={t('report.advisories')}
        rows={rowsFor(hazards, summary.advisories.byHazard, (hazard) => t(`hazard.${hazard}`))}
      />
    </ReportSection>
  );
}

/** The mechanisms' own follow-up (Plan of Action I–II): meetings held, commitments, and how old each roster's checks are. */
export function MechanismsSection({ summary, places }: Props) {
  const { t, formatNumber } = useI18n();
  const { meetings, commitments, rosters } = summary.mechanisms;
  const mechanismZone = (id: string) => places.mechanisms.find((m) => m.id === id)?.timeZone ?? summary.period.timeZone;
  return (
    <ReportSection id="mechanisms" title={t('report.section.mechanisms')}>
      <Figures
        items={[
          { label: t('report.meetings'), value: formatNumber(meetings), testId: 'figure-meetings' },
          { label: t('report.commitmentsMade'), value: formatNumber(commitments.made) },
          { label: t('report.commitmentsDone'), value: formatNumber(commitments.done) },
          { label: t('report.commitmentsOverdue'), value: formatNumber(commitments.overdue) },
        ]}
      />
      <RecordsTable
        caption={t('report.rosters')}
        stackOnPhone
        testId="table-rosters"
        columns={[
          { header: t('report.mechanism'), cell: (roster) => places.mechanism(roster.mechanismId) },
          { header: t('report.members'), cell: (roster) => formatNumber(roster.members) },
          {
            header: t('report.oldestVerification'),
            cell: (roster) =>
              roster.oldestVerifiedAt ? (
                <ZonedTime iso={roster.oldestVerifiedAt} timeZone={mechanismZone(roster.mechanismId)} />
              ) : (
                '—'
              ),
          },
          {
            header: t('report.verificationAge'),
            cell: (roster) =>
              roster.oldestVerificationDays === null
                ? '—'
                : t('duration.days', { count: roster.oldestVerificationDays }),
          },
        ]}
        rows={rosters}
        rowKey={(roster) => roster.mechanismId}
      />
    </ReportSection>
  );
}
