import type { Dispatch, RefObject, SetStateAction } from 'react';
import { vi } from '../../../shared/i18n/vi';

// The list screens' toolbar pieces: one filter drop-down and one keyboard-driven search box, so
// every list (Cán bộ, Tài khoản, Thiết bị, the checklist) looks and behaves the same.

export interface FilterOption {
  value: string | number;
  label: string;
}

/** A list filter: "<label>: Tất cả" (value '') first, then the options. */
export function FilterSelect<V extends string>({ label, value, onChange, options }: { label: string; value: V | ''; onChange: (value: V | '') => void; options: readonly FilterOption[] }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
      <option value="">{label}: {vi.common.all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}

/** Options from a fixed list of codes and their Vietnamese names. */
export const optionsOf = <K extends string>(codes: readonly K[], names: Record<K, string>): FilterOption[] => codes.map((c) => ({ value: c, label: names[c] }));

/** Options from records with an id and a name (systems, units). */
export const optionsById = (rows: readonly { id: number; name: string }[]): FilterOption[] => rows.map((r) => ({ value: r.id, label: r.name }));

interface ListSearchProps {
  inputRef?: RefObject<HTMLInputElement | null>;
  placeholder: string;
  value: string;
  onChange: (q: string) => void;
  /** Keyboard row selection: ↑/↓ move the active row, Enter acts on it. */
  rows?: { total: number | null; setActive: Dispatch<SetStateAction<number>>; onEnter: () => void };
}

/** The search box of a list: diacritic-free search as you type; with `rows`, ↑/↓/Enter work the list without the mouse. */
export function ListSearch({ inputRef, placeholder, value, onChange, rows }: ListSearchProps) {
  return (
    <input
      ref={inputRef}
      type="search"
      className="search"
      aria-label={vi.common.search}
      placeholder={placeholder}
      value={value}
      autoFocus
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={
        rows &&
        ((e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            rows.setActive((a) => Math.min(a + 1, (rows.total ?? 1) - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            rows.setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            rows.onEnter();
          }
        })
      }
    />
  );
}
