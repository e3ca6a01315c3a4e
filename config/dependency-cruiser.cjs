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
    {
      name: 'engine-reference-stands-alone',
      comment: 'The brute-force reference checks the fast path, so it must not share the index or the bundle pruning it checks.',
      severity: 'error',
      from: { path: '^libs/engine/src/reference/', pathNot: '\.spec\.ts$' },
      to: { path: '^libs/engine/src/(index|bundles)/|^libs/engine/src/matching-engine' },
    },
    {
      name: 'engine-rules-and-scoring-below-search',
      comment: 'Rules, scoring and ranking are the vocabulary the search (index, bundles) and the reference are written in; they never reach back up.',
      severity: 'error',
      from: { path: '^libs/engine/src/(rules|scoring|ranking)/', pathNot: '\.spec\.ts$' },
      to: { path: '^libs/engine/src/(index|bundles|reference)/|^libs/engine/src/matching-engine' },
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
