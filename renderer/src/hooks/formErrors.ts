import { vi } from '../../../shared/i18n/vi';

/** Labels a form shows for its fields, by input key (falls back to the shared `vi.fields`). */
export type FieldLabels = Record<string, string>;

export const labelOf = (key: string, labels: FieldLabels): string => labels[key] ?? vi.fields[key] ?? vi.forms.unnamedField;

/**
 * zod issues → one message per top-level field (the first issue of each), and a summary naming
 * every field to fix by its Vietnamese label. Pure, so it is unit-tested without a DOM.
 */
export function formErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
  labels: FieldLabels,
): { errors: Record<string, string>; summary: string } {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const head = issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined);
    const key = typeof head === 'string' ? head : '';
    if (key in errors) continue;
    errors[key] = stripLabel(issue.message, key, labels);
  }
  return { errors, summary: summaryOf(errors, labels) };
}

/** The banner on top of a form that was not saved: one error in full, several by their labels. */
export function summaryOf(errors: Record<string, string>, labels: FieldLabels): string {
  return vi.forms.summary(Object.entries(errors).map(([key, message]) => ({ label: labelOf(key, labels), message })));
}

/** A server message may already start with a label ("Họ và tên: Chưa nhập."); under its field, drop it. */
export function stripLabel(message: string, key: string, labels: FieldLabels): string {
  for (const label of [labels[key], vi.fields[key], key]) {
    if (label && message.startsWith(`${label}: `)) return message.slice(label.length + 2);
  }
  return message;
}
