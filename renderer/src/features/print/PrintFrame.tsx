import type { ReactNode } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import './print.css';

/** A print view: a toolbar (hidden when printing) and the A4 paper(s), portrait or landscape. */
export function PrintFrame({ label, landscape, info, actions, children }: { label: string; landscape?: boolean; info?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const api = useApi();
  // The desktop shell prints with the view's paper and orientation (Electron's print dialog does
  // not follow @page); in a browser the page prints itself.
  const print = () => {
    api['app.print']({})
      .then((result) => {
        if (!result.handled) window.print();
      })
      .catch(() => window.print());
  };
  return (
    <div className={`print-root ${landscape ? 'landscape' : ''}`}>
      <div className="print-toolbar no-print">
        <button type="button" onClick={() => history.back()}>{vi.reports.print.back}</button>
        <button type="button" className="primary" onClick={print} autoFocus>
          {vi.reports.print.print}
        </button>
        {actions}
        {info && <span className="muted">{info}</span>}
      </div>
      <article className="paper" aria-label={label}>
        {children}
      </article>
    </div>
  );
}

/** Signature block, right: authority (TM./KT./Q.), title, space to sign and stamp, the signer's name. */
export function SignatureBlock({ authority, title, name }: { authority: string; title: string; name: string }) {
  return (
    <div className="sig-block">
      {authority && <div className="sig-title">{authority.toUpperCase()}</div>}
      <div className="sig-title">{(title || vi.campaigns.decree30.signFallback).toUpperCase()}</div>
      <div className="sig-space" />
      <div className="sig-name">{name}</div>
    </div>
  );
}

/** "Nơi nhận:" 12 pt bold italic, the list 11 pt, each line "- …", ending "- Lưu: VT…". */
export function Recipients({ lines }: { lines: string[] }) {
  return (
    <div className="recipients">
      <div className="recipients-title">{vi.reports.print.recipients}</div>
      {lines.map((l) => (
        <div key={l} className="recipients-line">{l}</div>
      ))}
    </div>
  );
}
