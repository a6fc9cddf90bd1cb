import { useRef, useState } from 'react';
import { formatViDate } from '../../../../shared/dates';
import { CAMPAIGN_FILE_EXTENSION, type CampaignFilePreview } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { readAsBase64 } from '../import/fileBytes';
import './district.css';

const T = vi.district.campaignFile;

/**
 * Unit side: "Nhập tệp đợt rà soát". Pick the office's .attk-campaign file → see what it sets up
 * (office and its key fingerprint, directive, dates, systems matched or to create, legal basis)
 * and, if this unit's code is not in the office's list, pick the right unit → import.
 */
export function CampaignFileImport({ onImported }: { onImported: (campaignId: number) => void }) {
  const api = useApi();
  const notify = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<CampaignFilePreview | null>(null);
  const [unitCode, setUnitCode] = useState('');
  const [codeConfirmed, setCodeConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (f: File) => {
    setError(null);
    setPreview(null);
    try {
      const upload = { fileName: f.name, dataBase64: await readAsBase64(f) };
      const p = await api['campaignFile.preview'](upload);
      setFile(upload);
      setPreview(p);
      setUnitCode(p.homeCodeListed ? '' : (p.units[0]?.code ?? ''));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const doImport = async () => {
    if (!file) return;
    setError(null);
    try {
      const r = await api['campaignFile.import']({ ...file, unitCode, confirmUnitCode: codeConfirmed ? unitCode : '' });
      notify([r.created ? T.imported(r.campaign.directiveNumber) : T.updated(r.campaign.directiveNumber), ...r.siteToSiteApplied.map((x) => vi.districtNotices.campaignFile.applied(x.name, x.requiresSiteToSiteVpn))].join(' '));
      close();
      onImported(r.campaign.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const close = () => {
    setOpen(false);
    setFile(null);
    setPreview(null);
    setError(null);
  };

  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>{T.importButton}</button>
      {open && (
        <Dialog title={T.importTitle} onClose={close} wide>
          <div className="campaign-file-preview">
            <button type="button" onClick={() => input.current?.click()}>{T.pick}</button>
            <input
              ref={input}
              type="file"
              hidden
              accept={`${CAMPAIGN_FILE_EXTENSION},application/json`}
              aria-label={T.pick}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void pick(f);
                e.target.value = '';
              }}
            />
            {error && <div className="banner error" role="alert">{error}</div>}
            {preview && (
              <>
                <h3>{T.from(preview.office.name)}</h3>
                <p>
                  <strong>{T.officeKey(preview.fingerprint)}</strong>
                  <br />
                  <span className="hint">{T.officeKeyHint}</span>
                </p>
                {preview.previousFingerprint && <div className="banner warn" role="alert">{T.keyDiffers(preview.previousFingerprint)}</div>}
                <dl className="facts">
                  <dt>{T.directive}</dt>
                  <dd>{preview.campaign.directiveNumber}{preview.campaign.issuer && ` — ${preview.campaign.issuer}`}<div>{preview.campaign.subject}</div></dd>
                  <dt>{T.periodLabel}</dt>
                  <dd>{T.period(formatViDate(preview.campaign.startDate), formatViDate(preview.campaign.deadline))}</dd>
                </dl>
                <h3>{T.systems}</h3>
                <ul>
                  {preview.systems.map((s) => (
                    <li key={s.name}>
                      {s.name} — <span className="muted">{s.action === 'matched' ? T.systemMatched(s.matchedName && s.matchedName !== s.name ? s.matchedName : '') : T.systemCreate}</span>
                      {s.requiresSiteToSiteVpn && !s.siteToSiteChanges && <span className="muted">; {vi.districtNotices.campaignFile.required}</span>}
                      {s.siteToSiteChanges && <strong>; {s.requiresSiteToSiteVpn ? vi.districtNotices.campaignFile.willTurnOn : vi.districtNotices.campaignFile.willTurnOff}</strong>}
                    </li>
                  ))}
                </ul>
                {preview.legal.length > 0 && (
                  <>
                    <h3>{T.legal}</h3>
                    <ul>
                      {preview.legal.map((d) => (
                        <li key={d.number}>{d.number} — <span className="muted">{d.action === 'exists' ? T.legalExists : T.legalAdd}</span></li>
                      ))}
                    </ul>
                  </>
                )}
                {!preview.homeCodeListed && (
                  <>
                    <p className="hint">{T.whichUnitHint(preview.homeUnitCode)}</p>
                    <SelectField
                      label={T.whichUnit}
                      value={unitCode}
                      onChange={(code) => (setUnitCode(code), setCodeConfirmed(false))}
                      options={preview.units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
                    />
                    {unitCode && <p className="small">{T.codeWillChange(preview.homeUnitCode, unitCode)}</p>}
                    {unitCode && (
                      <CheckboxField
                        label={vi.trust.identity.uiConfirm(preview.homeUnitCode, unitCode, preview.units.find((u) => u.code === unitCode)?.name ?? '')}
                        checked={codeConfirmed}
                        onChange={setCodeConfirmed}
                      />
                    )}
                  </>
                )}
                {preview.existingCampaignId && <div className={`banner ${preview.existingLocked ? 'error' : 'warn'}`}>{preview.existingLocked ? T.existingLocked : T.existing}</div>}
                <div className="actions">
                  <button type="button" onClick={close}>{vi.common.cancel}</button>
                  <button type="button" className="primary" onClick={() => void doImport()} disabled={preview.existingLocked || (!preview.homeCodeListed && !codeConfirmed)}>{T.doImport}</button>
                </div>
              </>
            )}
          </div>
        </Dialog>
      )}
    </>
  );
}
