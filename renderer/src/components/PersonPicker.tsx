import { useEffect, useId, useState } from 'react';
import { vi } from '../../../shared/i18n/vi';
import type { Person } from '../../../shared/people/schema';
import { useApi } from '../api/context';
import { useDebounced } from '../hooks/useDebounced';

interface Props {
  label: string;
  value: { id: number; name: string } | null;
  onChange: (v: { id: number; name: string } | null) => void;
  error?: string | undefined;
  allowNone?: string;
}

/** Type part of a name (no diacritics needed), pick with ↑/↓ and Enter. */
export function PersonPicker({ label, value, onChange, error, allowNone }: Props) {
  const api = useApi();
  const id = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Person[]>([]);
  // Nothing is highlighted until ↓ or a click: a pre-selected first match made one extra ↓ pick the wrong person.
  const [active, setActive] = useState(-1);
  const q = useDebounced(text, 80);
  // The query the listed options answer: until it is the text typed, the list is stale (aria-busy).
  // A ↓ made on a stale list is undone when the answer arrives (nothing highlighted), so Enter
  // never picks someone from a list that no longer matches what was typed.
  const [listedFor, setListedFor] = useState<string | null>(null);
  const stale = listedFor !== text;

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api['people.list']({ q, limit: 12, status: 'working' }).then((r) => {
      if (!live) return;
      setOptions(r.rows);
      setActive(-1);
      setListedFor(q);
    });
    return () => {
      live = false;
    };
  }, [api, q, open]);

  const pick = (p: Person | null) => {
    onChange(p ? { id: p.id, name: p.fullName } : null);
    setText(p?.fullName ?? '');
    setOpen(false);
  };

  return (
    <div className={`field picker ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...(active >= 0 && options[active] ? { 'aria-activedescendant': `${id}-opt-${options[active]!.id}` } : {})}
        value={text}
        placeholder={vi.accounts.pickPerson}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (e.target.value === '') onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && active >= 0 && options[active]) {
            e.preventDefault();
            pick(options[active]!);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && (
        <ul className="picker-list" role="listbox" id={`${id}-list`} aria-busy={stale}>
          {allowNone && (
            <li role="option" aria-selected={false} onMouseDown={() => pick(null)} className="muted">
              {allowNone}
            </li>
          )}
          {options.map((p, i) => (
            <li key={p.id} id={`${id}-opt-${p.id}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={() => pick(p)}>
              <strong>{p.fullName}</strong> <span className="muted">{[p.position, p.department, p.unitName].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
      {error && <div className="error-text" id={`${id}-error`}>{error}</div>}
    </div>
  );
}
