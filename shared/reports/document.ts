import type { AccountRole } from '../accounts/schema';
import type { Campaign } from '../campaigns/schema';
import { progressPercent, type CampaignFigures, type StateCounts } from '../campaigns/rules';
import { formatViDate, formatViDateTime } from '../dates';
import { vi } from '../i18n/vi';
import { citation } from '../legal/schema';
import { runningName, symbolFor } from './symbols';
import type { UnitProfile } from '../unit/schema';
import { lines, resolveNarrative, type EffectiveNarrative, type ReportNarrative } from './narrative';
import type { ReportData } from './schema';

// One description of each official document (Decree 30/2020/NĐ-CP, Appendix I), built from the
// data once: the print view renders it as HTML, the core renders it as .docx. Every sentence and
// figure comes from here, so the paper, the PDF and the Word file cannot disagree.

export type Align = 'left' | 'center' | 'right';
export interface DocCell {
  text: string;
  bold?: boolean;
  align?: Align;
  /** Rows this cell spans downwards; the cells it covers are null in the rows below. */
  rowSpan?: number;
}
export interface DocTable {
  label: string;
  /** Widths in percent of the text width. */
  columns: { title: string; width: number }[];
  rows: (DocCell | null)[][];
  compact: boolean;
  /** Rows (by index) that start a group that should not be split from its next rows (a person's accounts). */
  groupStarts?: number[];
}
export type DocBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'line'; text: string }
  | { kind: 'table'; table: DocTable }
  | { kind: 'note'; text: string };

export interface DocSignature {
  /** Authority and title lines, printed in capitals, bold ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"). */
  titles: string[];
  name: string;
}

export type DocumentKind = 'report' | 'cancellations' | 'sign-sheet';

export interface OfficialDocument {
  kind: DocumentKind;
  /** The article's accessible name and the Word file's title. */
  label: string;
  landscape: boolean;
  header: { parentBody: string; unitName: string; number: string | null; vv: string | null; dateLine: string };
  title: string | null;
  subtitle: string | null;
  subject: string | null;
  /** One recipient: "Kính gửi: X" on one line; several: "Kính gửi:" then "- X;" lines. */
  kinhGui: string[] | null;
  body: DocBlock[];
  /** The last paragraph(s): kept on the page of the signature block. */
  closing: DocBlock[];
  /** Left of the signatures; null when the document has no "Nơi nhận" (the sign sheet). */
  recipients: string[] | null;
  /** One block (right), or two (left: the preparer; right: the head). */
  signatures: DocSignature[];
  afterSignature: DocBlock[];
  appendix: { titles: string[]; ref: string; body: DocBlock[] } | null;
}

const p = vi.reports.print;
const num = (x: number) => x.toLocaleString('vi-VN');

export function directiveText(c: Pick<Campaign, 'directiveNumber' | 'directiveDate' | 'issuer'>): string {
  return vi.reports.basis(c.directiveNumber, c.directiveDate ? formatViDate(c.directiveDate) : '', c.issuer).replace(/^\(Thực hiện |\)$/g, '');
}

/** "Số: 05/BC-UBND" — numbers under 10 take a leading zero (Decree 30); blank to fill in by hand when not yet numbered. */
export function documentNumber(raw: string | null, reportSymbol: string): string {
  if (!raw) return `${p.blankNumber}/${symbolFor('report', reportSymbol)}`;
  return raw.replace(/^(\d)(?=\D|$)/, '0$1');
}

export function reportNumber(data: Pick<ReportData, 'campaign' | 'unit'>): string {
  return documentNumber(data.campaign.reportNumber, data.unit.reportSymbol);
}

const recipientOf = (data: Pick<ReportData, 'campaign' | 'unit'>) => data.campaign.recipient || data.unit.recipientName;

