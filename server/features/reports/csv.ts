import { t, type LabelKey, type Language } from '@shared/i18n/index.js';
import { categoryLabels } from '@shared/repatriation/messages.js';
import { personCategories, vulnerableCategories } from '@shared/repatriation/contract.js';
import { wallClockIn } from '@shared/reports/period.js';
import type { ClosureRow, IncidentRow, InvestigationRow, MovementRow, ResponseRow } from './repository.js';

/*
 * The reports' CSV exports: RFC 4180 (quoted where needed, CRLF), UTF-8 with a byte-order mark
 * so spreadsheets read the accents, headers and values in the reader's language, times on the
 * wall clock of the report's zone (named in the header), one row per record behind the figures.
 */

type Cell = string | number | null;

/** RFC 4180 field; text a spreadsheet would run as a formula (=, +, -, @) gets a leading '. */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** What a column's values are written with: the reader's language and the report's zone. */
interface Writer {
  lang: Language;
  label: (key: LabelKey) => string;
  yesNo: (value: boolean) => string;
  time: (value: Date | string | null) => string | null;
}

/** A column: its header (a time column's names the zone: "Occurred at (America/Tijuana)") and its value. */
interface Column<R> {
  header: LabelKey;
  timed?: boolean;
  value: (row: R, w: Writer) => Cell;
}

const ms = (value: Date | string) => new Date(value).getTime();

/** One export: a header line and a line per row, in `lang`, times in `zone` (movements in their port's own). */
export function reportCsv<R>(columns: readonly Column<R>[], rows: readonly R[], lang: Language, zone: string): string {
  const label = (key: LabelKey) => t(lang, key);
  const w: Writer = {
    lang,
    label,
    yesNo: (value) => label(value ? 'reportValue.yes' : 'reportValue.no'),
    time: (value) => (value === null ? null : wallClockIn(ms(value), zone)),
  };
  const header = columns.map((c) => (c.timed ? `${label(c.header)} (${zone})` : label(c.header)));
  const lines = [header, ...rows.map((row) => columns.map((c) => c.value(row, w)))];
  return '\uFEFF' + lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

const incidentColumns: Column<IncidentRow>[] = [
  { header: 'reportColumn.incident', value: (r) => r.id },
  { header: 'reportColumn.occurredAt', timed: true, value: (r, w) => w.time(r.occurred_at) },
  { header: 'reportColumn.type', value: (r, w) => w.label(`incidentType.${r.type}`) },
  { header: 'reportColumn.severity', value: (r, w) => w.label(`severity.${r.severity}`) },
  { header: 'reportColumn.status', value: (r, w) => w.label(`status.${r.status}`) },
  { header: 'reportColumn.mechanism', value: (r) => r.mechanism_id },
  { header: 'reportColumn.areas', value: (r) => r.area_ids.join(' ') },
  { header: 'reportColumn.rescued', value: (r) => r.rescued },
  { header: 'reportColumn.injured', value: (r) => r.injured },
  { header: 'reportColumn.deceased', value: (r) => r.deceased },
  { header: 'reportColumn.reportingGovernment', value: (r, w) => w.label(`government.${r.reporting_country}`) },
  { header: 'reportColumn.demo', value: (r, w) => w.yesNo(r.demo) },
];

const acknowledgedMs = (r: ResponseRow) => (r.acknowledged_at === null ? null : ms(r.acknowledged_at));

const responseColumns: Column<ResponseRow>[] = [
  { header: 'reportColumn.incident', value: (r) => r.incident_id },
  { header: 'reportColumn.alertRaisedAt', timed: true, value: (r, w) => w.time(r.raised_at) },
  { header: 'reportColumn.deadline', timed: true, value: (r, w) => w.time(r.ack_deadline) },
  { header: 'reportColumn.government', value: (r, w) => w.label(`government.${r.government}`) },
  { header: 'reportColumn.acknowledgedAt', timed: true, value: (r, w) => w.time(r.acknowledged_at) },
  {
    header: 'reportColumn.seconds',
    value: (r) => {
      const at = acknowledgedMs(r);
      return at === null ? null : Math.round((at - ms(r.raised_at)) / 1000);
    },
  },
  {
    header: 'reportColumn.byDeadline',
    value: (r, w) => {
      const at = acknowledgedMs(r);
      return at === null ? null : w.yesNo(at <= ms(r.ack_deadline));
    },
  },
  { header: 'reportColumn.withReport', value: (r, w) => (r.with_report === null ? null : w.yesNo(r.with_report)) },
  { header: 'reportColumn.escalatedAt', timed: true, value: (r, w) => w.time(r.escalated_at) },
];

/** An investigation as the export shows it: stale and the days open worked out at the period's end. */
export interface InvestigationLine extends InvestigationRow {
  stale: boolean;
  /** Null once closed. */
  days: number | null;
}

const investigationColumns: Column<InvestigationLine>[] = [
  { header: 'reportColumn.incident', value: (r) => r.incident_id },
  { header: 'reportColumn.leadAgency', value: (r) => r.lead_agency },
  { header: 'reportColumn.caseReference', value: (r) => r.case_reference },
  { header: 'reportColumn.status', value: (r, w) => w.label(`investigationStatus.${r.status}`) },
  { header: 'reportColumn.openedAt', timed: true, value: (r, w) => w.time(r.opened_at) },
  { header: 'reportColumn.updatedAt', timed: true, value: (r, w) => w.time(r.updated_at) },
  { header: 'reportColumn.daysOpen', value: (r) => r.days },
  { header: 'reportColumn.stale', value: (r, w) => w.yesNo(r.stale) },
];

/** "adult man × 2; accompanied minor × 1", in the catalogue's order. */
function tallied(values: readonly string[], order: readonly string[], name: (value: string) => string): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return [...counts]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([value, n]) => `${name(value)} × ${n}`)
    .join('; ');
}

