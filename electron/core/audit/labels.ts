import { vi } from '../../../shared/i18n/vi';
import type { Db } from '../db/open';

/**
 * How the audit log names an account for people (issue 18): its login, its owner and its system,
 * never "Tài khoản #6".
 */
export function accountLabel(db: Db, accountId: number): string {
  const r = db
    .prepare(
      `SELECT a.login_name AS login, s.name AS system, p.full_name AS person
       FROM accounts a JOIN systems s ON s.id = a.system_id LEFT JOIN people p ON p.id = a.person_id WHERE a.id = ?`,
    )
    .get(accountId) as { login: string; system: string; person: string | null } | undefined;
  return r ? vi.auditText.account(r.login, r.person, r.system) : vi.auditText.account(String(accountId), null, '');
}

/** The fields of a settings-like save that really change, by their Vietnamese labels ("a: x → y"). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined || JSON.stringify(before[key]) === JSON.stringify(value)) continue;
    out.push(vi.auditText.change(vi.fields[key] ?? key, show(before[key]), show(value)));
  }
  return out;
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? vi.common.none : typeof v === 'boolean' ? (v ? vi.common.yes : vi.common.no) : String(v));
