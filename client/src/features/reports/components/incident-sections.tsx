import { Link } from 'react-router';
import { incidentTypes, investigationStatuses, severities } from '@shared/incidents/contract.js';
import type { ReportSummary } from '@shared/reports/contract.js';
import { Table } from '@client/components/table.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import type { PlaceNames } from '../hooks/use-place-names.js';
import { AcknowledgementChart, IncidentsByMonthChart } from './charts.js';
import { CountTable, Figures, RecordsTable, ReportSection, rowsFor } from './report-parts.js';
import { shareOf, useReportFormat } from './report-format.js';

interface Props {
  summary: ReportSummary;
}

const governments = ['US', 'MX'] as const;

/**
 * Incidents by type, severity, mechanism and high-risk area; people rescued, injured and
 * deceased; the change against the period before; deaths by area and month (the Oaxaca
 * report: "track border-related deaths and dangerous incidents").
 */
export function IncidentsSection({ summary, places }: Props & { places: PlaceNames }) {
  const { t, formatNumber } = useI18n();
  const fmt = useReportFormat();
  const incidents = summary.incidents;
  const { byMechanism, byArea, deceasedByArea } = incidents;
  return (
    <ReportSection id="incidents" title={t('report.section.incidents')} csv="incidents">
      <Figures
        items={[
          { label: t('report.incidents'), value: formatNumber(incidents.total), testId: 'figure-incidents' },
          {
            label: t('report.previousTotal', { period: fmt.period(summary.previous) }),
            value: formatNumber(incidents.previousTotal),
          },
          {
            label: t('report.change'),
            value: fmt.change(incidents.total, incidents.previousTotal),
            testId: 'figure-change',
          },
          { label: t('report.rescued'), value: formatNumber(incidents.people.rescued) },
          { label: t('report.injured'), value: formatNumber(incidents.people.injured) },
          { label: t('report.deceased'), value: formatNumber(incidents.people.deceased), testId: 'figure-deceased' },
        ]}
      />
      <IncidentsByMonthChart byMonth={incidents.byMonth} />
      <RecordsTable
        caption={t('report.byMonth')}
        counts
        testId="table-by-month"
        columns={[
          { header: t('report.month'), cell: (m) => fmt.monthName(m.month) },
          { header: t('report.incidents'), cell: (m) => formatNumber(m.count) },
          { header: t('report.deceased'), cell: (m) => formatNumber(m.deceased) },
        ]}
        rows={incidents.byMonth}
        rowKey={(m) => m.month}
      />
      <div className="report-tables">
        <CountTable
          caption={t('report.byType')}
          by={t('report.type')}
          unit={t('report.incidents')}
          rows={rowsFor(incidentTypes, incidents.byType, (type) => t(`incidentType.${type}`))}
        />
        <CountTable
          caption={t('report.bySeverity')}
          by={t('report.severity')}
          unit={t('report.incidents')}
          rows={rowsFor(severities, incidents.bySeverity, (severity) => t(`severity.${severity}`))}
        />
        <CountTable
          caption={t('report.byMechanism')}
          by={t('report.mechanism')}
          unit={t('report.incidents')}
          rows={rowsFor(Object.keys(byMechanism), byMechanism, places.mechanism)}
          testId="table-by-mechanism"
        />
        <CountTable
          caption={t('report.byArea')}
          by={t('report.area')}
          unit={t('report.incidents')}
          rows={rowsFor(Object.keys(byArea), byArea, places.area)}
          testId="table-by-area"
        />
        <CountTable
          caption={t('report.deathsByArea')}
          by={t('report.area')}
          unit={t('report.deceased')}
          rows={rowsFor(Object.keys(deceasedByArea), deceasedByArea, places.area)}
          testId="table-deaths-by-area"
        />
      </div>
    </ReportSection>
  );
}

/**
 * Each government's response to the early alerts (Plan of Action V): how fast it acknowledged
 * (median, 90th percentile), how often by the deadline, and escalations to the central desks.
 * The reporting government acknowledges with its report: counted apart, never as a 0-second answer.
 */
