/** A one-line progress bar on stderr (only on a terminal; scripts with --json get none). */
export function progressBar(label: string, enabled: boolean): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    if (!enabled) return;
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stderr.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(pct).padStart(3)}%`);
    if (pct >= 100) process.stderr.write('\n');
  };
}
