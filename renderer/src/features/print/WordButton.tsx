import { useState } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import type { DocumentKind } from '../../../../shared/reports/document';
import { useApi } from '../../api/context';
import { useToast } from '../../components/Toast';
import { downloadBase64 } from '../../hooks/useJob';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "Tải bản Word": the same document as the print view, as a .docx the office can finish in Word. */
export function WordButton({ campaignId, kind, unitId }: { campaignId: number; kind: DocumentKind; unitId?: number | undefined }) {
  const api = useApi();
  const notify = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const f = await api['reports.docx']({ campaignId, kind, ...(unitId ? { unitId } : {}) });
      downloadBase64(f.fileName, f.dataBase64, DOCX_MIME);
    } catch (e) {
      notify((e as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void download()} disabled={busy}>
      {busy ? vi.documents.word.preparing : vi.documents.word.download}
    </button>
  );
}
