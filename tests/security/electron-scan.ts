import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineOf, ROOT, sourceFiles, stripComments, type SourceFile } from './source-files';

/**
 * A static scan of the Electron shell in the spirit of @doyensec/electronegativity (check names
 * follow its catalogue where one exists). Electronegativity itself was tried and left out: it
 * installs 405 packages / 147 MB (its own eslint 7 and TypeScript 4.2, which cannot parse this
 * code base's TypeScript 6), runs an install script (es5-ext), and fetches Electron's release
 * list from the Internet. Its findings on this code (run once, by hand) are covered below.
 *
 * Every finding is either fixed or justified in electron-scan.config.json; the test fails on a
 * finding without a justification and on a justification without a finding.
 */
export interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}

export const CHECKS = [
  'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'INSECURE_CONTENT_JS_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK', 'BLINK_FEATURES_JS_CHECK', 'AUXCLICK_JS_CHECK', 'WEBVIEW_TAG_JS_CHECK', 'PRELOAD_JS_CHECK',
  'DEVTOOLS_JS_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'OPEN_EXTERNAL_JS_CHECK',
  'DANGEROUS_FUNCTIONS_JS_CHECK', 'CSP_GLOBAL_CHECK', 'CSP_STYLE_UNSAFE_INLINE', 'CUSTOM_PROTOCOL_JS_CHECK', 'INSECURE_URL_JS_CHECK',
  'IPC_SENDER_CHECK', 'PRELOAD_EXPOSURE_CHECK', 'REMOTE_MODULE_JS_CHECK', 'CERTIFICATE_ERROR_JS_CHECK', 'FUSES_CHECK',
  'ELECTRON_VERSION_CHECK', 'CHILD_PROCESS_CHECK',
] as const;
export type Check = (typeof CHECKS)[number];

/** The `{…}` literal that starts at `open` (balanced braces; strings are simple in this code base). */
function objectAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** `key: value` in an object literal's source, or undefined. */
function option(literal: string, key: string): string | undefined {
  return new RegExp(`\\b${key}\\s*:\\s*([^,\\n}]+)`).exec(literal)?.[1]?.trim();
}

