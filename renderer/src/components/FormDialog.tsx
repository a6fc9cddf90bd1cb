import type { ReactNode } from 'react';
import { vi } from '../../../shared/i18n/vi';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: () => void | Promise<void>;
  /** A form-level error (field errors show under their fields). */
  error: string | null;
  submitLabel?: string;
  busy?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** The one shape of every edit dialog: Enter submits, Esc cancels, the form's error on top, Hủy / Lưu below. */
export function FormDialog({ title, onClose, onSubmit, error, submitLabel = vi.common.save, busy = false, wide, children }: Props) {
  return (
    <Dialog title={title} onClose={onClose} {...(wide ? { wide } : {})}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {error && <div className="banner error" role="alert">{error}</div>}
        {children}
        <div className="actions">
          <button type="button" onClick={onClose}>{vi.common.cancel}</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? vi.common.saving : submitLabel}</button>
        </div>
      </form>
    </Dialog>
  );
}
