import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/** A column of a VirtualTable: a grid track width and how to render a cell. */
export interface VirtualColumn<Row> {
  header: string;
  /** Minimum width in rem; every row uses the same tracks, so columns line up. */
  width: number;
  /** Share of the spare width this column takes (0: fixed). */
  grow?: number;
  cell(row: Row): ReactNode;
  kind?: 'text' | 'number' | 'mono';
}

/** Rows rendered beyond the visible ones, so fast scrolling does not show blanks. */
const overscan = 10;

/**
 * A table that renders only the rows in view (fixed row height), so hundreds of thousands of loaded rows
 * scroll smoothly. Calls `onEndReached` when the user nears the bottom, for keyset "load more".
 */
export function VirtualTable<Row>({ label, columns, rows, rowKey, rowHeight = 28, selectedKey, onRowClick, onEndReached, footer }: {
  label: string;
  columns: VirtualColumn<Row>[];
  rows: Row[];
  rowKey(row: Row): string | number;
  rowHeight?: number;
  selectedKey?: string | number | null;
  onRowClick?(row: Row): void;
  onEndReached?(): void;
  footer?: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const nearEnd = last >= rows.length - overscan;
  useEffect(() => {
    if (nearEnd && rows.length > 0) onEndReached?.();
  }, [nearEnd, rows.length, onEndReached]);

  const template = {
    '--columns': columns.map((column) => (column.grow ? `minmax(${column.width}rem, ${column.grow}fr)` : `${column.width}rem`)).join(' '),
    '--row-height': `${rowHeight}px`,
    '--row-width': `${columns.reduce((sum, column) => sum + column.width, 0)}rem`,
  } as CSSProperties;
  return (
    <div className="virtual-table" role="table" aria-label={label} aria-rowcount={rows.length + 1} style={template}>
      <div className="virtual-scroller" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        <div role="rowgroup" className="virtual-head">
          <div role="row" className="virtual-row">
            {columns.map((column) => (
              <div key={column.header} role="columnheader" className={`cell-${column.kind ?? 'text'}`}>
                {column.header}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="virtual-body" style={{ height: rows.length * rowHeight }}>
          {rows.slice(first, last).map((row, offset) => {
            const index = first + offset;
            const key = rowKey(row);
            return (
              <div
                key={key}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={selectedKey === key}
                tabIndex={onRowClick ? 0 : undefined}
                className={`virtual-row ${index % 2 ? 'odd' : ''} ${selectedKey === key ? 'selected' : ''}`}
                style={{ top: index * rowHeight }}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                onKeyDown={onRowClick ? (event) => event.key === 'Enter' && onRowClick(row) : undefined}
              >
                {columns.map((column) => (
                  <div key={column.header} role="cell" className={`cell-${column.kind ?? 'text'}`}>
                    {column.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {footer && <div className="virtual-footer">{footer}</div>}
      </div>
    </div>
  );
}
