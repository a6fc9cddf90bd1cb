import { useId, useState, type ReactNode } from 'react';
import { formatViDate, parseUserDate } from '../../../shared/dates';
import { vi } from '../../../shared/i18n/vi';
import { dateTextError as dateError, textFieldError, type TextKind } from '../../../shared/text/rules';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** The error is the form's only message (no banner above it): announce it. */
  alert?: boolean;
  /** Renders the control; `describedBy` names the error or hint the control must point at. */
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/**
 * Label + control + inline Vietnamese error, wired for screen readers: the control points at its
 * error (aria-describedby) and is aria-invalid; the form's banner is the one live alert, so ten
 * errors are not ten announcements.
 */
export function Field({ label, error, hint, required, alert, children }: FieldProps) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req" aria-hidden="true" title={vi.common.required}> *</span>}
      </label>
      {children(id, describedBy)}
      {hint && !error && <div className="hint" id={`${id}-hint`}>{hint}</div>}
      {error && (
        <div className="error-text" id={`${id}-error`} {...(alert ? { role: 'alert' } : {})}>
          {error}
        </div>
      )}
    </div>
  );
}

interface TextProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  list?: string;
  /** The field's limit: a longer value is shown as an error (the core refuses it too), never cut. */
  maxLength?: number;
  /** 'name' for names, unit names and document fields (no emoji). */
  kind?: TextKind;
}

/**
 * A text input checked live by the shared text rules (shared/text/rules.ts). No `maxlength`
 * attribute: the browser would silently cut a pasted 500-character name at the limit; the field
 * says it is too long instead, and saving is refused with the same message.
 */
export function TextField({ label, value, onChange, error, hint, required, autoFocus, placeholder, list, maxLength = 300, kind = 'text' }: TextProps) {
  const ruleError = textFieldError(value, { max: maxLength, kind });
  return (
    <Field label={label} error={error ?? ruleError} {...(hint ? { hint } : {})} {...(required ? { required } : {})}>
      {(id, describedBy) => (
        <input
          id={id}
          aria-describedby={describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoFocus={autoFocus}
          placeholder={placeholder}
          list={list}
          aria-invalid={error || ruleError ? true : undefined}
        />
      )}
    </Field>
  );
}

/** Several lines of text (a letter's paragraphs, a list of recipients). */
export function TextAreaField({ label, value, onChange, error, hint, rows = 4, maxLength = 6000 }: Omit<TextProps, 'required' | 'autoFocus' | 'placeholder' | 'list'> & { rows?: number }) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      {(id) => <textarea id={id} value={value} rows={rows} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />}
    </Field>
  );
}

interface SelectProps<V extends string> {
  label: string;
  value: V;
  onChange: (v: V) => void;
  options: { value: V; label: string }[];
  error?: string | undefined;
  required?: boolean;
}

export function SelectField<V extends string>({ label, value, onChange, options, error, required }: SelectProps<V>) {
  return (
    <Field label={label} error={error} {...(required ? { required } : {})}>
      {(id, describedBy) => (
        <select id={id} aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value as V)} aria-invalid={error ? true : undefined}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

interface DateProps {
  label: string;
  /** ISO date or null. */
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | undefined;
  required?: boolean;
  autoFocus?: boolean;
}

/**
 * A dd/MM/yyyy text input (what clerks type; day first, always). Shows the parse error inline
 * and hands ISO to the form.
 */
export function DateField({ label, value, onChange, error, required, autoFocus }: DateProps) {
  const [text, setText] = useState(formatViDate(value));
  const [localError, setLocalError] = useState<string | undefined>();
  return (
    <Field label={label} error={localError ?? error} hint={vi.common.dateHint} {...(required ? { required } : {})}>
      {(id, describedBy) => (
        <input
          id={id}
          aria-describedby={describedBy}
          value={text}
          inputMode="numeric"
          placeholder={vi.common.dateHint}
          autoFocus={autoFocus}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            if (next.trim() === '') {
              setLocalError(undefined);
              onChange(null);
              return;
            }
            const iso = parseUserDate(next);
            setLocalError(iso ? undefined : dateError(next));
            // An impossible date ("31/02/2026") is never dropped: the text goes to the form as typed,
            // so saving is refused with the message instead of storing the record without a date.
            onChange(iso ?? next.trim());
          }}
          aria-invalid={localError || error ? true : undefined}
        />
      )}
    </Field>
  );
}
