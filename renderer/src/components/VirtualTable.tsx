import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { vi } from '../../../shared/i18n/vi';
import type { PagedList } from '../hooks/usePagedList';

export interface Column<T> {
  key: string;
  header: string;
  /** CSS grid track, e.g. '2fr' or '120px'. */
  width: string;
  render: (row: T) => ReactNode;
  /** The cell's full text, shown on hover (title) when the column is too narrow for it. */
  text?: (row: T) => string;
  /** Header read by screen readers when the visible header is empty (a tick box, row actions). */
  srHeader?: string;
}

interface Props<T> {
  label: string;
  columns: Column<T>[];
  list: PagedList<T>;
  emptyText: string;
  onActivate?: (row: T) => void;
  rowKey: (row: T) => string | number;
  rowClass?: (row: T) => string;
}

const ROW_HEIGHT = 36;

/** A virtualised table: only the visible rows are in the DOM, so 10,000 rows scroll smoothly. */
export function VirtualTable<T>({ label, columns, list, emptyText, onActivate, rowKey, rowClass }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = list.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) list.ensureRange(first, last);
  }, [first, last, count, list]);

  const template = columns.map((c) => c.width).join(' ');
  // ARIA (axe aria-required-children, empty-table-header; issue 18): the table owns row groups
  // only, every header has a name, and the empty/loading message sits beside it.
  const message = list.total === 0 ? emptyText : list.total === null ? vi.common.loading : null;
  return (
    <div className="vtable">
      <div className="vtable-grid" role="table" aria-label={label} aria-rowcount={count + 1}>
        <div role="rowgroup">
          <div className="vtable-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <div key={c.key} role="columnheader" className="vtable-cell">
                {c.header || <span className="sr-only">{c.srHeader ?? vi.common.rowActions}</span>}
              </div>
            ))}
          </div>
        </div>
        <div className="vtable-body" ref={scrollRef} role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="presentation">
            {items.map((item) => {
              const row = list.rowAt(item.index);
              return (
                <div
                  key={row ? rowKey(row) : `pending-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`vtable-row ${item.index % 2 ? 'odd' : ''} ${row && rowClass ? rowClass(row) : ''}`}
                  style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  tabIndex={row && onActivate ? 0 : -1}
                  onDoubleClick={() => row && onActivate?.(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && row) onActivate?.(row);
                    if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                    if (e.key === 'ArrowUp') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                  }}
                >
                  {columns.map((c) => (
                    <div key={c.key} role="cell" className="vtable-cell" title={row && c.text ? c.text(row) : undefined}>
                      {row ? c.render(row) : <span className="placeholder" />}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {/* Outside the table (ARIA: a table owns rows only), shown over its empty body. */}
      {message !== null && <div className="vtable-empty" role="status">{message}</div>}
      <div className="vtable-foot">{list.error ? <span className="error-text">{list.error}</span> : list.total !== null && vi.common.total(list.total)}</div>
    </div>
  );
}
