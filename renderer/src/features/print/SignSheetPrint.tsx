import { vi } from '../../../../shared/i18n/vi';
import { signSheetDocument } from '../../../../shared/reports/document';
import { useApi } from '../../api/context';
import { useLoaded } from '../../hooks/useLoaded';
import { OfficialDocumentView } from './OfficialDocumentView';
import { PrintFrame } from './PrintFrame';
import { WordButton } from './WordButton';

const t = vi.campaigns.signSheet;

/**
 * Phiếu xác nhận: an A4 (landscape) list of staff and their in-scope accounts with blank "Ngày đổi"
 * and "Ký xác nhận" columns, headed in the official layout. Printed from Electron (window.print →
 * the system dialog, incl. "Microsoft Print to PDF") or rendered to PDF by Chromium in tests; the
 * same document as .docx with "Tải bản Word".
 */
export function SignSheetPrint({ campaignId, unitId }: { campaignId: number; unitId?: number | undefined }) {
  const api = useApi();
  const { data, error } = useLoaded(() => api['reports.signSheet']({ campaignId, ...(unitId ? { unitId } : {}) }), [api, campaignId, unitId]);
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!data) return <div className="splash">{vi.common.loading}</div>;
  const doc = signSheetDocument(data);
  return (
    <PrintFrame label={doc.label} landscape info={t.rows(data.rows.length)} actions={<WordButton campaignId={campaignId} kind="sign-sheet" unitId={unitId} />}>
      <OfficialDocumentView doc={doc} />
    </PrintFrame>
  );
}
