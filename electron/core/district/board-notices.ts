import { sumNotices, type BoardNotices, type UnitNotices } from '../../../shared/district/notices';
import type { Db } from '../db/open';

// Rules 7 and 8 per unit on the receiving office's board (issue 21), read in SQL from the signed
// payload each unit's current file carries (figures.connections.required, figures.security): the
// office shows what the unit signed, it does not recompute it.

const NOTICES_SQL = `
  SELECT s.id AS submissionId,
    json_type(s.payload, '$.figures.connections.required') AS hasConnections,
    json_extract(s.payload, '$.figures.connections.required.connections') AS connections,
    json_extract(s.payload, '$.figures.connections.required.siteToSite') AS siteToSite,
    json_extract(s.payload, '$.figures.connections.required.nonCompliant') AS nonCompliant,
    json_extract(s.payload, '$.figures.connections.required.notChecked') AS notChecked,
    json_type(s.payload, '$.figures.security.counts') AS hasSecurity,
    json_extract(s.payload, '$.figures.security.counts.systems') AS systems,
    json_extract(s.payload, '$.figures.security.counts.ok') AS ok,
    json_extract(s.payload, '$.figures.security.counts.overdue') AS overdue,
    json_extract(s.payload, '$.figures.security.counts.unused') AS unused,
    (SELECT max(json_extract(j.value, '$.lastCheckedOn')) FROM json_each(s.payload, '$.figures.security.systems') j) AS lastCheckedOn
  FROM district_submissions s
  WHERE s.id IN (SELECT value FROM json_each(?))`;

interface Row {
  submissionId: number;
  hasConnections: string | null;
  connections: number; siteToSite: number; nonCompliant: number; notChecked: number;
  hasSecurity: string | null;
  systems: number; ok: number; overdue: number; unused: number;
  lastCheckedOn: string | null;
}

/** The board's units that sent a file (their current submission), in the order given, and the sums. */
export function boardNotices(db: Db, units: readonly { unitId: number; code: string; name: string; submissionId: number | null }[]): BoardNotices {
  const sent = units.filter((u): u is typeof u & { submissionId: number } => u.submissionId !== null);
  const rows = new Map(
    (db.prepare(NOTICES_SQL).all(JSON.stringify(sent.map((u) => u.submissionId))) as Row[]).map((r) => [r.submissionId, r]),
  );
  const list: UnitNotices[] = sent.map((u) => {
    const r = rows.get(u.submissionId);
    return {
      unitId: u.unitId, code: u.code, name: u.name, submissionId: u.submissionId,
      connections: r?.hasConnections === 'object'
        ? { connections: r.connections ?? 0, siteToSite: r.siteToSite ?? 0, nonCompliant: r.nonCompliant ?? 0, notChecked: r.notChecked ?? 0 }
        : null,
      security: r?.hasSecurity === 'object'
        ? { systems: r.systems ?? 0, ok: r.ok ?? 0, overdue: r.overdue ?? 0, unused: r.unused ?? 0, lastCheckedOn: r.lastCheckedOn }
        : null,
    };
  });
  return { units: list, total: sumNotices(list) };
}
