import { formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { DigitalSignatureInfo } from './signatureParams';
import './signing.css';

const b = vi.signing.block;

/** Visible signature block of a digitally signed report: signer, organisation, certificate serial, time. */
export function DigitalSignatureBlock({ info }: { info: DigitalSignatureInfo }) {
  return (
    <div className="digital-signature" data-testid="digital-signature">
      <div className="digital-signature-head">{b.heading}</div>
      <div>{b.signer}: <strong>{info.signer}</strong></div>
      <div>{b.organisation}: {info.organisation}</div>
      <div>{b.serial}: {info.serial}</div>
      <div>{b.time}: {formatViDateTime(info.signedAt)}</div>
    </div>
  );
}