export function scanElectron(): Finding[] {
  const findings: Finding[] = [];
  const add = (check: Check, file: string, line: number, message: string) => findings.push({ check, file, line, message });
  const main = sourceFiles('electron/main');
  const preload = sourceFiles('electron/preload');
  const core = sourceFiles('electron/core');
  const everything = [...main, ...preload, ...core, ...sourceFiles('electron/cli'), ...sourceFiles('renderer'), ...sourceFiles('shared')];
  const code = (f: SourceFile) => stripComments(f.text);

  // — BrowserWindow options —
  let windows = 0;
  for (const f of main) {
    const text = code(f);
    for (const m of text.matchAll(/new BrowserWindow\(\s*\{/g)) {
      windows++;
      const literal = objectAt(text, text.indexOf('{', m.index));
      const prefsAt = literal.indexOf('webPreferences');
      const prefs = prefsAt >= 0 ? objectAt(literal, literal.indexOf('{', prefsAt)) : '';
      const line = lineOf(text, m.index);
      const expect = (check: Check, key: string, wanted: string) => {
        const value = option(prefs, key);
        if (value !== wanted) add(check, f.path, line, `webPreferences.${key} is ${value ?? 'not set'}; must be ${wanted}`);
      };
      expect('CONTEXT_ISOLATION_JS_CHECK', 'contextIsolation', 'true');
      expect('SANDBOX_JS_CHECK', 'sandbox', 'true');
      expect('NODE_INTEGRATION_JS_CHECK', 'nodeIntegration', 'false');
      expect('NODE_INTEGRATION_JS_CHECK', 'nodeIntegrationInSubFrames', 'false');
      expect('NODE_INTEGRATION_JS_CHECK', 'nodeIntegrationInWorker', 'false');
      expect('WEB_SECURITY_JS_CHECK', 'webSecurity', 'true');
      expect('INSECURE_CONTENT_JS_CHECK', 'allowRunningInsecureContent', 'false');
      expect('WEBVIEW_TAG_JS_CHECK', 'webviewTag', 'false');
      if (option(prefs, 'experimentalFeatures') === 'true') add('EXPERIMENTAL_FEATURES_JS_CHECK', f.path, line, 'experimentalFeatures enabled');
      if (option(prefs, 'enableBlinkFeatures') !== undefined) add('BLINK_FEATURES_JS_CHECK', f.path, line, 'enableBlinkFeatures used');
      if (!/Auxclick/.test(option(prefs, 'disableBlinkFeatures') ?? '')) add('AUXCLICK_JS_CHECK', f.path, line, "middle-click can open windows: set disableBlinkFeatures: 'Auxclick'");
      if (option(prefs, 'preload') !== undefined) add('PRELOAD_JS_CHECK', f.path, line, 'a preload script runs with Electron APIs: review what it exposes');
      const devTools = option(prefs, 'devTools');
      if (devTools !== 'false') add('DEVTOOLS_JS_CHECK', f.path, line, `devTools is ${devTools ?? 'on by default'}`);
    }
  }
  if (windows === 0) add('CONTEXT_ISOLATION_JS_CHECK', 'electron/main', 0, 'no BrowserWindow found: the scan is looking in the wrong place');

  // — Session, navigation, windows —
  const mainCode = main.map(code).join('\n');
  for (const needle of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler']) {
    if (!mainCode.includes(needle)) add('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'electron/main', 0, `${needle} is never set`);
  }
  if (/callback\(\s*true\s*\)/.test(mainCode)) add('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'electron/main', 0, 'a permission is granted somewhere');
  for (const needle of ["'will-navigate'", "'will-frame-navigate'", "'will-redirect'", "'will-attach-webview'", 'setWindowOpenHandler']) {
    if (!mainCode.includes(needle)) add('LIMIT_NAVIGATION_GLOBAL_CHECK', 'electron/main', 0, `${needle} is not handled`);
  }
  if (/action:\s*'allow'/.test(mainCode)) add('LIMIT_NAVIGATION_GLOBAL_CHECK', 'electron/main', 0, 'a window open is allowed somewhere');

  // — Dangerous calls anywhere in the code that ships —
  for (const f of everything) {
    const text = code(f);
    const flag = (re: RegExp, check: Check, message: string) => {
      for (const m of text.matchAll(re)) add(check, f.path, lineOf(text, m.index), message);
    };
    flag(/\bopenExternal\s*\(/g, 'OPEN_EXTERNAL_JS_CHECK', 'shell.openExternal');
    flag(/(?<![\w.])eval\s*\(/g, 'DANGEROUS_FUNCTIONS_JS_CHECK', 'eval()');
    flag(/\bnew\s+Function\s*\(/g, 'DANGEROUS_FUNCTIONS_JS_CHECK', 'new Function()');
    flag(/\bexecuteJavaScript\s*\(/g, 'DANGEROUS_FUNCTIONS_JS_CHECK', 'webContents.executeJavaScript()');
    flag(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\s*\(/g, 'DANGEROUS_FUNCTIONS_JS_CHECK', 'raw HTML injection');
    flag(/enableRemoteModule|@electron\/remote/g, 'REMOTE_MODULE_JS_CHECK', 'the remote module');
    flag(/'certificate-error'|setCertificateVerifyProc/g, 'CERTIFICATE_ERROR_JS_CHECK', 'certificate errors handled (possibly accepted)');
    flag(/\b(registerFileProtocol|interceptFileProtocol|registerHttpProtocol|interceptHttpProtocol|registerStringProtocol)\b/g, 'CUSTOM_PROTOCOL_JS_CHECK', 'deprecated protocol API');
  }
  // The app loads only its own origin.
  for (const f of main) {
    const text = code(f);
    for (const m of text.matchAll(/\b(loadURL|loadFile)\s*\(\s*([^)]*)\)/g)) {
      if (m[1] === 'loadFile' || /['"`](https?|file):/.test(m[2]!)) add('INSECURE_URL_JS_CHECK', f.path, lineOf(text, m.index), `${m[1]}(${m[2]!.slice(0, 40)}) loads something else than app://attk`);
    }
  }

  // — CSP: sent as a response header by the app:// handler —
  const protocolFile = main.find((f) => f.path.endsWith('app-protocol.ts'));
  const csp = protocolFile ? /export const CSP\s*=\s*([\s\S]*?);\n/.exec(protocolFile.text)?.[1]?.replace(/['"\s+]+/g, ' ') ?? '' : '';
  for (const directive of ["default-src 'none'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"].map((d) => d.replace(/'/g, ''))) {
    if (!csp.replace(/'/g, '').includes(directive)) add('CSP_GLOBAL_CHECK', protocolFile?.path ?? 'electron/main', 0, `the CSP lacks ${directive}`);
  }
  if (!protocolFile || !/'Content-Security-Policy':\s*CSP/.test(protocolFile.text)) add('CSP_GLOBAL_CHECK', 'electron/main/app-protocol.ts', 0, 'the CSP is not sent as a header');
  if (/style-src[^;]*unsafe-inline/.test(csp)) add('CSP_STYLE_UNSAFE_INLINE', protocolFile!.path, 0, "style-src allows 'unsafe-inline'");

  // — IPC: one generated handler per contract method, each checking its sender —
  for (const f of main) {
    const text = code(f);
    for (const m of text.matchAll(/\bipcMain\.(on|once|handle|handleOnce)\s*\(/g)) {
      if (!f.path.endsWith('/ipc.ts') || m[1] !== 'handle') add('IPC_SENDER_CHECK', f.path, lineOf(text, m.index), `ipcMain.${m[1]} outside the generated, sender-checked handlers`);
    }
  }
  const ipc = main.find((f) => f.path.endsWith('/ipc.ts'));
  if (!ipc || !/isTrusted\(event\)\s*\?\s*dispatch\(/.test(ipc.text)) add('IPC_SENDER_CHECK', 'electron/main/ipc.ts', 0, 'IPC handlers do not check the sender before dispatching');

  // — Preload: functions only, never ipcRenderer or an event —
  const preloadCode = preload.map(code).join('\n');
  if ((preloadCode.match(/exposeInMainWorld\s*\(/g) ?? []).length !== 1) add('PRELOAD_EXPOSURE_CHECK', 'electron/preload', 0, 'exposeInMainWorld must be called exactly once');
  if (/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/.test(preloadCode) || /ipcRenderer\.(on|once|addListener|send|sendSync)\b/.test(preloadCode)) {
    add('PRELOAD_EXPOSURE_CHECK', 'electron/preload', 0, 'the preload exposes ipcRenderer or listens to IPC events');
  }

  // — Child processes: RunAsNode is off, so background work uses worker threads —
  for (const f of [...main, ...core]) {
    const text = code(f);
    for (const m of text.matchAll(/['"](node:)?child_process['"]/g)) add('CHILD_PROCESS_CHECK', f.path, lineOf(text, m.index), 'child_process in the app');
  }

  // — Packaging —
  const builder = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  const fuses: Record<string, string> = {
    runAsNode: 'false', enableNodeOptionsEnvironmentVariable: 'false', enableNodeCliInspectArguments: 'false',
    grantFileProtocolExtraPrivileges: 'false', enableEmbeddedAsarIntegrityValidation: 'true', onlyLoadAppFromAsar: 'true',
  };
  const fuseBlock = /electronFuses:\n((?:[ \t]+.*\n?)*)/.exec(builder)?.[1] ?? '';
  for (const [fuse, wanted] of Object.entries(fuses)) {
    const value = new RegExp(`^\\s+${fuse}:\\s*(\\w+)`, 'm').exec(fuseBlock)?.[1];
    if (value !== wanted) add('FUSES_CHECK', 'electron-builder.yml', 0, `fuse ${fuse} is ${value ?? 'not set'}; must be ${wanted}`);
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const major = Number(/(\d+)/.exec(pkg.devDependencies.electron ?? '')?.[1] ?? 0);
  if (major < 40) add('ELECTRON_VERSION_CHECK', 'package.json', 0, `Electron ${major} is out of support`);
  return findings;
}

export interface Justification {
  check: string;
  file: string;
  reason: string;
}

export function loadJustifications(): Justification[] {
  return (JSON.parse(readFileSync(join(__dirname, 'electron-scan.config.json'), 'utf8')) as { justified: Justification[] }).justified;
}
