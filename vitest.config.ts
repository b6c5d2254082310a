import { defineConfig } from 'vitest/config';

// Three projects, each runnable alone: `npx vitest run --project unit` (pure rules, no database),
// `--project integration` (the app in process on PGlite, and PostgreSQL with TEST_DATABASE_URL),
// `--project browser` (Chromium + axe-core). Only the last two need the database templates.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2-core machines: more workers only add contention with PGlite's WASM start-up.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