/** The text each editable part has when the unit has not changed it: follows the data. */
export function generatedNarrative(data: Pick<ReportData, 'unit' | 'campaign' | 'legal' | 'toCancel'>): EffectiveNarrative {
  const { unit, campaign } = data;
  const recipient = recipientOf(data);
  return {
    kinhGui: recipient,
    basis: data.legal.map((d) => `- ${citation(d, formatViDate)};`).join('\n'),
    section1: p.s1Body(runningName(unit.name), formatViDate(campaign.startDate), formatViDate(campaign.deadline)),
    section5: p.s5Body(data.toCancel.length),
    recipients: [`- ${recipient || '……'};`, '- Lưu: VT.'].join('\n'),
    signerTitle: [unit.signAuthority, unit.headTitle || vi.campaigns.decree30.signFallback].filter(Boolean).join('\n'),
    signerName: campaign.signer ?? unit.headName,
  };
}

export function effectiveNarrative(data: Pick<ReportData, 'unit' | 'campaign' | 'legal' | 'toCancel'> & { narrative: ReportNarrative }): EffectiveNarrative {
  return resolveNarrative(data.narrative, generatedNarrative(data));
}

const signature = (n: EffectiveNarrative): DocSignature => ({ titles: lines(n.signerTitle).map((l) => l.toUpperCase()), name: n.signerName });
const paragraphs = (text: string): DocBlock[] => lines(text).map((t) => ({ kind: 'paragraph', text: t }));

function header(unit: UnitProfile, number: string | null, dateLine: string, vv: string | null = null): OfficialDocument['header'] {
  return { parentBody: unit.parentBody.toUpperCase(), unitName: unit.name.toUpperCase(), number, vv, dateLine };
}

const F = vi.figures;

/**
 * Section II's table: per system, the accounts by state (one state each, adding up to the total)
 * with the admin / user split under each system and under the total.
 */
export function summaryTable(data: ReportData): DocTable {
  const o = data.progress.overall;
  const widths = [6, 30, 11, 10, 13, 11, 9, 10];
  const figures = (f: StateCounts) => [f.total, f.toCancel, f.mustChange, f.done, f.late, f.missing];
  const block = (no: string, name: string, f: CampaignFigures, bold: boolean): DocCell[][] => [
    [{ text: no, align: 'center' }, { text: name, bold }, ...figures(f).map((v) => ({ text: num(v), align: 'center' as const, bold }))],
    ...(['admin', 'user'] as const).map((role): DocCell[] => [
      { text: '' }, { text: F.roleRow[role] }, ...figures(f.byRole[role]).map((v) => ({ text: num(v), align: 'center' as const })),
    ]),
  ];
  return {
    label: vi.reports.summaryTitle,
    columns: F.accountColumns.map((title, i) => ({ title, width: widths[i]! })),
    compact: true,
    rows: [...data.progress.bySystem.flatMap((s, i) => block(String(i + 1), s.systemName, s, false)), ...block('', vi.reports.total, o, true)],
  };
}

export function cancellationTable(rows: ReportData['toCancel'], label: string): DocTable {
  const c = vi.reports.cancellationColumns;
  const widths = [6, 17, 18, 12, 14, 19, 14];
  return {
    label,
    columns: [0, 1, 4, 5, 6, 7, 9].map((k, i) => ({ title: c[k]!, width: widths[i]! })),
    compact: true,
    rows: rows.map((r, i) => [
      { text: String(i + 1), align: 'center' },
      { text: r.personName },
      { text: r.unitName },
      { text: vi.personStatus[r.personStatus as keyof typeof vi.personStatus] ?? r.personStatus },
      { text: formatViDate(r.statusDate), align: 'center' },
      { text: r.systemName },
      { text: r.loginName },
    ]),
  };
}

