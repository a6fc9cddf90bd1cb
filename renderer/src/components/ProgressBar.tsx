/** An accessible progress bar (role=progressbar with its value), for campaigns and long work. */
export function ProgressBar({ value, max = 100, label, tone = 'ok' }: { value: number; max?: number; label: string; tone?: 'ok' | 'warn' | 'bad' }) {
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
      <div className={`progress-fill ${tone}`} style={{ width: `${pct}%` }} />
    </div>
  );
}
