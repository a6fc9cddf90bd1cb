import { resolve } from 'node:path';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { DocumentKind } from '../../shared/reports/document';
import { createCore, dispatch } from '../core';
import { publishOutputSync } from '../core/output/publish';

/**
 * `attk export report|cancellations|sign-sheet --format docx --db FILE --campaign ID --out FILE.docx`:
 * the Word document built by the same call the app's "Tải bản Word" makes (so the same words as
 * the print view), published by the shared output publisher (never half a file, never over the database or an
 * existing file unless --replace).
 */
export async function exportDocxCommand(o: {
  db: string; kind: DocumentKind; campaignId: number; out: string; unitId?: number | undefined; replace?: boolean; json: boolean; now: (() => Date) | undefined; appVersion: string;
  write: (text: string) => void;
}): Promise<number> {
  const core = createCore({ file: resolve(o.db), shell: 'cli', appVersion: o.appVersion, ...(o.now ? { now: o.now } : {}) });
  try {
    const r = await dispatch(core, 'reports.docx', { campaignId: o.campaignId, kind: o.kind, ...(o.unitId ? { unitId: o.unitId } : {}) });
    if (!r.ok) throw new AttkError(r.error.code, r.error.message, r.error.path);
    const data = Buffer.from((r.result as { dataBase64: string }).dataBase64, 'base64');
    // The shared publisher: never the database/key/backups, never over an existing file unless --replace.
    const out = publishOutputSync(o.out, data, { dbFile: resolve(o.db), mode: o.replace ? 'replace' : 'refuse' });
    o.write(o.json ? JSON.stringify({ ok: true, out, kind: o.kind, bytes: data.length }) : vi.documents.cli.docxDone(out, ''));
    return 0;
  } finally {
    core.db.close();
  }
}
