import Database from 'better-sqlite3';
import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { nextDueDate } from '../../../shared/rotation/rules';
import { nextDueSql } from './sql';

describe('nextDueSql', () => {
  it('agrees with the shared rule on every day of 2023–2025 for 1–12 months', () => {
    const db = new Database(':memory:');
    const stmt = db.prepare(`SELECT ${nextDueSql('@last', '@months')} AS due`);
    let checked = 0;
    for (let d = new Date(2023, 0, 1); d.getFullYear() < 2026; d = addDays(d, 1)) {
      const iso = format(d, 'yyyy-MM-dd');
      for (const months of [1, 2, 3, 6, 12]) {
        const { due } = stmt.get({ last: iso, months }) as { due: string };
        if (due !== nextDueDate(iso, months)) expect(`${iso}+${months}: ${due}`).toBe(`${iso}+${months}: ${nextDueDate(iso, months)}`);
        checked++;
      }
    }
    expect(checked).toBe(1096 * 5);
    db.close();
  });
});