/** III.2 (Rule 7, seed 000): the connections to systems that require VPN site-to-site, the figures per system, and which do not comply. */
export function connectionBlocks(data: Pick<ReportData, 'connections' | 'connectionRows' | 'noticeBasis'>): DocBlock[] {
  const t = vi.connections.report;
  const c = data.connections;
  const r = c.required;
  const bad = data.connectionRows.filter((x) => x.state === 'not_site_to_site' || x.state === 'unchecked');
  const cols = t.summaryColumns;
  const widths = [6, 34, 12, 10, 12, 11, 15];
  return [
    { kind: 'heading', text: t.heading },
    { kind: 'paragraph', text: `${r.connections === 0 ? t.none : t.paragraph(r.connections, r.siteToSite, r.nonCompliant, r.notChecked, c.checkMonths)}${data.noticeBasis.connections ? ` ${t.basis(data.noticeBasis.connections)}` : ''}` },
    ...(c.bySystem.length
      ? [{
          kind: 'table',
          table: {
            label: t.summaryTitle,
            columns: cols.map((title, i) => ({ title, width: widths[i]! })),
            compact: true,
            rows: c.bySystem.map((s, i) => [
              { text: String(i + 1), align: 'center' as const },
              { text: s.systemName },
              { text: s.requiresSiteToSite ? t.yes : t.no, align: 'center' as const },
              ...[s.connections, s.siteToSite, s.nonCompliant, s.notChecked].map((v) => ({ text: num(v), align: 'center' as const })),
            ]),
          },
        } as DocBlock]
      : []),
    ...(r.connections > 0 && bad.length === 0 ? [{ kind: 'paragraph', text: t.allGood } as DocBlock] : []),
    ...(bad.length
      ? [
          { kind: 'paragraph', text: t.listBad } as DocBlock,
          ...bad.map((x): DocBlock => ({
            kind: 'line',
            text: t.badLine(x.localSystem, x.systemName, vi.connections.protocol[x.protocol], vi.connections.state[x.state], x.checkedOn ? t.checkedOn(formatViDate(x.checkedOn)) : t.neverChecked),
          })),
        ]
      : []),
  ];
}

/** III.3 (Rule 8, seed 001): each system's latest security-feature check, its result and when the next is due. */
export function securityBlocks(data: Pick<ReportData, 'security' | 'noticeBasis'>): DocBlock[] {
  const t = vi.security.report;
  const s = data.security;
  const widths = [6, 30, 9, 13, 9, 9, 9, 13, 14];
  return [
    { kind: 'heading', text: t.heading },
    { kind: 'paragraph', text: `${t.paragraph(s.counts.systems, s.counts.ok, s.counts.overdue, s.counts.unused, s.checkMonths)}${data.noticeBasis.security ? ` ${t.basis(data.noticeBasis.security)}` : ''}` },
    {
      kind: 'table',
      table: {
        label: t.summaryTitle,
        columns: t.summaryColumns.map((title, i) => ({ title, width: widths[i]! })),
        compact: true,
        rows: s.systems.map((x, i) => [
          { text: String(i + 1), align: 'center' as const },
          { text: x.systemName },
          { text: num(x.features), align: 'center' as const },
          { text: x.lastCheckedOn ? formatViDate(x.lastCheckedOn) : vi.security.state.never, align: 'center' as const },
          ...(x.lastCheckedOn ? [x.used, x.notUsed, x.na].map((v) => ({ text: num(v), align: 'center' as const })) : [{ text: '' }, { text: '' }, { text: '' }]),
          { text: x.nextDue ? formatViDate(x.nextDue) : '', align: 'center' as const },
          { text: vi.security.state[x.state] },
        ]),
      },
    },
    ...s.systems
      .filter((x) => x.unusedFeatures.length > 0)
      .map((x): DocBlock => ({ kind: 'line', text: `- ${x.systemName}: ${vi.security.unusedList(x.unusedFeatures.join('; '))}` })),
  ];
}

/**
 * Báo cáo kết quả (model 1.4): header, number and date line, title and subject, "Kính gửi", the
 * sections with the figures, "Nơi nhận" and the signature block, the key fingerprint, and the
 * appendix listing the accounts to cancel. The narrative parts come from `data.narrative`.
 */
