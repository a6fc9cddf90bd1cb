import { windowsIssue, type EvaluationWindows } from '../../../shared/evaluation/rules';
import { AttkError } from '../../../shared/errors';
import { viEvaluation } from '../../../shared/i18n/vi-evaluation';

const MESSAGES = {
  end_before_start: viEvaluation.errors.windowEndBeforeStart,
  unit_not_after_self: viEvaluation.errors.windowUnitNotAfterSelf,
  send_not_after_unit: viEvaluation.errors.windowSendNotAfterUnit,
} as const;

/**
 * settings.save checks the evaluation windows on the merged settings (stored + input), so a
 * partial save cannot leave them inconsistent: start ≤ end < unit day < send-before day.
 */
export function checkEvaluationWindows(settings: EvaluationWindows): void {
  const problem = windowsIssue(settings);
  if (problem) {
    throw new AttkError('VALIDATION', `${viEvaluation.fields[problem.field]}: ${MESSAGES[problem.issue]}`, [problem.field]);
  }
}
