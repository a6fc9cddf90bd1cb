import { Fragment, type ReactNode } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import type { DocBlock, DocSignature, DocTable, OfficialDocument } from '../../../../shared/reports/document';

/**
 * The HTML rendering of an official document (shared/reports/document.ts) in the Decree 30/2020
 * layout of print.css. The core renders the same model as .docx, so the words and figures on paper,
 * in the PDF and in Word are one and the same.
 */
export function OfficialDocumentView({ doc }: { doc: OfficialDocument }) {
  const h = doc.header;
  const last = doc.body.at(-1);
  const footer = doc.recipients ? (
    <div className="doc-footer">
      <div className="recipients">
        <div className="recipients-title">{vi.reports.print.recipients}</div>
        {doc.recipients.map((l, i) => (
          <div key={i} className="recipients-line">{l}</div>
        ))}
      </div>
      <Signature s={doc.signatures[doc.signatures.length - 1]!} />
    </div>
  ) : (
    <div className="doc-footer">
      {doc.signatures.length > 1 ? <Signature s={doc.signatures[0]!} /> : <div />}
      <Signature s={doc.signatures[doc.signatures.length - 1]!} />
    </div>
  );
  return (
    <>
      <table className="doc-header" role="presentation">
        <tbody>
          <tr>
            <td className="doc-left">
              {h.parentBody && <div className="doc-parent">{h.parentBody}</div>}
              <div className="doc-unit">{h.unitName}</div>
              <div className="doc-rule" />
              {h.number && <div className="doc-number">{h.number}</div>}
              {h.vv && <p className="doc-vv">{h.vv}</p>}
            </td>
            <td className="doc-right">
              <div className="doc-motto1">{vi.campaigns.decree30.motto1}</div>
              <div className="doc-motto2">{vi.campaigns.decree30.motto2}</div>
              <div className="doc-rule wide" />
              <div className="doc-date">{h.dateLine}</div>
            </td>
          </tr>
        </tbody>
      </table>
      {doc.title && <h1 className="doc-title">{doc.title}</h1>}
      {doc.subtitle && <p className="doc-subtitle">{doc.subtitle}</p>}
      {doc.subject && (
        <>
          <p className="doc-subject">{doc.subject}</p>
          <div className="doc-rule center" />
        </>
      )}
      {doc.kinhGui && (
        <div className="doc-kinh-gui">
          {doc.kinhGui.length === 1 ? (
            vi.reports.print.recipient(doc.kinhGui[0]!)
          ) : (
            <>
              {vi.reports.print.recipient('')}
              {doc.kinhGui.map((a) => (
                <div key={a}>- {a};</div>
              ))}
            </>
          )}
        </div>
      )}
      {last?.kind === 'table' && doc.closing.length === 0 ? (
        <>
          <Blocks list={doc.body.slice(0, -1)} />
          {/* A list closes the document (the sign sheet): the signature rides in the list's last row group, so it is never alone on a page. */}
          <Table t={last.table} end={footer} />
        </>
      ) : (
        <>
          <Blocks list={doc.body} />
          {/* The last paragraph, Nơi nhận and the signature stay on one page. */}
          <div className="doc-end">
            <Blocks list={doc.closing} />
            {footer}
          </div>
        </>
      )}
      <Blocks list={doc.afterSignature} />
      {doc.appendix && (
        <section className="appendix" aria-label={doc.appendix.titles[0]}>
          {doc.appendix.titles.map((t) => (
            <p key={t} className="appendix-title">{t}</p>
          ))}
          <p className="appendix-ref">{doc.appendix.ref}</p>
          <Blocks list={doc.appendix.body} />
        </section>
      )}
    </>
  );
}

function Signature({ s }: { s: DocSignature }) {
  return (
    <div className="sig-block">
      {s.titles.map((t, i) => (
        <div key={i} className="sig-title">{t}</div>
      ))}
      <div className="sig-space" />
      <div className="sig-name">{s.name}</div>
    </div>
  );
}

function Blocks({ list }: { list: DocBlock[] }) {
  return (
    <>
      {list.map((b, i) => {
        switch (b.kind) {
          case 'heading':
            return <p key={i} className="doc-section">{b.text}</p>;
          case 'paragraph':
            return <p key={i} className="doc-body">{b.text}</p>;
          case 'line':
            return <p key={i} className="doc-basis">{b.text}</p>;
          case 'note':
            return <p key={i} className="doc-fingerprint">{b.text}</p>;
          case 'table':
            return <Table key={i} t={b.table} />;
        }
      })}
    </>
  );
}

/**
 * Row groups (a person's accounts) are tbody elements that print.css keeps together. `end` (the
 * signature block) goes into the last group as a borderless full-width row: the group and the
 * signature then move to a new page together, with the repeated header row above them.
 */
function Table({ t, end }: { t: DocTable; end?: ReactNode }) {
  // With an end block, the last group (or the last row of an ungrouped table) is its own tbody.
  const starts = end && !t.groupStarts && t.rows.length > 1 ? [0, t.rows.length - 1] : (t.groupStarts ?? [0]);
  const groups = starts.map((s, i) => t.rows.slice(s, starts[i + 1] ?? t.rows.length));
  return (
    <table className={`doc-table ${t.compact ? 'compact' : ''}`} aria-label={t.label}>
      <thead>
        <tr>
          {t.columns.map((c) => (
            <th key={c.title} style={{ width: `${c.width}%` }}>{c.title}</th>
          ))}
        </tr>
      </thead>
      {groups.map((rows, g) => (
        <tbody key={g} className={end && g === groups.length - 1 ? 'person-group doc-end-group' : t.groupStarts ? 'person-group' : undefined}>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, j) =>
                c ? (
                  <td key={j} rowSpan={c.rowSpan} className={c.align === 'center' ? 'center' : c.align === 'right' ? 'num' : undefined}>
                    {c.bold ? <strong>{c.text}</strong> : c.text}
                  </td>
                ) : (
                  <Fragment key={j} />
                ),
              )}
            </tr>
          ))}
          {end && g === groups.length - 1 && (
            <tr className="doc-end-row">
              <td colSpan={t.columns.length}>{end}</td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}
