import { daysLeft, emptyFigures, sumFigures, type CampaignFigures, type StateCounts } from '../../../shared/campaigns/rules';
import type { DeviceSummary } from '../../../shared/reports/schema';
import type { BoardUnit, DistrictBoard, RegisterKind, SubmissionEntry, SubmissionStatus, SystemTotal } from '../../../shared/district/schema';
import type { ReportPayload } from '../../../shared/reports/schema';
import { getCampaign } from '../campaigns/service';
import type { Db } from '../db/open';
import { boardNotices } from './board-notices';
import { compareUnits } from './register';

// The status board: every expected unit (and any unit that sent a file anyway) as on time / late /
// not yet, from the date its first valid file was received against the campaign deadline; the
// figures of its current (latest) file; totals per system summed in SQL.

/** One row per unit on the board, with its status (a CTE other queries filter and join). */
const BOARD_SQL = `
  WITH listed AS (SELECT unit_id FROM district_expected_units WHERE campaign_id = @campaignId),
  cur AS (
    SELECT unit_id, max(id) AS id, min(received_on) AS firstOn, max(received_on) AS lastOn, count(*) AS files
    FROM district_submissions WHERE campaign_id = @campaignId GROUP BY unit_id
  ),
  board AS (
    SELECT u.id AS unitId, u.code, u.name, u.kind, u.contact,
      (u.id IN (SELECT unit_id FROM listed) OR NOT EXISTS (SELECT 1 FROM listed)) AS expected,
      cur.id AS submissionId, cur.firstOn, cur.lastOn, coalesce(cur.files, 0) AS files,
      CASE WHEN cur.id IS NULL THEN 'missing' WHEN cur.firstOn <= @deadline THEN 'on_time' ELSE 'late' END AS status
    FROM units u LEFT JOIN cur ON cur.unit_id = u.id
    WHERE u.is_home = 0
  ),
  shown AS (
    SELECT * FROM board WHERE (expected OR submissionId IS NOT NULL)
      AND (@kind IS NULL OR kind = @kind) AND (@status IS NULL OR status = @status)
  )`;

const FIGURE_SUMS = `sum(f.total) AS total, sum(f.admin) AS admin, sum(f.user) AS user, sum(f.done) AS done, sum(f.late) AS late,
  sum(f.missing) AS missing, sum(f.to_cancel) AS toCancel, sum(f.must_change) AS mustChange, sum(f.admin_to_cancel) AS aToCancel,
  sum(f.admin_must_change) AS aMustChange, sum(f.admin_done) AS aDone, sum(f.admin_late) AS aLate, sum(f.admin_missing) AS aMissing`;

/** The summed columns of FIGURE_SUMS (null when a submission has no figures). */
interface FigureSums {
  total: number | null; admin: number | null; user: number | null; done: number | null; late: number | null; missing: number | null;
  toCancel: number | null; mustChange: number | null; aToCancel: number | null; aMustChange: number | null; aDone: number | null; aLate: number | null; aMissing: number | null;
}

/** FIGURE_SUMS → CampaignFigures: the user accounts by state are the rest after the admin ones. */
export function figuresOf(r: FigureSums): CampaignFigures {
  const v = (x: number | null) => x ?? 0;
  const all: StateCounts = { total: v(r.total), toCancel: v(r.toCancel), mustChange: v(r.mustChange), done: v(r.done), late: v(r.late), missing: v(r.missing) };
  const admin: StateCounts = {
    total: v(r.admin), toCancel: v(r.aToCancel), mustChange: v(r.aMustChange), done: v(r.aDone), late: v(r.aLate), missing: v(r.aMissing),
  };
  const user: StateCounts = {
    total: v(r.user), toCancel: all.toCancel - admin.toCancel, mustChange: all.mustChange - admin.mustChange, done: all.done - admin.done,
    late: all.late - admin.late, missing: all.missing - admin.missing,
  };
  return { ...all, admin: admin.total, user: user.total, byRole: { admin, user } };
}

