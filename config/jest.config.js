// Three tiers (docs/style.md §9): unit specs beside the code, integration specs that boot one
// service against real Postgres and Redis, and cross-service e2e specs in test/; and the
// console's browser specs in test/browser.
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
}];
const moduleNameMapper = {
  '^@capmatch/(contracts|engine|platform|taxonomy)$': '<rootDir>/libs/$1/src',
  '^@capmatch/(contracts|engine|platform|taxonomy)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// jose 6 ships ES modules only; jest's CommonJS runtime needs it transformed like our sources.
const common = {
  rootDir: root,
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 60000,
  // A suite whose service failed half-way through booting (say, Postgres out of connections)
  // can leave a Redis client reconnecting forever; the run must still end with its verdict.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/support/env.setup.ts'],
    },
    {
      // The console in a real browser (playwright-core on the system Chromium) against the stack.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      setupFiles: ['<rootDir>/test/support/env.setup.ts'],
    },
  ],
};
