// Ordered SQL migrations, bundled at build time. Migration N sets PRAGMA user_version = N.
// Never edit a migration that has shipped: add the next file.
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export const migrations: string[] = Object.keys(files)
  .sort()
  .map((name) => files[name]!);