const DEVICE_COLUMNS = 'dv.devices, dv.checked, dv.licensed_av AS licensedAv, dv.infected, dv.remediated';
type DeviceCols = { devices: number | null; checked: number | null; licensedAv: number | null; infected: number | null; remediated: number | null };
const devicesOf = (r: DeviceCols): DeviceSummary | null =>
  r.devices === null ? null : { devices: r.devices, checked: r.checked ?? 0, licensedAv: r.licensedAv ?? 0, infected: r.infected ?? 0, remediated: r.remediated ?? 0 };

export interface BoardFilter {
  kind?: RegisterKind | undefined;
  status?: SubmissionStatus | undefined;
}

export function districtBoard(db: Db, campaignId: number, today: string, filter: BoardFilter = {}): DistrictBoard {
  const campaign = getCampaign(db, campaignId, ['campaignId']);
  const all = { campaignId, deadline: campaign.deadline, kind: null, status: null };
  const params = { ...all, kind: filter.kind ?? null, status: filter.status ?? null };
  type Row = Omit<BoardUnit, 'expected' | 'figures' | 'fileName' | 'fingerprint' | 'firstReceivedOn' | 'lastReceivedOn'> & {
    expected: number; firstOn: string | null; lastOn: string | null; fileName: string | null; fingerprint: string | null;
    signerName: string | null; signerOrganisation: string | null; reportNumber: string | null; reportDate: string | null;
  } & FigureSums & DeviceCols & { hasFigures: number | null };
  const query = db.prepare(
    `${BOARD_SQL}
     SELECT b.*, s.file_name AS fileName, k.fingerprint,
       json_extract(s.payload, '$.report.number') AS reportNumber, json_extract(s.payload, '$.report.date') AS reportDate, sig.common_name AS signerName, sig.organisation AS signerOrganisation, fs.*, ${DEVICE_COLUMNS}
     FROM shown b
     LEFT JOIN district_submissions s ON s.id = b.submissionId
     LEFT JOIN district_submission_devices dv ON dv.submission_id = b.submissionId
     LEFT JOIN district_unit_keys k ON k.id = s.key_id
     LEFT JOIN district_submission_signatures sig ON sig.submission_id = b.submissionId
     LEFT JOIN (SELECT f.submission_id, 1 AS hasFigures, ${FIGURE_SUMS} FROM district_submission_figures f
                WHERE f.submission_id IN (SELECT submissionId FROM shown) GROUP BY f.submission_id) fs ON fs.submission_id = b.submissionId`,
  );
  const toUnit = (r: Row): BoardUnit => ({
    unitId: r.unitId, code: r.code, name: r.name, kind: r.kind, contact: r.contact, expected: r.expected === 1, status: r.status,
    firstReceivedOn: r.firstOn, lastReceivedOn: r.lastOn, files: r.files, submissionId: r.submissionId, fileName: r.fileName, fingerprint: r.fingerprint,
    signer: r.signerName === null ? null : { commonName: r.signerName, organisation: r.signerOrganisation ?? '' },
    figures: r.submissionId === null ? null : figuresOf(r),
    devices: r.submissionId === null ? null : devicesOf(r),
    report: r.reportNumber && r.reportDate ? { number: r.reportNumber, date: r.reportDate } : null,
  });
  const units = (query.all(params) as Row[]).map(toUnit).sort(compareUnits);
  const everyone = filter.kind || filter.status ? (query.all(all) as Row[]).map(toUnit).sort(compareUnits) : units;

  const systemRows = db
    .prepare(
      `${BOARD_SQL}
       SELECT f.system_key AS systemKey, coalesce(max(sys.code), max(f.system_code)) AS systemCode, coalesce(max(sys.name), max(f.system_name)) AS systemName,
         count(DISTINCT f.submission_id) AS units, ${FIGURE_SUMS}
       FROM shown b JOIN district_submission_figures f ON f.submission_id = b.submissionId
       LEFT JOIN systems sys ON upper(sys.code) = f.system_key
       GROUP BY f.system_key ORDER BY min(coalesce(sys.sort_order, 1000 + f.position)), systemName`,
    )
    .all(params) as (FigureSums & Omit<SystemTotal, keyof CampaignFigures>)[];
  const bySystem: SystemTotal[] = systemRows.map((r) => ({ systemKey: r.systemKey, systemCode: r.systemCode, systemName: r.systemName, units: r.units, ...figuresOf(r) }));
  const overall = bySystem.reduce<CampaignFigures>((acc, s) => sumFigures(acc, s), emptyFigures());
  // Devices: each unit's own distinct count, summed over the units shown (a device belongs to one unit).
  const devices = units.reduce<DeviceSummary>(
    (acc, u) => (u.devices ? {
      devices: acc.devices + u.devices.devices, checked: acc.checked + u.devices.checked, licensedAv: acc.licensedAv + u.devices.licensedAv,
      infected: acc.infected + u.devices.infected, remediated: acc.remediated + u.devices.remediated,
    } : acc),
    { devices: 0, checked: 0, licensedAv: 0, infected: 0, remediated: 0 },
  );

  const expected = everyone.filter((u) => u.expected);
  const counts = {
    expected: expected.length,
    received: everyone.filter((u) => u.status !== 'missing').length,
    onTime: everyone.filter((u) => u.status === 'on_time').length,
    late: everyone.filter((u) => u.status === 'late').length,
    missing: expected.filter((u) => u.status === 'missing').length,
    others: everyone.filter((u) => !u.expected && u.status !== 'missing').length,
  };
  const chase = [...expected.filter((u) => u.status === 'missing'), ...everyone.filter((u) => u.status === 'late')];
  return { campaign, today, daysLeft: daysLeft(today, campaign.deadline), counts, units, totals: { overall, bySystem, devices }, chase, notices: boardNotices(db, units) };
}

