import { useEffect, useRef, useState } from 'react';
import { contract, type InputOf, type MethodName } from '../../../shared/api/contract';
import { ApiCallError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { formErrorsFromIssues, stripLabel, summaryOf, type FieldLabels } from './formErrors';

/**
 * The one form machinery every edit form uses (issue 18):
 * - `check(method, input)` validates the WHOLE input against the contract's zod schema before
 *   anything is sent, so the clerk sees every error at once, each under its field, in Vietnamese,
 *   with the label the form shows (never an API key such as "directiveNumber");
 * - `show(error)` maps a typed API error (a business rule the core checks) onto its field;
 * - after either, the first field in error is focused and scrolled into view, and the form's top
 *   banner names every field to fix, so "Lưu" never seems to do nothing.
 */
export function useFormErrors(labels: FieldLabels = {}) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLElement | null>(null);
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  // Runs after the errors are rendered: focus the first field marked in error (DOM order), else the banner.
  useEffect(() => {
    if (attempt === 0) return;
    const scope: ParentNode = formRef.current?.isConnected ? formRef.current : document;
    const target =
      scope.querySelector<HTMLElement>('.has-error input, .has-error select, .has-error textarea, .has-error [tabindex]') ??
      scope.querySelector<HTMLElement>('.banner.error');
    if (!target) return;
    if (target.classList.contains('banner') && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: 'center' });
  }, [attempt]);

  const remember = () => {
    const active = document.activeElement;
    formRef.current = active instanceof HTMLElement ? (active.closest('form') ?? active.closest('.dialog') ?? null) : null;
    setAttempt((a) => a + 1);
  };

  const apply = (errors: Record<string, string>, summary: string | null) => {
    setFieldErrors(errors);
    setFormError(summary);
    remember();
  };

  return {
    fieldErrors,
    formError,
    clear: () => {
      setFieldErrors({});
      setFormError(null);
    },
    /**
     * Validates the whole input with the method's contract schema. Returns true when it may be
     * sent; otherwise every error is shown and false returned (nothing is sent). `only` limits the
     * check to some fields (a wizard's first step).
     */
    check: <M extends MethodName>(method: M, input: InputOf<M>, only?: readonly string[]): boolean => {
      const parsed = (contract[method].input as { safeParse: (v: unknown) => { success: boolean; error?: { issues: Issue[] } } }).safeParse(input);
      const issues = (parsed.error?.issues ?? []).filter((i) => !only || only.includes(String(i.path[0])));
      if (parsed.success || issues.length === 0) return true;
      const { errors, summary } = formErrorsFromIssues(issues, labelsRef.current);
      apply(errors, summary);
      return false;
    },
    show: (error: unknown) => {
      if (error instanceof ApiCallError && error.path && typeof error.path[0] === 'string') {
        const field = error.path[0];
        const errors = { [field]: stripLabel(error.message, field, labelsRef.current) };
        apply(errors, summaryOf(errors, labelsRef.current));
      } else {
        apply({}, error instanceof Error ? error.message : vi.errors.internal);
      }
    },
  };
}

type Issue = { path: PropertyKey[]; message: string };