export function reportDocument(data: ReportData): OfficialDocument {
  const { unit, campaign, progress } = data;
  const n = effectiveNarrative(data);
  const o = progress.overall;
  const pct = progressPercent(o);
  const number = reportNumber(data);
  // One report number, one date: once numbered, every document carries the report's own date.
  const date = data.documentDate;
  const basis = lines(n.basis);
  const body: DocBlock[] = [
    { kind: 'paragraph', text: p.opening(directiveText(campaign), runningName(unit.name)) },
    ...(basis.length ? [{ kind: 'paragraph', text: p.basisTitle } as DocBlock, ...basis.map((text): DocBlock => ({ kind: 'line', text }))] : []),
    { kind: 'heading', text: p.s1 },
    ...paragraphs(n.section1),
    { kind: 'heading', text: p.s2 },
    { kind: 'paragraph', text: F.s2Body(o.total, o.toCancel, o.mustChange, o.done, pct, o.late, o.missing) },
    ...(['admin', 'user'] as const).map((role): DocBlock => {
      const r = o.byRole[role];
      return { kind: 'paragraph', text: F.roleBody(F.roleName[role], r.total, r.toCancel, r.mustChange, r.done, r.late, r.missing) };
    }),
    { kind: 'paragraph', text: F.s2Detail },
    { kind: 'table', table: summaryTable(data) },
    { kind: 'heading', text: p.s3 },
    { kind: 'heading', text: p.s3Devices },
    { kind: 'paragraph', text: F.s3Body(data.devices.devices, data.devices.checked, data.devices.licensedAv, data.devices.infected, data.devices.remediated, data.deviceCheckMonths) },
    ...connectionBlocks(data),
    ...securityBlocks(data),
    { kind: 'heading', text: p.s4 },
    { kind: 'paragraph', text: p.s4Body(data.toCancel.length) },
    { kind: 'heading', text: p.s5 },
    ...paragraphs(n.section5),
    ...(data.amendments.length
      ? [
          { kind: 'heading', text: p.amendTitle } as DocBlock,
          ...data.amendments.map((a): DocBlock => ({ kind: 'line', text: vi.reports.amendmentLine(formatViDateTime(a.at), a.actor, a.summary, a.reason) })),
        ]
      : []),
  ];
  return {
    kind: 'report',
    label: p.reportTitle,
    landscape: false,
    header: header(unit, `${vi.reports.numberPrefix}${number}`, vi.reports.dateLine(unit.placeName, date)),
    title: p.reportTitle,
    subtitle: null,
    subject: campaign.subject,
    kinhGui: n.kinhGui ? [n.kinhGui] : null,
    body,
    closing: [{ kind: 'paragraph', text: p.closing(runningName(unit.name)) }],
    recipients: lines(n.recipients),
    signatures: [signature(n)],
    afterSignature: [{ kind: 'note', text: p.fingerprint(data.fingerprint) }],
    appendix:
      data.toCancel.length > 0
        ? { titles: [p.appendix, p.appendixTitle], ref: p.appendixRef(number, formatViDate(date)), body: [{ kind: 'table', table: cancellationTable(data.toCancel, p.appendixTitle) }, { kind: 'note', text: vi.trust.logins.fullNote }] }
        : null,
  };
}

/**
 * Đề nghị hủy/điều chỉnh tài khoản: a letter (công văn: "V/v …" under the number, "Kính gửi:" the
 * managing agencies) listing the leavers' accounts per system and managing agency. Signed by the
 * campaign's signer (the narrative's title and name).
 */
