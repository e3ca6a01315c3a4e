// The architecture, enforced (docs/style.md §11): services never import each other; they share
// only libs/. Libraries never import a service. Runs in `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment: 'A service talks to another only through queues; share code through libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libraries are shared by every service and must not depend on one.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'plain-libs-stay-plain',
      comment: 'engine, contracts and taxonomy are plain TypeScript over plain data: no platform, NestJS, TypeORM, BullMQ or Redis client.',
      severity: 'error',
      from: { path: '^libs/(contracts|engine|taxonomy)/' },
      to: { path: '^(libs/platform/|node_modules/(@nestjs|typeorm|bullmq|ioredis|pg)/)' },
    },
    // apps/matching in feature modules with one-way arrows (README, Architecture):
    //   projections → partnerships → matcher → store;  suggestions → matcher;  reports → store;
    //   allocations → partnerships, suggestions, matcher;  http and store are leaves;
    //   only src/app.module.ts (the composition root) puts them together.
    {
      name: 'matching-store-is-a-leaf',
      comment: 'The stores own the SQL of their tables and know nothing of what uses them.',
      severity: 'error',
      from: { path: '^apps/matching/src/(store|http)/' },
      to: { path: '^apps/matching/src/(matcher|projections|suggestions|partnerships|allocations|reports)/' },
    },
    {
      name: 'matching-matcher-below-features',
      comment: 'The matcher (index, reconciler, re-match) serves the features; it never calls back up.',
      severity: 'error',
      from: { path: '^apps/matching/src/matcher/' },
      to: { path: '^apps/matching/src/(projections|suggestions|partnerships|allocations|reports|http)/' },
    },
    {
      name: 'matching-partnerships-below-projections',
      comment: 'Partnerships (accept and saga) may be ended by projections, never the other way round; they do not reach into suggestions.',
      severity: 'error',
      from: { path: '^apps/matching/src/partnerships/' },
      to: { path: '^apps/matching/src/(projections|suggestions|allocations|reports)/' },
    },
    {
      name: 'matching-suggestions-apart',
      comment: 'Suggestions (reads, rejections) need only the matcher and the stores.',
      severity: 'error',
      from: { path: '^apps/matching/src/suggestions/' },
      to: { path: '^apps/matching/src/(projections|partnerships|allocations|reports)/' },
    },
    {
      name: 'matching-reports-read-only',
      comment: 'Reports read the stores; they change nothing and call no feature.',
      severity: 'error',
      from: { path: '^apps/matching/src/reports/' },
      to: { path: '^apps/matching/src/(projections|suggestions|partnerships|allocations|matcher)/' },
    },
    {
      name: 'matching-projections-top',
      comment: 'Event projections sit on top: nothing but the composition root imports them.',
      severity: 'error',
      from: { path: '^apps/matching/src/(?!projections/)', pathNot: '^apps/matching/src/app\\.module\\.ts$' },
      to: { path: '^apps/matching/src/projections/' },
    },
    {
      name: 'matching-allocations-apart',
      comment: 'Allocation plans may apply accepts through partnerships; nothing below imports them.',
      severity: 'error',
      from: { path: '^apps/matching/src/(?!allocations/)', pathNot: '^apps/matching/src/app\\.module\\.ts$' },
      to: { path: '^apps/matching/src/allocations/' },
    },
    {
      name: 'no-feature-to-composition-root',
      comment: 'Feature modules never import the composition root.',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/[^/]+/' },
      to: { path: '^apps/[^/]+/src/app\\.module\\.ts$' },
    },
    {
      name: 'saga-steps-on-top-of-their-service',
      comment: 'The saga steps of offers (reservations) and requests (holds) use their service; it never depends on them.',
      severity: 'error',
      from: { path: '^apps/(offers/src/(offers|providers)|requests/src/(requests|taxonomy))/' },
      to: { path: '^apps/(offers/src/reservations|requests/src/holds)/' },
    },
    {
      name: 'no-circular',
      comment: 'Runtime import cycles make load order matter; type-only cycles vanish at compile time.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
