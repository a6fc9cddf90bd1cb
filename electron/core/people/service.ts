import { toIsoDate } from '../../../shared/dates';
import { AttkError, notFound } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { Person } from '../../../shared/people/schema';
import { foldForSearch, personSortKey } from '../../../shared/text/vietnamese';
import type { HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { Where } from '../db/where';
import { homeUnitId } from '../unit/service';

export function personSearchText(fullName: string, position: string, department: string, unitName: string): string {
  return foldForSearch(`${fullName} ${position} ${department} ${unitName}`);
}

const PERSON_SELECT = `SELECT p.id, p.unit_id AS unitId, u.name AS unitName, p.full_name AS fullName, p.position, p.department,
  p.staff_type AS staffType, p.party_member AS partyMember, p.status, p.status_date AS statusDate, p.note,
  (SELECT count(*) FROM accounts a WHERE a.person_id = p.id) AS accountCount, p.created_at AS createdAt, p.updated_at AS updatedAt
  FROM people p JOIN units u ON u.id = p.unit_id`;

type PersonRow = Omit<Person, 'partyMember'> & { partyMember: number };
const toPerson = (r: PersonRow): Person => ({ ...r, partyMember: r.partyMember === 1 });

export function getPerson(db: Db, id: number): Person {
  const row = db.prepare(`${PERSON_SELECT} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  if (!row) throw notFound(vi.fields.fullName!.toLowerCase(), id);
  return toPerson(row);
}

function unitName(db: Db, unitId: number): string {
  const row = db.prepare('SELECT name FROM units WHERE id = ?').get(unitId) as { name: string } | undefined;
  if (!row) throw new AttkError('VALIDATION', vi.errors.notFound(vi.fields.unitId!.toLowerCase(), unitId), ['unitId']);
  return row.name;
}

export function peopleHandlers(db: Db): HandlersFor<'people'> {
  return {
    'people.list': ({ q, status, department, unitId, sort, offset, limit }) => {
      const where = new Where()
        .search(q, ['p.search_text'])
        .when(status, 'p.status = ?')
        .when(department, 'p.department = ?')
        .when(unitId, 'p.unit_id = ?');
      const order = sort === 'recent' ? 'p.id DESC' : 'p.sort_key, p.id';
      const total = (db.prepare(`SELECT count(*) AS n FROM people p ${where.sql}`).get(where.params) as { n: number }).n;
      const rows = db.prepare(`${PERSON_SELECT} ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...where.params, limit, offset }) as PersonRow[];
      return { total, offset, rows: rows.map(toPerson) };
    },

    'people.get': ({ id }) => getPerson(db, id),

    'people.create': (input, ctx) => {
      const now = ctx.now().toISOString();
      const unitId = input.unitId ?? homeUnitId(db);
      const result = db
        .prepare(
          `INSERT INTO people (unit_id, full_name, position, department, staff_type, party_member, note, sort_key, search_text, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          unitId, input.fullName, input.position, input.department, input.staffType, input.partyMember ? 1 : 0, input.note,
          personSortKey(input.fullName), personSearchText(input.fullName, input.position, input.department, unitName(db, unitId)), now, now,
        );
      const person = getPerson(db, Number(result.lastInsertRowid));
      writeAudit(db, ctx, { action: 'create', entity: 'person', entityId: person.id, summary: person.fullName, data: input });
      return person;
    },

    'people.update': (input, ctx) => {
      const before = getPerson(db, input.id);
      const unitId = input.unitId ?? before.unitId;
      db.prepare(
        `UPDATE people SET unit_id = ?, full_name = ?, position = ?, department = ?, staff_type = ?, party_member = ?, note = ?,
           sort_key = ?, search_text = ?, updated_at = ? WHERE id = ?`,
      ).run(
        unitId, input.fullName, input.position, input.department, input.staffType, input.partyMember ? 1 : 0, input.note,
        personSortKey(input.fullName), personSearchText(input.fullName, input.position, input.department, unitName(db, unitId)),
        ctx.now().toISOString(), input.id,
      );
      const person = getPerson(db, input.id);
      writeAudit(db, ctx, { action: 'update', entity: 'person', entityId: person.id, summary: person.fullName, data: { before, after: input } });
      return person;
    },

    'people.setStatus': ({ id, status, statusDate }, ctx) => {
      const before = getPerson(db, id);
      if (status !== 'working' && !statusDate) throw new AttkError('VALIDATION', vi.errors.statusDateRequired, ['statusDate']);
      const today = toIsoDate(ctx.now());
      if (statusDate && statusDate > today) throw new AttkError('VALIDATION', vi.errors.futureDate, ['statusDate']);
      db.prepare('UPDATE people SET status = ?, status_date = ?, updated_at = ? WHERE id = ?').run(
        status, status === 'working' ? null : statusDate, ctx.now().toISOString(), id,
      );
      const person = getPerson(db, id);
      writeAudit(db, ctx, {
        action: 'status', entity: 'person', entityId: id, summary: `${person.fullName}: ${vi.personStatus[before.status]} → ${vi.personStatus[status]}`,
        data: { from: before.status, to: status, statusDate },
      });
      return person;
    },
  };
}
