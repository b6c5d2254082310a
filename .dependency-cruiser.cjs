// Layer rules, checked by `npm run check:layers` (part of `npm test`).
// Why and what: docs/adr/0001-layer-rules.md. Known violations that are being removed right now are
// listed in .dependency-cruiser-known-violations.json (used with --ignore-known).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycle that exists at run time. A cycle made only through `import type` is erased by ' +
        'the compiler (verbatimModuleSyntax) and allowed: an interface file may name its implementation.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain holds pure rules: it imports nothing outside src/domain, neither ours nor a package, ' +
        'and no I/O module. node:crypto is allowed: hashing is computation.',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^crypto$'] },
    },
    {
      name: 'no-database-outside-services',
      severity: 'error',
      comment:
        'Only src/services (use cases), src/db itself and the statistics repository (src/stats) talk to ' +
        'the database. src/web, src/cli, src/jobs, src/mail, src/documents, src/domain call a use case.',
      from: {
        path: '^src/',
        // The composition roots open the database and hand it to the use cases (Deps); the CLI's runner
        // also names the "database in use" start-up error.
        pathNot: [
          '^src/services/',
          '^src/db/',
          '^src/stats/',
          '^src/(bootstrap|main|worker)\\.ts$',
          '^src/cli/index\\.ts$',
          // src/jobs has its own rule below.
          '^src/jobs/',
        ],
      },
      to: {
        path: ['^src/db/', 'node_modules/(drizzle-orm|pg|@electric-sql/pglite)/'],
      },
    },
    {
      name: 'jobs-reach-only-the-outbox',
      severity: 'error',
      comment:
        'src/jobs runs the outbox: it claims and settles jobs through src/db/outbox.ts and nothing else ' +
        'of the database; what a job does is a use case in src/services.',
      from: { path: '^src/jobs/' },
      to: {
        path: ['^src/db/', 'node_modules/(drizzle-orm|pg|@electric-sql/pglite)/'],
        pathNot: '^src/db/outbox\\.ts$',
      },
    },
    {
      name: 'stats-database-only-in-repository',
      severity: 'error',
      comment: 'Inside src/stats only the repository and the importers read or write the stats tables.',
      from: {
        path: '^src/stats/',
        pathNot: ['^src/stats/(repository|import)\\.ts$', '^src/stats/importers/'],
      },
      to: { path: ['^src/db/', 'node_modules/(drizzle-orm|pg|@electric-sql/pglite)/'] },
    },
    {
      name: 'services-not-into-delivery',
      severity: 'error',
      comment: 'Use cases do not depend on how they are called: no import from src/web, src/cli, src/jobs.',
      from: { path: '^src/(services|domain|db|stats|documents|mail|config|i18n)/' },
      to: { path: '^src/(web|cli|jobs)/' },
    },
    {
      name: 'delivery-layers-apart',
      severity: 'error',
      comment: 'src/web, src/cli and src/jobs are three doors onto the same use cases: none imports another.',
      from: { path: '^src/(web|cli|jobs)/' },
      to: { path: '^src/(web|cli|jobs)/', pathNot: '^src/$1/' },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Production code never imports test code.',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