export function ResponseSection({ summary }: Props) {
  const { t, formatNumber } = useI18n();
  const fmt = useReportFormat();
  const response = summary.response;
  const time = (seconds: number | null) => (seconds === null ? '—' : fmt.duration(seconds));
  return (
    <ReportSection id="response" title={t('report.section.response')} csv="response">
      <Figures
        items={[
          { label: t('report.alerts'), value: formatNumber(response.alerts) },
          {
            label: t('report.escalations'),
            value: t('report.countWithShare', {
              count: formatNumber(response.escalations),
              share: fmt.percent(response.escalationShare),
            }),
            testId: 'figure-escalations',
          },
        ]}
      />
      <Table
        label={t('report.section.response')}
        stackOnPhone
        testId="table-response"
        columns={[
          { header: t('report.government'), cell: (g) => t(`government.${g}`) },
          { header: t('report.acknowledged'), cell: (g) => formatNumber(response[g].acknowledged) },
          { header: t('report.median'), cell: (g) => time(response[g].medianSeconds) },
          { header: t('report.p90'), cell: (g) => time(response[g].p90Seconds) },
          {
            header: t('report.byDeadline'),
            cell: (g) => {
              // The alerts this government had to answer: not those it raised itself with its report.
              const owed = Math.max(0, response.alerts - response.acknowledgedWithReport[g]);
              return t('report.partOf', {
                part: formatNumber(response[g].byDeadline),
                whole: formatNumber(owed),
                share: fmt.percent(shareOf(response[g].byDeadline, owed)),
              });
            },
          },
        ]}
        rows={governments}
        rowKey={(g) => g}
      />
      <p className="muted" data-testid="response-with-report">
        {t('report.withReportApart', {
          us: formatNumber(response.acknowledgedWithReport.US),
          mx: formatNumber(response.acknowledgedWithReport.MX),
        })}
      </p>
      <AcknowledgementChart response={response} />
    </ReportSection>
  );
}

/**
 * The follow-up of violent incidents (the annual border-violence report): investigations
 * opened, updated, closed and stale, by lead agency, and those still open with how long.
 */
export function InvestigationsSection({ summary }: Props) {
  const { t, formatNumber } = useI18n();
  const investigations = summary.investigations;
  const { byLeadAgency } = investigations;
  return (
    <ReportSection id="investigations" title={t('report.section.investigations')} csv="investigations">
      <Figures
        items={[
          { label: t('report.opened'), value: formatNumber(investigations.opened) },
          { label: t('report.updated'), value: formatNumber(investigations.updated) },
          { label: t('report.closed'), value: formatNumber(investigations.closed) },
          { label: t('report.stale'), value: formatNumber(investigations.stale), testId: 'figure-stale' },
        ]}
      />
      <div className="report-tables">
        <CountTable
          caption={t('report.byLeadAgency')}
          by={t('report.leadAgency')}
          unit={t('report.investigations')}
          rows={rowsFor(Object.keys(byLeadAgency), byLeadAgency, (agency) => agency)}
        />
        <CountTable
          caption={t('report.byStatus')}
          by={t('report.status')}
          unit={t('report.investigations')}
          rows={rowsFor(investigationStatuses, investigations.byStatus, (status) => t(`investigationStatus.${status}`))}
        />
      </div>
      <RecordsTable
        caption={t('report.stillOpen')}
        none={t('report.noneOpen')}
        testId="table-open-investigations"
        columns={[
          {
            header: t('report.openedAt'),
            cell: (open) => (
              <Link to={`/incidents/${encodeURIComponent(open.incidentId)}`}>
                <ZonedTime iso={open.openedAt} timeZone={summary.period.timeZone} />
              </Link>
            ),
          },
          { header: t('report.daysOpen'), cell: (open) => t('duration.days', { count: open.days }) },
        ]}
        rows={investigations.open}
        rowKey={(open) => open.incidentId}
      />
    </ReportSection>
  );
}
