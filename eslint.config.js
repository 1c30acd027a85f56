import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];
const nodeModules = { group: ['node:*'], message: 'Node modules belong in src-main.' };
const nodeBuiltins = NODE_BUILTINS.map((name) => ({ name, message: 'Node modules belong in src-main.' }));
const electron = { group: ['electron', 'electron/*'], message: 'Electron belongs in src-main/electron, src-main/preload and src-main/index.ts only.' };
const react = { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'React and UI state belong in src-renderer.' };
const intoMain = { group: ['**/src-main/**', '**/src-main'], message: 'Only src-main may import src-main.' };
const intoRenderer = { group: ['**/src-renderer/**', '**/src-renderer'], message: 'Only src-renderer may import src-renderer.' };

// The layering of ARCHITECTURE.md, enforced: src-renderer -> src-shared <- src-main.
export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'coverage/**', '.bench/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeModules, electron, react, intoMain, intoRenderer], paths: nodeBuiltins }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeModules, electron, intoMain], paths: nodeBuiltins }] },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, react, intoRenderer] }] },
  },
  {
    files: ['src-main/electron/**/*.ts', 'src-main/index.ts', 'src-main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [react, intoRenderer],
          paths: [
            { name: 'electron', importNames: ['ipcMain'], message: 'ipcMain is used only by src-main/electron/ipc-gate.ts.' },
            { name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer is used only by src-main/preload/index.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/ipc-gate.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [react, intoRenderer], paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer is used only by the preload.' }] },
      ],
    },
  },
  {
    files: ['src-main/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [react, intoRenderer], paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'ipcMain is used only by the IPC gate.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.vitest } },
  },
);
