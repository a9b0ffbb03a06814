import type { ReactNode } from 'react';

/** A column of a DataTable. */
export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** Numbers align right; monospace for addresses, times and hashes. */
  kind?: 'text' | 'number' | 'mono';
}

/** A compact table for short lists (top-N, profiles, sources). Long lists use VirtualTable. */
export function DataTable<Row>({ columns, rows, rowKey, caption, onRowClick }: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row, index: number): string | number;
  caption?: string;
  onRowClick?(row: Row): void;
}) {
  return (
    <table className="data-table">
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={`cell-${column.kind ?? 'text'}`}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className={onRowClick ? 'clickable' : undefined} onClick={onRowClick ? () => onRowClick(row) : undefined}>
            {columns.map((column) => (
              <td key={column.header} className={`cell-${column.kind ?? 'text'}`}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
