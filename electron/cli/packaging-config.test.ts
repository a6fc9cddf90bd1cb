// electron-builder.yml, checked with electron-builder 26's own code (app-builder-lib) rather than by
// reading the YAML: which files of the native modules it would pack, which it would unpack, which
// hook it would call, and which languages the NSIS installer would contain. `npm run dist` itself
// cannot run here (no Electron binary); these are the parts of it that decide what ships.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID } from '../main/app';
import { NATIVE_MODULES } from './native-modules.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(require.resolve('../../package.json')));
const yaml = require('js-yaml') as { load: (text: string) => unknown };

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  afterPack: string;
  appId: string;
  win: { target: Array<{ target: string }> };
  nsis: Record<string, unknown> & { include: string };
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

interface Matcher {
  patterns: string[];
  createFilter(): (file: string, stat: { isDirectory(): boolean; moduleFullFilePath?: string }) => boolean;
}
const fileMatcher = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, macro: (s: string) => string, patterns?: string[]) => Matcher;
  excludedExts: string;
  getNodeModuleFileMatcher: (appDir: string, dest: string, macro: (s: string) => string, platformOptions: object, packager: object) => Matcher;
  getFileMatchers: (config: object, name: string, dest: string, options: object) => Matcher[] | null;
};
const { NodeModuleCopyHelper } = require('app-builder-lib/out/util/NodeModuleCopyHelper') as {
  NodeModuleCopyHelper: new (matcher: Matcher, packager: object) => {
    collectNodeModules(dep: { dir: string; name: string }, excludedExts: string[], destination: string): Promise<string[]>;
  };
};
const identity = (s: string) => s;
const appDest = join(root, 'dist', 'win-unpacked', 'resources', 'app');

/** The files electron-builder would copy from node_modules/<name> for a Windows package (appFileCopier.computeNodeModuleFileSets). */
async function packedFiles(name: string): Promise<string[]> {
  const packagerInfo = { config, appInfo: { type: undefined }, getWorkspaceRoot: async () => root, debugLogger: { isEnabled: false } };
  const main = fileMatcher.getNodeModuleFileMatcher(root, appDest, identity, config.win, packagerInfo);
  const dir = dirname(require.resolve(`${name}/package.json`));
  const matcher = new fileMatcher.FileMatcher(dir, join(appDest, 'node_modules', name), identity, main.patterns);
  // getNodeModuleExcludedExts for Windows: .o/.obj, the default excluded extensions, .pdb.
  const excluded = ['.o', '.obj', ...fileMatcher.excludedExts.split(',').map((e) => `.${e}`), '.pdb'];
  const files = await new NodeModuleCopyHelper(matcher, packagerInfo).collectNodeModules({ dir, name }, excluded, join('node_modules', name));
  return files.map((file) => relative(dir, file).split(sep).join('/'));
}

describe('electron-builder.yml: native modules', () => {
  it('never rebuilds node_modules and calls our afterPack hook (resolved the way electron-builder resolves it)', async () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    const { resolveFunction } = require('app-builder-lib/out/util/resolve') as {
      resolveFunction: (type: string | undefined, executor: string, name: string, rootDir: string) => Promise<unknown>;
    };
    const hook = await resolveFunction(undefined, config.afterPack, 'afterPack', root);
    expect(typeof hook).toBe('function');
    expect((hook as { name: string }).name).toBe('afterPack');
  });

  it.each(NATIVE_MODULES.map((m) => [m.name, m.file] as const))('packs exactly one addon of %s, %s, and none of its C sources', async (name, file) => {
    const files = await packedFiles(name);
    expect(files.filter((f) => f.endsWith('.node'))).toEqual([file]);
    expect(files).toContain('package.json');
    expect(files.filter((f) => /^(src|deps|includes)\//.test(f) || /\.(cpp|c|h|o|a|mk)$/.test(f))).toEqual([]);
  });

  it('unpacks every addon from app.asar (asarUnpack, as AsarPackager applies it) and nothing else of those modules', async () => {
    const [unpack] = fileMatcher.getFileMatchers(config, 'asarUnpack', appDest, {
      macroExpander: identity,
      customBuildOptions: config.win,
      globalOutDir: join(root, 'dist'),
      defaultSrc: root,
    })!;
    const filter = unpack!.createFilter();
    for (const module of NATIVE_MODULES) {
      const dir = dirname(require.resolve(`${module.name}/package.json`));
      const unpacked = (await packedFiles(module.name)).filter((f) =>
        filter(join(dir, f), { isDirectory: () => false, moduleFullFilePath: `node_modules/${module.name}/${f}` }),
      );
      expect(unpacked).toEqual([module.file]);
    }
  });
});

describe('electron-builder.yml: the Vietnamese installer', () => {
  const nsisLang = require('app-builder-lib/out/targets/nsis/nsisLang') as {
    LangConfigurator: new (options: object) => { isMultiLang: boolean; langs: string[] };
    createAddLangsMacro: (generator: { macro(name: string, lines: string[]): void }, langs: object) => void;
  };

  it('builds Vietnamese as the only language, without a language chooser (nsisLang.js)', () => {
    const langs = new nsisLang.LangConfigurator(config.nsis);
    expect(langs.langs).toEqual(['vi_VN']);
    const macros: Record<string, string[]> = {};
    nsisLang.createAddLangsMacro({ macro: (name, lines) => (macros[name] = lines) }, langs);
    expect(macros.addLangs).toEqual(['!insertmacro MUI_LANGUAGE "Vietnamese"']);
    expect(config.nsis.displayLanguageSelector).toBe(false);
    expect(config.nsis.language).toBe('1066');
  });

  it('has a Vietnamese text for every message of electron-builder’s one-click installer and uninstaller', () => {
    const templates = join(dirname(require.resolve('app-builder-lib/package.json')), 'templates', 'nsis');
    const messages = yaml.load(readFileSync(join(templates, 'messages.yml'), 'utf8')) as Record<string, Record<string, string>>;
    expect(config.nsis.oneClick).toBe(true); // assistedMessages.yml is used only when oneClick is false
    const script = readFileSync(join(root, config.nsis.include), 'utf8');
    const header = /!macro customHeader\n([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
    // Redefinitions are scoped: the pragma is pushed, 6030 disabled, then popped.
    expect(header.trim().split('\n')[0]?.trim()).toBe('!pragma warning push');
    expect(header).toContain('!pragma warning disable 6030');
    expect(header.trim().split('\n').at(-1)?.trim()).toBe('!pragma warning pop');
    const strings = new Map([...header.matchAll(/^\s*LangString (\w+) 1066 "(.*)"$/gm)].map((m) => [m[1]!, m[2]!]));
    expect([...strings.keys()].sort()).toEqual(Object.keys(messages).sort());
    for (const [id, text] of strings) {
      expect(text, id).not.toBe(messages[id]!.en);
      expect(text, id).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]/i);
      expect(text, id).not.toMatch(/(^|[^$])\\n|(?<!\$)"/); // NSIS line breaks are $\r$\n; no bare quote
    }
  });

  it('installs per user without elevation and keeps the data folder on uninstall', () => {
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    // Windows shows toasts and groups taskbar icons by this ID: the installer's shortcut
    // (WinShell::SetLnkAUMI "${APP_ID}") and the running app must agree.
    expect(config.appId).toBe(APP_USER_MODEL_ID);
  });
});
