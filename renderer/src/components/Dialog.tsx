import { useEffect, useRef, type ReactNode } from 'react';
import { vi } from '../../../shared/i18n/vi';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** Modal dialog: Esc closes, focus stays inside, the title names it for screen readers and tests. */
export function Dialog({ title, onClose, children, wide }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // A field with autoFocus has already taken focus; otherwise the first field of the body, not the × button.
    if (ref.current && !ref.current.contains(document.activeElement)) {
      const body = ref.current.querySelector('.dialog-body');
      body?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    }
    return () => previous?.focus();
  }, []);
  // Esc closes even when focus has left the dialog (e.g. a button disabled while saving drops it to <body>).
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        closeRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`dialog ${wide ? 'wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
      >
        <header>
          <h2>{title}</h2>
          <button type="button" className="icon" onClick={onClose} aria-label={vi.common.close}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}
