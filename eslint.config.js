// Lint, with the layer rules of DESIGN.md: the layer is in the path and these rules enforce it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'dgram', 'http', 'zlib', 'stream', 'url', 'util', 'events'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'bench/.data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js', '.ci/**/*.js', 'src-main/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // src-shared: pure TypeScript. No electron, no node:*, no DOM, nothing else of ours.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-main/**', '**/src-renderer/**', '../src-main/**', '../src-renderer/**'], message: 'src-shared imports nothing else of ours.' },
          { group: ['electron', 'react', 'react-dom', ...nodeBuiltins], message: 'src-shared is pure: no electron, node or DOM.' },
        ],
      }],
    },
  },
  {
    // engine: Node only, never electron, never the app, server, cli or renderer.
    files: ['src-main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The engine never imports electron.' },
          { group: ['**/app/**', '**/server/**', '**/cli/**', '**/src-renderer/**'], message: 'The engine is imported by app, server and cli, never the reverse.' },
        ],
      }],
    },
  },
  {
    // server and cli: plain Node, no electron.
    files: ['src-main/server/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'server and cli run on plain Node.' },
          { group: ['**/app/**', '**/src-renderer/**'], message: 'server and cli do not import the Electron app or the renderer.' },
        ],
      }],
    },
  },
  {
    // renderer: talks only to the contract.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-main/**'], message: 'The renderer never imports src-main: use the contract in src-shared.' },
          { group: ['electron', ...nodeBuiltins], message: 'The renderer runs in a sandboxed page.' },
        ],
      }],
    },
  },
);
