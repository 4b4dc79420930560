// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole repository, type-aware. Beyond the recommended sets, three rules keep the
 * architecture honest: promises are awaited or handled (a dropped one loses an error, or an audit
 * entry, silently); the services read configuration only in the environment modules that validate
 * it at start-up; and the services log through pino, never the console.
 */
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
    // launcher's services.ts validates the variables of the one service it starts or migrates.
    ignores: [
      '**/environment.ts',
      '**/*-environment.ts',
      'schema/src/registry-location.ts',
      'subgraphs/runtime/src/telemetry/tracing.ts',
      'launcher/src/services.ts',
      '**/*cli.ts',
      'subgraphs/runtime/src/test-*.ts',
      'subgraphs/runtime/src/testing.ts',
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
);
