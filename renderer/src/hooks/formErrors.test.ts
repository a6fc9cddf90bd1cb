import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { vi } from '../../../shared/i18n/vi';
import { formErrorsFromIssues, stripLabel } from './formErrors';

const issuesOf = (method: keyof typeof contract, input: unknown) => {
  const r = contract[method].input.safeParse(input);
  if (r.success) throw new Error('expected invalid input');
  return r.error.issues;
};

/** Top-level keys of an input schema (objects, unions of objects, pipes). */
function keysOf(schema: unknown): string[] {
  const d = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!d) return [];
  switch (d.type) {
    case 'object':
      return Object.keys(d.shape as object);
    case 'pipe':
      return keysOf(d.in);
    case 'optional':
    case 'default':
    case 'nullable':
      return keysOf(d.innerType);
    case 'union':
      return (d.options as unknown[]).flatMap(keysOf);
    default:
      return [];
  }
}

describe('form errors (issue 18)', () => {
  it('given an empty campaign, when validated, then every missing field has its own Vietnamese message and the summary names them all by label', () => {
    const { errors, summary } = formErrorsFromIssues(issuesOf('campaigns.create', { directiveNumber: '', subject: '', systemIds: [], startDate: '', deadline: '' }), {});
    expect(Object.keys(errors).sort()).toEqual(['deadline', 'directiveNumber', 'startDate', 'subject', 'systemIds']);
    expect(errors.directiveNumber).toBe(vi.errors.required);
    expect(summary).toContain('"Số văn bản chỉ đạo"');
    expect(summary).toContain('"Hạn hoàn thành"');
    expect(summary).not.toMatch(/directiveNumber|deadline|startDate/);
  });

  it('given form-specific labels, then the summary uses them', () => {
    const { summary } = formErrorsFromIssues(issuesOf('systems.create', { name: '', adminIntervalMonths: 0, userIntervalMonths: 3 }), { name: 'Tên hệ thống' });
    expect(summary).toBe(`Chưa lưu: cần sửa 2 ô — "Tên hệ thống", "${vi.fields.adminIntervalMonths!}".`);
  });

  it('given a typed e-mail without @, then the unit profile refuses it at the e-mail field', () => {
    const { errors } = formErrorsFromIssues(issuesOf('unit.save', { name: 'UBND PHƯỜNG VĂN MIẾU', code: 'VM', email: 'vanmieu hanoi' }), {});
    expect(errors).toEqual({ email: vi.forms.badEmail });
    expect(formErrorsFromIssues(issuesOf('unit.save', { name: 'X', code: 'VM', email: 'vanmieu hanoi' }), {}).summary).toBe(`Chưa lưu — Thư điện tử: ${vi.forms.badEmail}`);
    expect(contract['unit.save'].input.safeParse({ name: 'A', code: 'B', email: 'vanthu@vanmieu.hanoi.gov.vn' }).success).toBe(true);
  });

  it('a server message that repeats the label loses it under the field', () => {
    expect(stripLabel('Họ và tên: Chưa nhập.', 'fullName', {})).toBe('Chưa nhập.');
    expect(stripLabel('directiveNumber: Chưa nhập.', 'directiveNumber', {})).toBe('Chưa nhập.');
  });

  it('every field of every write method has a Vietnamese label, so no API key ever reaches the clerk', () => {
    const missing: string[] = [];
    for (const [method, def] of Object.entries(contract)) {
      if (def.kind === 'read') continue;
      for (const key of keysOf(def.input)) if (!vi.fields[key]) missing.push(`${method}.${key}`);
    }
    expect(missing).toEqual([]);
  });
});
