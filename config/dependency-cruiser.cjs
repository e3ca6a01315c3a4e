// The architecture, enforced (docs/style.md §11): services never import each other; they share
// only libs/. Libraries never import a service. Runs in `npm run lint`.
// apps/matching in feature modules with one-way arrows (README, Architecture):
//   projections → partnerships → matcher → store;  suggestions → matcher;  reports → store;
//   allocations → partnerships, suggestions, matcher;  http and store are leaves;
//   only src/app.module.ts (the composition root) puts them together.
// [rule, why, the folder(s) below src/ the rule is about, the folders they must not import]
const MATCHING_LAYERS = [
  ['matching-store-is-a-leaf', 'The stores own the SQL of their tables and know nothing of what uses them.', '(store|http)', 'matcher|projections|suggestions|partnerships|allocations|reports'],
  ['matching-matcher-below-features', 'The matcher (index, reconciler, re-match) serves the features; it never calls back up.', 'matcher', 'projections|suggestions|partnerships|allocations|reports|http'],
  ['matching-partnerships-below-projections', 'Partnerships (accept and saga) may be ended by projections, never the other way round; they do not reach into suggestions.', 'partnerships', 'projections|suggestions|allocations|reports'],
  ['matching-suggestions-apart', 'Suggestions (reads, rejections) need only the matcher and the stores.', 'suggestions', 'projections|partnerships|allocations|reports'],
  ['matching-reports-read-only', 'Reports read the stores; they change nothing and call no feature.', 'reports', 'projections|suggestions|partnerships|allocations|matcher'],
];
// [rule, why, the feature only the composition root may import]
const MATCHING_TOPS = [
  ['matching-projections-top', 'Event projections sit on top: nothing but the composition root imports them.', 'projections'],
  ['matching-allocations-apart', 'Allocation plans may apply accepts through partnerships; nothing below imports them.', 'allocations'],
];

const COMPOSITION_ROOT = '^apps/matching/src/app\\.module\\.ts$';

/** One forbidden arrow: modules matching `from` must not import modules matching `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-app-to-other-app', 'A service talks to another only through queues; share code through libs/.',
      { path: '^apps/([^/]+)/' }, { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' }),
    forbid('no-lib-to-app', 'Libraries are shared by every service and must not depend on one.',
      { path: '^libs/' }, { path: '^apps/' }),
    forbid('plain-libs-stay-plain', 'engine, contracts and taxonomy are plain TypeScript over plain data: no platform, NestJS, TypeORM, BullMQ or Redis client.',
      { path: '^libs/(contracts|engine|taxonomy)/' }, { path: '^(libs/platform/|node_modules/(@nestjs|typeorm|bullmq|ioredis|pg)/)' }),
    ...MATCHING_LAYERS.map(([name, comment, from, to]) =>
      forbid(name, comment, { path: `^apps/matching/src/${from}/` }, { path: `^apps/matching/src/(${to})/` }),
    ),
    ...MATCHING_TOPS.map(([name, comment, feature]) =>
      forbid(name, comment, { path: `^apps/matching/src/(?!${feature}/)`, pathNot: COMPOSITION_ROOT }, { path: `^apps/matching/src/${feature}/` }),
    ),
    forbid('no-feature-to-composition-root', 'Feature modules never import the composition root.',
      { path: '^apps/[^/]+/src/[^/]+/' }, { path: '^apps/[^/]+/src/app\\.module\\.ts$' }),
    forbid('saga-steps-on-top-of-their-service', 'The saga steps of offers (reservations) and requests (holds) use their service; it never depends on them.',
      { path: '^apps/(offers/src/(offers|providers)|requests/src/(requests|taxonomy))/' }, { path: '^apps/(offers/src/reservations|requests/src/holds)/' }),
    forbid('engine-reference-stands-alone', 'The brute-force reference checks the fast path, so it must not share the index or the bundle pruning it checks.',
      { path: '^libs/engine/src/reference/', pathNot: '\\.spec\\.ts$' }, { path: '^libs/engine/src/(index|bundles)/|^libs/engine/src/matching-engine' }),
    forbid('engine-rules-and-scoring-below-search', 'Rules, scoring and ranking are the vocabulary the search (index, bundles) and the reference are written in; they never reach back up.',
      { path: '^libs/engine/src/(rules|scoring|ranking)/', pathNot: '\\.spec\\.ts$' }, { path: '^libs/engine/src/(index|bundles|reference)/|^libs/engine/src/matching-engine' }),
    forbid('no-circular', 'Runtime import cycles make load order matter; type-only cycles vanish at compile time.',
      {}, { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
