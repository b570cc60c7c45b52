import { createContext, useContext, type ReactNode } from 'react';
import type { ReportQuery, ReportTable } from '@shared/reports/contract.js';
import { Table, type Column } from '@client/components/table.js';
import { useI18n } from '@client/lib/i18n.js';
import { csvHref } from '../api/csv-link.js';

/** What every section repeats: the query its CSV link exports, and the line heading each printed page. */
export const ReportContext = createContext<{ query: ReportQuery; runningHead: string } | null>(null);

function useReportContext() {
  const context = useContext(ReportContext);
  if (!context) throw new Error('a report section outside ReportDocument');
  return context;
}

interface SectionProps {
  id: string;
  title: string;
  /** The table of records behind the section, downloadable as CSV in the reader's language. */
  csv?: ReportTable;
  children: ReactNode;
}

/** One section of the report: a page of its own when printed, headed by what the report covers. */
export function ReportSection({ id, title, csv, children }: SectionProps) {
  const { t, language } = useI18n();
  const { query, runningHead } = useReportContext();
  return (
    <section className="report-section" aria-labelledby={`report-${id}`} data-testid={`report-section-${id}`}>
      <p className="report-running-head" aria-hidden="true">
        {runningHead}
      </p>
      <div className="report-section-head">
        <h2 id={`report-${id}`}>{title}</h2>
        {csv && (
          <a
            className="button no-print"
            href={csvHref(csv, query, language)}
            download={`${csv}-${query.from}-${query.to}-${language}.csv`}
            data-testid={`report-csv-${csv}`}
          >
            {t('report.csv', { table: title })}
          </a>
        )}
      </div>
      {children}
    </section>
  );
}

/** The section's headline figures, each a number with what it counts. */
export function Figures({ items }: { items: readonly { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <dl className="report-figures">
      {items.map((item) => (
        <div key={item.label} data-testid={item.testId}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface RecordsTableProps<Row> {
  /** The table's heading, which also names it for screen readers. */
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What to say when there are no rows (default: none in this period). */
  none?: string;
  stackOnPhone?: boolean;
  /** `counts`: every column after the first is a number, aligned to the right. */
  counts?: boolean;
  testId?: string;
}

/** A titled table of the report; a line saying there is nothing instead of an empty table. */
export function RecordsTable<Row>({ caption, none, counts = false, testId, ...table }: RecordsTableProps<Row>) {
  const { t } = useI18n();
  return (
    <div className={counts ? 'report-table report-counts' : 'report-table'} data-testid={testId}>
      <h3>{caption}</h3>
      {table.rows.length === 0 ? (
        <p className="muted">{none ?? t('report.noneInPeriod')}</p>
      ) : (
        <Table label={caption} {...table} />
      )}
    </div>
  );
}

interface CountTableProps {
  caption: string;
  /** The first column's header: what is counted by. */
  by: string;
  /** The count column's header. */
  unit: string;
  rows: readonly { key: string; label: string; count: number }[];
  testId?: string;
}

/** Counts by something (type, port, rule…), largest first, leaving out what counts none. */
export function CountTable({ by, unit, rows, ...rest }: CountTableProps) {
  const { formatNumber } = useI18n();
  const sorted = [...rows]
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return (
    <RecordsTable
      {...rest}
      counts
      columns={[
        { header: by, cell: (row) => row.label },
        { header: unit, cell: (row) => formatNumber(row.count) },
      ]}
      rows={sorted}
      rowKey={(row) => row.key}
    />
  );
}

/** Table rows for `keys`, each named by `label` (never shown as the raw code or id) with its count. */
export const rowsFor = <K extends string>(
  keys: readonly K[],
  counts: Readonly<Partial<Record<K, number>>>,
  label: (key: K) => string,
) => keys.map((key) => ({ key, label: label(key), count: counts[key] ?? 0 }));
