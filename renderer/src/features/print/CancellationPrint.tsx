import { vi } from '../../../../shared/i18n/vi';
import { cancellationDocument } from '../../../../shared/reports/document';
import { useApi } from '../../api/context';
import { useLoaded } from '../../hooks/useLoaded';
import { OfficialDocumentView } from './OfficialDocumentView';
import { PrintFrame } from './PrintFrame';
import { WordButton } from './WordButton';

/**
 * Đề nghị hủy/điều chỉnh tài khoản: a letter (Decree 30: "V/v …" under the number, "Kính gửi:"
 * the managing agencies) listing the leavers' accounts per system and managing agency.
 */
export function CancellationPrint({ campaignId }: { campaignId: number }) {
  const api = useApi();
  const { data, error } = useLoaded(() => api['reports.data']({ campaignId }), [api, campaignId]);
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!data) return <div className="splash">{vi.common.loading}</div>;
  const doc = cancellationDocument(data);
  return (
    <PrintFrame label={doc.label} actions={<WordButton campaignId={campaignId} kind="cancellations" />}>
      <OfficialDocumentView doc={doc} />
    </PrintFrame>
  );
}
