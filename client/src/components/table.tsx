import type { ReactNode } from 'react';
import { classNames } from '@client/lib/class-names.js';
import './table.css';

export interface Column<Row> {
  /** The column's heading, in the reader's language; on a phone it labels the value in each card. */
  header: string;
  cell: (row: Row) => ReactNode;
}

interface Props<Row> {
  /** Names the table's frame for screen readers (it scrolls, so it takes focus). */
  label: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** On a phone, one card per row, each value under its column's name, instead of scrolling sideways. */
  stackOnPhone?: boolean;
  testId?: string;
}

/**
 * A table in a frame that scrolls sideways when it is wider than the page, so the page itself
 * never does. Each cell carries its column's name for the phone layout.
 */
export function Table<Row>({ label, columns, rows, rowKey, stackOnPhone = false, testId }: Props<Row>) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className={classNames('table', stackOnPhone && 'stack-on-phone')} data-testid={testId}>
        <thead>
          <tr>
            {columns.map(({ header }, index) => (
              <th key={index}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map(({ header, cell }, index) => (
                <td key={index} data-label={header}>
                  {cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