const isCategory = (value: string): value is keyof typeof categoryLabels => value in categoryLabels;
const noticeLabels = {
  on_time: 'reportValue.onTime',
  late: 'reportValue.late',
  pending: 'reportValue.pending',
} as const;

/** Movements on their own port's clock (each row names its zone). */
const movementColumns: Column<MovementRow>[] = [
  { header: 'reportColumn.movement', value: (r) => r.id },
  { header: 'reportColumn.port', value: (r) => r.port_id },
  { header: 'reportColumn.at', value: (r) => wallClockIn(ms(r.at), r.zone) },
  { header: 'reportColumn.timeZone', value: (r) => r.zone },
  { header: 'reportColumn.persons', value: (r) => r.persons.length },
  {
    header: 'reportColumn.vulnerable',
    value: (r) => r.persons.filter((p) => vulnerableCategories.includes(p.category)).length,
  },
  {
    header: 'reportColumn.categories',
    value: (r, w) =>
      tallied(
        r.persons.map((p) => p.category),
        personCategories,
        (c) => (isCategory(c) ? categoryLabels[c][w.lang] : c),
      ),
  },
  {
    header: 'reportColumn.nationalities',
    value: (r) =>
      tallied(
        r.persons.map((p) => p.nationality),
        [],
        (n) => n,
      ),
  },
  { header: 'reportColumn.status', value: (r, w) => w.label(`movementStatus.${r.status}`) },
  { header: 'reportColumn.notice', value: (r, w) => w.label(noticeLabels[r.notice]) },
  { header: 'reportColumn.received', value: (r) => r.received_count },
];

const HOUR_MS = 3_600_000;

const closureColumns: Column<ClosureRow>[] = [
  { header: 'reportColumn.port', value: (r) => r.port_id },
  { header: 'reportColumn.status', value: (r, w) => w.label(`ports.status.${r.status}`) },
  { header: 'reportColumn.from', timed: true, value: (r, w) => w.time(r.from_at) },
  { header: 'reportColumn.to', timed: true, value: (r, w) => w.time(r.to_at) },
  {
    header: 'reportColumn.hours',
    value: (r) => (r.to_at === null ? null : Math.round(((ms(r.to_at) - ms(r.from_at)) / HOUR_MS) * 10) / 10),
  },
  {
    header: 'reportColumn.reason',
    value: (r, w) => (r.reason === null ? null : w.label(`portStatusReason.${r.reason}`)),
  },
];

/** The columns of each export. */
export const reportColumns = {
  incidents: incidentColumns,
  response: responseColumns,
  investigations: investigationColumns,
  repatriations: movementColumns,
  ports: closureColumns,
};