export function cancellationDocument(data: ReportData): OfficialDocument {
  const { unit } = data;
  const n = effectiveNarrative(data);
  const groups = new Map<string, ReportData['toCancel']>();
  for (const r of data.toCancel) {
    const key = `${r.systemName}${r.managingAgency ? ` — ${r.managingAgency}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const agencies = [...new Set(data.toCancel.map((r) => r.managingAgency).filter(Boolean))];
  return {
    kind: 'cancellations',
    label: p.cancelVv,
    landscape: false,
    header: header(unit, `${vi.reports.numberPrefix}${p.blankNumber}/${symbolFor('letter', unit.reportSymbol, unit.code)}`, vi.reports.dateLine(unit.placeName, data.today), p.cancelVv),
    title: null,
    subtitle: null,
    subject: null,
    kinhGui: agencies.length ? agencies : ['……'],
    body: [
      // With nothing to cancel the letter says so, instead of "các tài khoản sau:" followed by nothing (issue 18).
      { kind: 'paragraph', text: data.toCancel.length === 0 ? p.cancelNone(runningName(unit.name)) : p.cancelBody(runningName(unit.name), data.toCancel.length) },
      ...(data.toCancel.length > 0
        ? // Full logins: the managing agency must be able to act on each row (issue 15).
          [{ kind: 'note', text: vi.trust.logins.fullNote } as DocBlock]
        : []),
      ...[...groups].flatMap(([title, rows]): DocBlock[] => [
        { kind: 'heading', text: title },
        { kind: 'table', table: cancellationTable(rows, title) },
      ]),
    ],
    closing: [{ kind: 'paragraph', text: p.cancelClosing(runningName(unit.name)) }],
    recipients: [...agencies.map((a) => `- ${a};`), '- Lưu: VT.'],
    signatures: [signature(n)],
    afterSignature: [],
    appendix: null,
  };
}

/** One in-scope account on the sign sheet (leavers' accounts are not: they are to be cancelled). */
export interface SignSheetRow {
  accountId: number;
  personId: number | null;
  personName: string | null;
  position: string;
  department: string;
  systemName: string;
  loginName: string;
  role: AccountRole;
}

export interface SignSheetData {
  unit: UnitProfile;
  campaign: Campaign;
  narrative: ReportNarrative;
  legal: ReportData['legal'];
  toCancel: ReportData['toCancel'];
  rows: SignSheetRow[];
}

const t = vi.campaigns.signSheet;

/**
 * Phiếu xác nhận: A4 landscape, staff and their in-scope accounts with blank "Ngày đổi" and
 * "Ký xác nhận" columns (one group of rows per person), the preparer's and the head's signatures.
 */
export function signSheetDocument(data: SignSheetData): OfficialDocument {
  const { unit, campaign } = data;
  const n = effectiveNarrative(data);
  const byPerson = new Map<string, SignSheetRow[]>();
  for (const r of data.rows) {
    const key = r.personId ? `p${r.personId}` : `a${r.accountId}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), r]);
  }
  const rows: (DocCell | null)[][] = [];
  const groupStarts: number[] = [];
  [...byPerson.values()].forEach((group, i) => {
    groupStarts.push(rows.length);
    group.forEach((r, j) => {
      const first: (DocCell | null)[] =
        j === 0
          ? [
              { text: String(i + 1), align: 'center', rowSpan: group.length },
              { text: r.personName ?? vi.accounts.shared, bold: true, rowSpan: group.length },
              { text: [r.position, r.department].filter(Boolean).join(', '), rowSpan: group.length },
            ]
          : [null, null, null];
      rows.push([...first, { text: r.systemName }, { text: r.loginName }, { text: vi.accountRole[r.role], align: 'center' }, { text: '' }, { text: '' }]);
    });
  });
  const c = t.columns;
  const widths = [5, 17, 16, 20, 12, 8, 10, 12];
  return {
    kind: 'sign-sheet',
    label: t.title,
    landscape: true,
    header: header(unit, null, t.dateLine(unit.placeName || '……')),
    title: t.title,
    subtitle: t.basis(directiveText(campaign)),
    subject: campaign.subject,
    kinhGui: null,
    // No account in scope: say so, not an empty table (issue 18).
    body:
      rows.length === 0
        ? [{ kind: 'paragraph', text: t.empty }]
        : [
            { kind: 'paragraph', text: t.intro },
            {
              kind: 'table',
              table: { label: t.title, columns: [c.stt, c.name, c.position, c.system, c.login, c.role, c.date, c.sign].map((title, i) => ({ title, width: widths[i]! })), rows, compact: false, groupStarts },
            },
          ],
    closing: [],
    recipients: null,
    signatures: [
      { titles: [t.preparer], name: unit.clerkName },
      signature(n),
    ],
    afterSignature: [],
    appendix: null,
  };
}
