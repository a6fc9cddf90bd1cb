import { useState } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import { reportDocument } from '../../../../shared/reports/document';
import { NARRATIVE_FIELDS } from '../../../../shared/reports/narrative';
import { useApi } from '../../api/context';
import { useLoaded } from '../../hooks/useLoaded';
import { NarrativeDialog } from './NarrativeDialog';
import { OfficialDocumentView } from './OfficialDocumentView';
import { PrintFrame } from './PrintFrame';
import { WordButton } from './WordButton';
import { DigitalSignatureBlock } from '../signing/DigitalSignatureBlock';
import type { DigitalSignatureInfo } from '../signing/signatureParams';

export { directiveText, documentNumber, reportNumber } from '../../../../shared/reports/document';

/**
 * Báo cáo kết quả (model 1.4, Decree 30/2020 Appendix I), printed and signed. The words come from
 * shared/reports/document.ts (figures from the data, the narrative the unit saved), the same
 * model the .docx is made from. "Sửa lời văn" edits the narrative; "Tải bản Word" downloads it.
 */
export function ReportPrint({ campaignId, signature = null }: { campaignId: number; signature?: DigitalSignatureInfo | null }) {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const { data, error } = useLoaded(() => api['reports.data']({ campaignId }), [api, campaignId, version]);
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!data) return <div className="splash">{vi.common.loading}</div>;
  const doc = reportDocument(data);
  const edited = NARRATIVE_FIELDS.some((f) => data.narrative[f] !== null);
  return (
    <PrintFrame
      label={doc.label}
      info={edited ? vi.documents.narrative.edited : undefined}
      actions={
        <>
          <WordButton campaignId={campaignId} kind="report" />
          {data.campaign.status !== 'sent' && (
            <button type="button" onClick={() => setEditing(true)}>{vi.documents.narrative.open}</button>
          )}
        </>
      }
    >
      <OfficialDocumentView doc={doc} />
      {/* Digital signing: the visible block closes the last page (inside the signed bytes). */}
      {signature && <DigitalSignatureBlock info={signature} />}
      {editing && (
        <NarrativeDialog
          data={data}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </PrintFrame>
  );
}