export function submissionHistory(db: Db, campaignId: number, unitId: number): SubmissionEntry[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.file_name AS fileName, s.received_on AS receivedOn, s.received_at AS receivedAt, s.received_by AS receivedBy, s.sha256,
         k.fingerprint, s.generated_at AS generatedAt, s.matched_by AS matchedBy, ${FIGURE_SUMS}
       FROM district_submissions s JOIN district_unit_keys k ON k.id = s.key_id
       LEFT JOIN district_submission_figures f ON f.submission_id = s.id
       WHERE s.campaign_id = ? AND s.unit_id = ? GROUP BY s.id ORDER BY s.id DESC`,
    )
    .all(campaignId, unitId) as (Omit<SubmissionEntry, 'figures' | 'current'> & FigureSums)[];
  return rows.map((r, i) => ({
    id: r.id, fileName: r.fileName, receivedOn: r.receivedOn, receivedAt: r.receivedAt, receivedBy: r.receivedBy, sha256: r.sha256, fingerprint: r.fingerprint,
    generatedAt: r.generatedAt, matchedBy: r.matchedBy, current: i === 0, figures: figuresOf(r),
  }));
}

/** The signed payloads of the current files (for the accounts to cancel across units). */
export function currentPayloads(db: Db, campaignId: number): { unitCode: string; unitName: string; payload: ReportPayload }[] {
  const rows = db
    .prepare(
      `SELECT u.code, u.name, s.payload FROM district_submissions s JOIN units u ON u.id = s.unit_id
       WHERE s.id IN (SELECT max(id) FROM district_submissions WHERE campaign_id = ? GROUP BY unit_id)`,
    )
    .all(campaignId) as { code: string; name: string; payload: string }[];
  return rows
    .map((r) => ({ unitCode: r.code, unitName: r.name, payload: JSON.parse(r.payload) as ReportPayload }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}
