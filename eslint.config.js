import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The direction of imports is the architecture: the renderer never reaches Node or the
// main-process code, the domain never reaches the database, services never reach a host.
const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'child_process', 'os', 'http', 'net'];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.scratch/**', 'test-results/**', 'playwright-report/**'] },
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
    files: ['domain/**'],
    rules: restrict([
      { group: [...nodeBuiltins, 'better-sqlite3', 'pdfkit', 'electron', 'react', 'fastify'], message: 'The domain is pure: no I/O, no database, no host.' },
      { group: ['**/db/**', '**/db', '**/services/**', '**/templates/**', '**/electron/**', '**/host/**', '**/renderer/**'], message: 'The domain imports nothing above it.' },
    ]),
  },
  {
    files: ['db/**', 'templates/**'],
    rules: restrict([
      { group: ['electron', 'react', 'fastify'], message: 'No host or UI below the services.' },
      { group: ['**/services/**', '**/electron/**', '**/host/**', '**/renderer/**'], message: 'Imports point down: db/templates may use the domain only.' },
    ]),
  },
  {
    // PSKC and other seed-file formats: between the domain and the services (node:crypto and
    // fast-xml-parser allowed), nothing of ours but the domain.
    files: ['seeds/**'],
    rules: restrict([
      { group: ['electron', 'react', 'fastify', 'better-sqlite3', 'pdfkit'], message: 'Seed parsers do no I/O and know no host.' },
      { group: ['**/db/**', '**/db', '**/services/**', '**/templates/**', '**/secrets/**', '**/electron/**', '**/host/**', '**/renderer/**'], message: 'Seed parsers may use the domain only.' },
    ]),
  },
  {
    files: ['services/**'],
    rules: restrict([
      { group: ['electron', 'react', 'fastify'], message: 'Services are host-agnostic.' },
      { group: ['**/electron/**', '**/host/**', '**/renderer/**'], message: 'Services never reach a host or the screen.' },
    ]),
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
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        { group: [...nodeBuiltins, 'better-sqlite3', 'pdfkit', 'otplib', 'electron', 'fastify'], message: 'The renderer holds no Node: talk to window.madoguchi.' },
        { group: ['**/db/**', '**/services/*', '!**/services/contract', '!**/services/channels', '**/templates/**', '**/electron/**', '**/host/**'], message: 'The renderer only knows the API contract.' },
      ]),
    },
  },
);
