// Unused files, exports and dependencies, checked by `npm run check:unused` (part of `npm test`).
// Why: docs/adr/0001-layer-rules.md.
import type { KnipConfig } from 'knip';
import { KNOWN_UNUSED_BEING_REMOVED } from './knip.known-violations.ts';

const config: KnipConfig = {
  entry: [
    // The entry points scripts/build.js compiles into dist/ (the npm scripts run dist/, not these).
    'src/main.ts',
    'src/worker.ts',
    'src/cli/main.ts',
    'src/db/build-pglite-template.ts',
    // The director's browser-signing bundle (scripts/build-signing-js.ts) and the benches.
    'src/web/staff/signing-client.ts',
    'bench/*.ts',
    'scripts/*.{ts,js}',
    // Run by hand: npx tsx src/stats/geography/build-catalog.ts (docs/data.md).
    'src/stats/geography/build-catalog.ts',
    'test/**/*.test.{ts,tsx}',
  ],
  project: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,js}', 'bin/*.js'],
  // An export used only in its own file is still part of that file's design, not dead code.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Read by file path, not imported: the fonts (src/documents/font.ts, png.ts) and axe-core's bundle
    // injected into Chromium (test/browser/helpers/browser.ts).
    'dejavu-fonts-ttf',
    'axe-core',
    // Types of the test SMTP sink's packages: knip does not count @types/* used through a type import.
    '@types/mailparser',
    '@types/smtp-server',
  ],
  // System programs the tests and benches call (Debian packages, see README).
  ignoreBinaries: ['psql', 'pdfsig', 'pdftotext', 'pdftoppm'],
  ignoreIssues: KNOWN_UNUSED_BEING_REMOVED,
};

export default config;
