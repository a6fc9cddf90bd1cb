// Ordered SQL migrations, bundled at build time. File NNNN_name.sql is migration NNNN and sets
// PRAGMA user_version = NNNN. The numbers must run 1, 2, 3… without gaps or repeats: the version
// of a database is the count of migrations applied, so a file slipped in before others would be
// skipped by databases that are already past it (checked here, at load, and by a test).
// Never edit a migration that has shipped: add the next file.
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export function orderMigrations(named: Record<string, string>): string[] {
  const entries = Object.entries(named).map(([path, sql]) => {
    const m = /\/(\d{4})_[a-z0-9_]+\.sql$/.exec(path);
    if (!m) throw new Error(`migration file name must be NNNN_name.sql: ${path}`);
    return { n: Number(m[1]), sql };
  });
  entries.sort((a, b) => a.n - b.n);
  entries.forEach((e, i) => {
    if (e.n !== i + 1) throw new Error(`migrations must be numbered 1..n without gaps: expected ${i + 1}, found ${e.n}`);
  });
  return entries.map((e) => e.sql);
}

export const migrations: string[] = orderMigrations(files);
