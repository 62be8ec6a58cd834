import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Code quality. The direction of imports is dependency-cruiser's (.dependency-cruiser.cjs), except
// which names come from 'electron': that tool sees modules, not named imports.
export default tseslint.config(
  // tests/fixtures/architecture breaks the rules on purpose, for the test that shows they bite.
  { ignores: ['dist/**', 'node_modules/**', '.scratch/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // IPC is mounted in one place, behind the sender guard (main.ts), and exposed in one place (preload.ts).
    files: ['electron/**'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only main.ts mounts IPC (with the sender guard), only preload.ts calls it.' }] },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
