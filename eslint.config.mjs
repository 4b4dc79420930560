// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole repository, type-aware. Beyond the recommended sets, four rules keep the
 * architecture honest: promises are awaited or handled (a dropped one loses an error, or an audit
 * entry, silently); the services read configuration only in the environment modules that validate
 * it at start-up; the services log through pino, never the console; and the services never import
 * test support or demo data (below).
 */

/** The services' sources: what runs in production. Tests and benchmarks (`test/`, `test/src`) are not. */
const serviceSources = ['gateway/src/**/*.ts', 'subgraphs/*/src/**/*.ts', 'schema/src/**/*.ts', 'launcher/src/**/*.ts', 'client/src/**/*.ts'];

// Test support holds the test keys and a principal with every scope: in a service it would be a
// way round access control, so no service source may import it, by package or by relative path.
const testSupport = 'Test support is for tests and benchmarks only.';
// The synthetic demo and its stand-in identity provider: a service never runs on demo data.
const demoData = 'Demo data and the stand-in identity provider are for the seeds and the demo launcher only.';
/** Where the demo belongs: the seeds, the demo launcher (`npm start`, the launcher's entry) and the graph it starts. */
const demoSources = [
  'subgraphs/*/src/seed*.ts',
  'subgraphs/runtime/src/demo/**',
  'launcher/src/demo/**',
  'launcher/src/graph/**',
  'launcher/src/index.ts',
  'launcher/src/start.ts',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '.data/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['codegen.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Resolvers, loaders and stores implement Promise-returning interfaces; some answer without waiting.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Jest's asymmetric matchers (`expect.any`, `expect.objectContaining`) are typed `any`, and
    // tests walk parsed JSON and YAML documents whose shape is what they assert.
    files: ['**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['gateway/src/**/*.ts', 'subgraphs/*/src/**/*.ts', 'schema/src/**/*.ts', 'launcher/src/**/*.ts'],
    // The OpenTelemetry variables are read where the SDK starts, before any other module loads; the
    // launcher's services.ts validates the variables of the one service it starts or migrates; a
    // command's context hands the process's variables to the command, which validates them.
    ignores: [
      '**/environment.ts',
      '**/*-environment.ts',
      'schema/src/registry-location.ts',
      'subgraphs/runtime/src/telemetry/tracing.ts',
      'launcher/src/services.ts',
      'launcher/src/command-context.ts',
      '**/*cli.ts',
      'subgraphs/runtime/src/testing/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in an environment module, which validates it at start-up.' },
      ],
    },
  },
  {
    files: ['gateway/src/**/*.ts', 'subgraphs/*/src/**/*.ts', 'schema/src/**/*.ts'],
    ignores: ['**/*cli.ts'],
    rules: { 'no-console': 'error' },
  },
  // Two rules rather than one, so that the demo's exceptions do not lift the test-support ban.
  {
    files: serviceSources,
    ignores: ['subgraphs/runtime/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@movement/runtime/testing', message: testSupport }], patterns: [{ regex: '^(\\.{1,2}/)+testing(/.*)?$', message: testSupport }] },
      ],
    },
  },
  {
    files: serviceSources,
    ignores: demoSources,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@movement/runtime/demo', message: demoData }], patterns: [{ regex: '^(\\.{1,2}/)+demo(/.*)?$', message: demoData }] },
      ],
    },
  },
);
