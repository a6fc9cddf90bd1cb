// ESLint (flat config) + typescript-eslint. The layering rules make the environment of a file
// visible from its path (as VS Code does): shared/ and renderer/ never touch Node or Electron,
// electron/core never touches Electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https',
  'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const nodeAndElectron = {
  paths: [...NODE_BUILTINS, 'electron', 'electron-store', 'better-sqlite3', 'exceljs'].map((name) => ({
    name,
    message: 'This layer runs in the browser/anywhere: no Node, Electron or native modules.',
  })),
  patterns: [
    { group: ['node:*'], message: 'This layer runs in the browser/anywhere: no Node built-ins.' },
    { group: ['**/electron/**', '**/electron/*'], message: 'shared/ and renderer/ must not import the Electron side.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'bench/cache/**', 'test-results/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { ...nodeAndElectron, patterns: [...nodeAndElectron.patterns, { group: ['**/renderer/**'], message: 'shared/ must not import the renderer.' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', nodeAndElectron] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'electron/core is plain Node: inject what it needs from electron/main.' },
            { name: 'electron-store', message: 'electron-store imports electron: keep it in electron/main.' },
          ],
          patterns: [{ group: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], message: 'The core must not import a shell or the UI.' }],
        },
      ],
    },
  },
);
