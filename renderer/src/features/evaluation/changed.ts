/** Window event fired after a month or the windows are saved: the banner and the dashboard card reload. */
export const EVALUATION_CHANGED = 'attk:evaluation-changed';

export function announceEvaluationChanged(): void {
  window.dispatchEvent(new Event(EVALUATION_CHANGED));
}
