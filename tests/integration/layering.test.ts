import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, sourceFiles, type SourceFile } from '../security/source-files';

/**
 * The renderer runs in a sandboxed page and shared/ runs anywhere: neither may load Node,
 * Electron, a native addon, or the Electron side of the project. ESLint says the same while
 * editing (no-restricted-imports in eslint.config.js); this test makes `npm test` fail too, and
 * it also catches dynamic import() and require().
 */
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Packages that ship compiled code (binding.gyp or a .node file): they can only load in Node/Electron. */
function nativePackages(): Set<string> {
  const found = new Set<string>();
  const modules = join(ROOT, 'node_modules');
  const check = (name: string) => {
    const dir = join(modules, name);
    if (existsSync(join(dir, 'binding.gyp')) || existsSync(join(dir, 'prebuilds'))) found.add(name);
    else if (existsSync(join(dir, 'build', 'Release')) && readdirSync(join(dir, 'build', 'Release')).some((f) => f.endsWith('.node'))) found.add(name);
  };
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(join(modules, name))) check(`${name}/${sub}`);
    else check(name);
  }
  return found;
}

const NATIVE = nativePackages();
const SHELL_ONLY = new Set(['electron', 'electron-store', 'conf', 'exceljs', 'archiver', 'jszip', 'playwright-core', '@playwright/test']);

function packageName(specifier: string): string {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
}

/** Why an import is not allowed in a browser/anywhere layer, or null. */
function forbidden(file: SourceFile, specifier: string, layer: 'renderer' | 'shared'): string | null {
  if (BUILTINS.has(specifier) || specifier.startsWith('node:')) return 'a Node built-in';
  if (specifier.startsWith('.')) {
    const target = normalize(join(dirname(file.path), specifier)).split('\\').join('/');
    if (target.startsWith('electron/') || target === 'electron') return 'the Electron side of the project';
    if (layer === 'shared' && target.startsWith('renderer/')) return 'the renderer (shared/ is below it)';
    return null;
  }
  const pkg = packageName(specifier);
  if (NATIVE.has(pkg)) return 'a native module';
  if (SHELL_ONLY.has(pkg)) return 'a Node/Electron-only package';
  return null;
}

function violations(layer: 'renderer' | 'shared'): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(layer)) {
    for (const site of importsOf(file.text)) {
      const why = forbidden(file, site.specifier, layer);
      if (why) out.push(`${file.path}:${site.line} imports '${site.specifier}' (${why})`);
    }
  }
  return out;
}

describe('layering', () => {
  it('knows the native modules in node_modules (better-sqlite3 at least)', () => {
    expect(NATIVE.has('better-sqlite3')).toBe(true);
  });

  it('renderer/ imports no Node, Electron or native module, nor electron/*', () => {
    const files = sourceFiles('renderer');
    expect(files.length).toBeGreaterThan(20);
    expect(violations('renderer')).toEqual([]);
  });

  it('shared/ imports no Node, Electron or native module, nor electron/* or renderer/*', () => {
    expect(violations('shared')).toEqual([]);
  });

  it('catches every way of loading a module (the check itself works)', () => {
    const probe: SourceFile = {
      path: 'renderer/src/probe.tsx',
      text: [
        "import { readFileSync } from 'fs';",
        "import type { Db } from '../../electron/core/db/open';",
        "export { x } from 'node:path';",
        "const e = await import('electron');",
        "const s = require('better-sqlite3');",
        "import 'child_process';",
        '// import { nope } from "os"; (a comment is not an import)',
      ].join('\n'),
    };
    const found = importsOf(probe.text).map((s) => forbidden(probe, s.specifier, 'renderer'));
    expect(found).toEqual(['a Node built-in', 'the Electron side of the project', 'a Node built-in', 'a Node/Electron-only package', 'a native module', 'a Node built-in']);
  });
});
