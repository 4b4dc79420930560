/** Shared by every package's jest.config.js. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // swc strips the types (npm run typecheck checks them): a file at a time, as TypeScript's
  // isolatedModules would, in a fraction of TypeScript's time.
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Keeps each module's compiled code for the worker's next test files (see jest.runtime.js).
  runtime: `${__dirname}/jest.runtime.js`,
  // Prisma's generated client imports its own TypeScript files with a .js suffix.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // PGlite instances and servers take a few seconds to start on two cores.
  testTimeout: 120000,
  // The run's database templates (see subgraphs/runtime/src/testing/databases.ts).
  globalSetup: `${__dirname}/jest.global-setup.js`,
  globalTeardown: `${__dirname}/jest.global-teardown.js`,
};
