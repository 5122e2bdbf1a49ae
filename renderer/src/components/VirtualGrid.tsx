/**
 * A table that renders only the rows on screen, for lists of 100,000 rows. Unlike antd's Table,
 * whose hooks walk every row on each update, its cost per update is the number of visible rows:
 * the register re-renders on every keystroke of a search.
 */
import { memo, useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';

export interface GridColumn<T> {
  key: string;
  title: string;
  width: number;
  render: (row: T) => ReactNode;
}

interface GridProps<T> {
  rows: readonly T[];
  columns: readonly GridColumn<T>[];
  height: number;
  rowHeight?: number;
  onRowClick?: (row: T) => void;
  empty?: ReactNode;
  testId?: string;
  /** Screen readers hear this as the table's name. */
  label: string;
}

const OVERSCAN = 8;

function GridInner<T>({
  rows,
  columns,
  height,
  rowHeight = 38,
  onRowClick,
  empty,
  testId,
  label,
}: GridProps<T>) {
  const bodyRef = useRef<HTMLDivElement>(null);
  // The scroll position belongs to one list of rows: a new list (a new search) starts at its top.
  const [scroll, setScroll] = useState<{ rows: readonly T[]; top: number }>({ rows, top: 0 });
  const scrollTop = scroll.rows === rows ? scroll.top : 0;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  // The last column takes whatever room is left, so the grid always fills its box.
  const template = columns
    .map((c, i) => (i === columns.length - 1 ? `minmax(${c.width}px, 1fr)` : `${c.width}px`))
    .join(' ');

  // Only when the list was scrolled: writing scrollTop forces a layout, on every keystroke.
  const scrolled = scroll.top !== 0;
  useLayoutEffect(() => {
    if (bodyRef.current && scrolled && scroll.rows !== rows) bodyRef.current.scrollTop = 0;
  }, [rows, scroll.rows, scrolled]);

  const bodyHeight = height - rowHeight;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + bodyHeight) / rowHeight) + OVERSCAN);
  const visible = rows.slice(first, last);

  return (
    <div
      className="vgrid"
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid={testId}
    >
      <div
        ref={bodyRef}
        className="vgrid-scroll"
        style={{ height }}
        onScroll={(e: UIEvent<HTMLDivElement>) => setScroll({ rows, top: e.currentTarget.scrollTop })}
      >
        <div
          className="vgrid-header"
          role="row"
          style={{ gridTemplateColumns: template, minWidth: width, height: rowHeight }}
        >
          {columns.map((c, i) => (
            <div
              key={c.key}
              role="columnheader"
              className={i === 0 ? 'vgrid-cell vgrid-sticky' : 'vgrid-cell'}
            >
              {c.title}
            </div>
          ))}
        </div>
        {rows.length === 0 ? (
          <div className="vgrid-empty" style={{ width: '100%' }}>
            {empty}
          </div>
        ) : (
          <div
            style={{ height: rows.length * rowHeight, minWidth: width, position: 'relative' }}
            role="rowgroup"
          >
            {visible.map((row, i) => (
              <div
                // Keyed by position: a new search reuses the row elements on screen instead of
                // replacing them, and a scroll keeps each row's element as before.
                key={first + i}
                role="row"
                aria-rowindex={first + i + 2}
                className="vgrid-row"
                style={{
                  gridTemplateColumns: template,
                  top: (first + i) * rowHeight,
                  height: rowHeight,
                  minWidth: width,
                  right: 0,
                }}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
              >
                {columns.map((c, j) => (
                  <div key={c.key} role="cell" className={j === 0 ? 'vgrid-cell vgrid-sticky' : 'vgrid-cell'}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

export const VirtualGrid = memo(GridInner) as typeof GridInner;
