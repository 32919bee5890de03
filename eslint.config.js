// The import boundaries of DESIGN.md, enforced here rather than by memory:
//   shared/   pure TypeScript: no Node built-ins, no DOM globals, no electron, nothing of main/ or renderer/
//   main/     Node side; only main/app may import electron
//   renderer/ React UI; no Node built-ins, no electron, reaches main only through the preload API
// and the offline promise: no networking module or network global in main, shared or renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const nodeBuiltinPatterns = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)];
const networkModules = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'ws'];
const networkPatterns = [...networkModules, ...networkModules.map((m) => `node:${m}`)];
const networkMessage = 'Represent makes no network request, ever (DESIGN.md promise 1).';

const noNetworkPaths = networkPatterns.map((name) => ({ name, message: networkMessage }));
const noNetworkGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
  name,
  message: networkMessage,
}));

function restrict({ paths = [], patterns = [] }) {
  return ['error', { paths: [...noNetworkPaths, ...paths], patterns }];
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.cache/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [{ name: 'electron', message: 'shared/ is pure: only main/app imports electron.' }],
        patterns: [
          { group: nodeBuiltinPatterns, message: 'shared/ is pure TypeScript: no Node built-ins.' },
          { group: ['**/main/**', '**/renderer/**', '**/test/**'], message: 'shared/ imports nothing of ours outside itself.' },
        ],
      }),
      'no-restricted-globals': [
        'error',
        ...noNetworkGlobals,
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'shared/ runs in Node, workers and the renderer: no Node or DOM globals.',
        })),
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict({
        paths: [{ name: 'electron', message: 'Only main/app imports electron; services, store, worker and cli run in plain Node.' }],
        patterns: [{ group: ['**/renderer/**', '**/main/app/**'], message: 'main services never reach into the Electron glue or the UI.' }],
      }),
      'no-restricted-globals': ['error', ...noNetworkGlobals],
    },
  },
  {
    files: ['main/app/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict({
        paths: [{ name: 'electron', importNames: ['net', 'autoUpdater', 'crashReporter'], message: networkMessage }],
        patterns: [{ group: ['**/renderer/**'], message: 'The main process reaches the UI only through IPC.' }],
      }),
      'no-restricted-globals': ['error', ...noNetworkGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict({
        paths: [{ name: 'electron', message: 'The renderer reaches the main side only through the preload API.' }],
        patterns: [
          { group: nodeBuiltinPatterns, message: 'The renderer is sandboxed: no Node built-ins.' },
          { group: ['**/main/**'], message: 'The renderer reaches the main side only through the preload API (shared/api.ts).' },
        ],
      }),
      'no-restricted-globals': ['error', ...noNetworkGlobals],
    },
  },
  {
    files: ['test/**/*.{ts,js,mjs,cjs}', 'build/**/*.{js,mjs,cjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS scripts (a --require preload for the benchmark) use require by definition.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
