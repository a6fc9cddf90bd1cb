import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Walks the project's own sources for the static checks (layering, child processes, the Electron
// security scan). Plain text scanning on purpose: no parser to fall behind the TypeScript version.

export const ROOT = join(__dirname, '..', '..');

export interface SourceFile {
  /** Relative to the project root, with forward slashes. */
  path: string;
  text: string;
}

/** Every .ts/.tsx/.mjs/.js under `dir`, tests excluded unless asked. */
export function sourceFiles(dir: string, options: { tests?: boolean } = {}): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tsx?|mjs|cjs|js)$/.test(name) && (options.tests || !/\.test\.tsx?$/.test(name))) {
        out.push({ path: relative(ROOT, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** Comments removed (strings kept), so a comment mentioning `child_process` is not an import. */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export interface ImportSite {
  specifier: string;
  line: number;
}

/** Static imports/exports, dynamic import(), require() — every way a module is loaded. */
export function importsOf(text: string): ImportSite[] {
  const code = stripComments(text);
  const sites: ImportSite[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[\w*{}\s,]*?\s*from\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[\w*{}\s,]*?\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) sites.push({ specifier: m[1]!, line: code.slice(0, m.index).split('\n').length });
  }
  return sites.sort((a, b) => a.line - b.line);
}

export function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
