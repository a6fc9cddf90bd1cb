import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { SignedReport, SigningStatus, TokenCertificateEntry, TrustedRoot } from '../../../shared/signing/schema';
import type { HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { toJobError } from '../jobs/errors';
import { exportsDir, runExport, type ReportEnv } from '../reports/service';
import { certificateDer, certificateInfo, parseCertificate } from './certificates';
import { signPdfWithToken } from './pdf-sign';
import { listTokenCertificates, loadPkcs11 } from './pkcs11';

const t = vi.signing;

/** The active trust list, as DER (what the verifier takes). */
export function trustedRootsDer(db: Db): Buffer[] {
  return (db.prepare('SELECT der FROM trusted_roots WHERE removed_at IS NULL ORDER BY id').all() as { der: Buffer }[]).map((r) => r.der);
}

/** The route of the report's print view with the visible signature block (read by ReportPrint). */
export function signedPrintRoute(campaignId: number, block: { commonName: string; organisation: string; serial: string; at: string } | null): string {
  const q = new URLSearchParams({ campaign: String(campaignId) });
  if (block) {
    q.set('signer', block.commonName);
    q.set('org', block.organisation);
    q.set('serial', block.serial);
    q.set('signedAt', block.at);
  }
  return `/print/report?${q.toString()}`;
}

const SIGNED_COLUMNS = `id, campaign_id AS campaignId, export_id AS exportId, file_name AS fileName, sha256, subject, serial, common_name AS commonName,
  organisation, issuer, signed_at AS signedAt, signed_by AS signedBy`;

export function signingHandlers(db: Db, env: ReportEnv): HandlersFor<'signing'> & HandlersFor<'trustedRoots'> {
  return {
    'signing.status': (): SigningStatus => {
      let available = true;
      try {
        loadPkcs11();
      } catch {
        available = false;
      }
      return { available, printsPdf: env.printPdf !== undefined };
    },

    'signing.certificates': async ({ library }): Promise<TokenCertificateEntry[]> =>
      (await listTokenCertificates(library)).flatMap((c) => {
        const cert = parseCertificate(c.der);
        if (!cert) return [];
        const info = certificateInfo(cert);
        if (info.isCa) return [];
        return [{ slot: c.slot, tokenLabel: c.tokenLabel, label: c.label, id: c.id, commonName: info.commonName, organisation: info.organisation, subject: info.subject, issuer: info.issuerCommonName, serial: info.serial, notBefore: info.notBefore, notAfter: info.notAfter }];
      }),

    /**
     * The report PDF (printed by the shell, or the one the page sent), with the campaign's latest
     * signed workbook attached (exported first when there is none), signed through the token, saved
     * beside the exports and recorded with the certificate's subject and serial. The PIN lives in
     * this closure only for the call to the token.
     */
    'signing.signReport': (input, ctx) => {
      const jobId = env.jobs.start(
        'signing.signReport',
        async (progress): Promise<SignedReport> => {
          progress(0, 4);
          let exported = db
            .prepare("SELECT id, file_path AS filePath, file_name AS fileName FROM report_exports WHERE campaign_id = ? AND kind = 'report' ORDER BY id DESC LIMIT 1")
            .get(input.campaignId) as { id: number; filePath: string; fileName: string } | undefined;
          if (!exported || !existsSync(exported.filePath)) {
            const r = await runExport(db, env, ctx, { campaignId: input.campaignId, kind: 'report', showLogins: false }, () => undefined);
            exported = { id: r.exportId, filePath: r.filePath, fileName: r.fileName };
          }
          progress(1, 4);
          const signingTime = ctx.now();
          let pdf: Buffer;
          if (input.pdfBase64) pdf = Buffer.from(input.pdfBase64, 'base64');
          else if (env.printPdf) {
            // The visible block names the certificate, so it is read (no PIN needed) before printing.
            const chosen = input.visible ? (await listTokenCertificates(input.library)).find((c) => c.slot === input.slot && c.id === input.certificateId) : undefined;
            const info = chosen ? certificateInfo(parseCertificate(chosen.der)!) : null;
            pdf = await env.printPdf(signedPrintRoute(input.campaignId, info ? { ...info, at: signingTime.toISOString() } : null));
          } else throw new AttkError('VALIDATION', t.errors.pdfMissing, ['pdfBase64']);
          progress(2, 4);
          const signed = await signPdfWithToken(
            { pdf, attachment: { fileName: exported.fileName, data: readFileSync(exported.filePath) }, signingTime, location: '' },
            { library: input.library, slot: input.slot, keyLabel: input.certificateId },
            input.pin,
          );
          progress(3, 4);
          const dir = exportsDir(env.file);
          mkdirSync(dir, { recursive: true });
          let filePath = join(dir, exported.fileName.replace(/\.xlsx$/i, '') + '-KySo.pdf');
          for (let n = 2; existsSync(filePath); n++) filePath = join(dir, exported.fileName.replace(/\.xlsx$/i, '') + `-KySo-${n}.pdf`);
          writeFileSync(`${filePath}.part`, signed.pdf);
          const c = signed.certificate;
          try {
            const id = db.transaction(() => {
              const r = db
                .prepare(
                  `INSERT INTO report_signatures (campaign_id, export_id, file_name, file_path, sha256, subject, serial, common_name, organisation, issuer, signed_at, signed_by)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                )
                .run(input.campaignId, exported.id, basename(filePath), filePath, signed.sha256, c.subject, c.serial, c.commonName, c.organisation, c.issuer, signingTime.toISOString(), ctx.actor);
              writeAudit(db, ctx, {
                action: 'sign', entity: 'campaign', entityId: input.campaignId,
                summary: `${basename(filePath)} — ${t.certSummary(c.subject, c.serial)} (SHA-256 ${signed.sha256.slice(0, 12)}…)`,
                data: { sha256: signed.sha256, subject: c.subject, serial: c.serial, exportId: exported.id },
              });
              return Number(r.lastInsertRowid);
            }).immediate();
            renameSync(`${filePath}.part`, filePath);
            progress(4, 4);
            return db.prepare(`SELECT ${SIGNED_COLUMNS} FROM report_signatures WHERE id = ?`).get(id) as SignedReport;
          } catch (error) {
            rmSync(`${filePath}.part`, { force: true });
            throw error;
          }
        },
        toJobError,
      );
      return { jobId };
    },

    'signing.history': ({ campaignId }) =>
      db.prepare(`SELECT ${SIGNED_COLUMNS} FROM report_signatures ${campaignId ? 'WHERE campaign_id = ?' : ''} ORDER BY id DESC`).all(...(campaignId ? [campaignId] : [])) as SignedReport[],

    'signing.file': ({ id }) => {
      const row = db.prepare('SELECT file_name AS fileName, file_path AS filePath, sha256 FROM report_signatures WHERE id = ?').get(id) as
        | { fileName: string; filePath: string; sha256: string }
        | undefined;
      if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(t.historyKind, id), ['id']);
      if (!existsSync(row.filePath)) throw new AttkError('NOT_FOUND', vi.errors.notFound(t.historyKind, row.fileName), ['id']);
      return { fileName: row.fileName, dataBase64: readFileSync(row.filePath).toString('base64') };
    },

    'trustedRoots.list': () =>
      db
        .prepare(
          `SELECT id, sha256, subject, common_name AS commonName, not_before AS notBefore, not_after AS notAfter, added_at AS addedAt, added_by AS addedBy
           FROM trusted_roots WHERE removed_at IS NULL ORDER BY common_name, id`,
        )
        .all() as TrustedRoot[],

    /** All files or none: each must be an X.509 CA certificate not already in the list. */
    'trustedRoots.import': ({ files }, ctx) => {
      const now = ctx.now().toISOString();
      const seen = new Set<string>();
      const insert = db.prepare(
        'INSERT INTO trusted_roots (sha256, subject, common_name, not_before, not_after, der, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      files.forEach((f, i) => {
        const der = certificateDer(Buffer.from(f.dataBase64, 'base64'));
        const cert = der ? parseCertificate(der) : null;
        if (!der || !cert) throw new AttkError('VALIDATION', t.roots.notCertificate(f.fileName), ['files', i]);
        const info = certificateInfo(cert);
        if (!info.isCa) throw new AttkError('VALIDATION', t.roots.notCa(f.fileName), ['files', i]);
        const exists = db.prepare('SELECT 1 FROM trusted_roots WHERE sha256 = ? AND removed_at IS NULL').get(info.sha256);
        if (exists || seen.has(info.sha256)) throw new AttkError('CONFLICT', t.roots.duplicate(f.fileName), ['files', i]);
        seen.add(info.sha256);
        const id = Number(insert.run(info.sha256, info.subject, info.commonName || info.subject, info.notBefore, info.notAfter, der, now, ctx.actor).lastInsertRowid);
        writeAudit(db, ctx, { action: 'create', entity: 'trusted_root', entityId: id, summary: `${t.roots.title}: ${info.subject}`, data: { sha256: info.sha256 } });
      });
      return { added: files.length };
    },

    'trustedRoots.remove': ({ id }, ctx) => {
      const row = db.prepare('SELECT subject FROM trusted_roots WHERE id = ? AND removed_at IS NULL').get(id) as { subject: string } | undefined;
      if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(t.roots.title, id), ['id']);
      db.prepare('UPDATE trusted_roots SET removed_at = ?, removed_by = ? WHERE id = ?').run(ctx.now().toISOString(), ctx.actor, id);
      writeAudit(db, ctx, { action: 'remove', entity: 'trusted_root', entityId: id, summary: `${t.roots.remove}: ${row.subject}` });
      return { removed: 1 };
    },
  };
}
