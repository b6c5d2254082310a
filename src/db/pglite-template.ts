import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { restrictTree } from '../config/file-modes.ts';
import { PROJECT_ROOT } from '../config/index.ts';

/**
 * A migrated, cleanly shut down PGlite data folder that a fresh data folder starts as a copy of.
 * PGlite's initdb runs inside WebAssembly and costs ≈ 13 s of CPU (plus ≈ 1 s for the migrations);
 * copying this folder costs ≈ 0.1 s. `npm run build` makes it (scripts/build.js → dist/pglite-template.js),
 * once per set of migrations and PGlite version; without it a fresh folder is initialised as before.
 */
export const PGLITE_TEMPLATE_DIR = join(PROJECT_ROOT, 'dist', 'pglite-template');
const INFO_FILE = 'dato-template.json';

/** Identifies the migrations and the PGlite build a template was made with. */
export function pgliteTemplateKey(): string {
  const h = createHash('sha256');
  h.update(readFileSync(join(PROJECT_ROOT, 'src/db/migrations/meta/_journal.json')));
  try {
    h.update(readFileSync(join(PROJECT_ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  } catch {
    h.update('pglite: unknown');
  }
  return h.digest('hex');
}

/** Whether a template for the current migrations and PGlite exists. */
export function pgliteTemplateIsCurrent(dir = PGLITE_TEMPLATE_DIR): boolean {
  try {
    const info = JSON.parse(readFileSync(join(dir, INFO_FILE), 'utf8')) as { key?: string };
    return info.key === pgliteTemplateKey();
  } catch {
    return false;
  }
}

/** Marks `dir` (a closed, migrated PGlite folder) as a template for the current migrations. */
export function markPgliteTemplate(dir: string): void {
  writeFileSync(join(dir, INFO_FILE), JSON.stringify({ key: pgliteTemplateKey() }));
}

/**
 * Copies the template into `dir` when `dir` holds no database yet. Returns whether it did; false (no
 * template, an old one, or the copy failed half-way because a build replaced it) leaves PGlite to
 * initialise the folder itself.
 */
export function seedFromPgliteTemplate(dir: string): boolean {
  if (existsSync(join(dir, 'PG_VERSION')) || !pgliteTemplateIsCurrent()) return false;
  // Copied beside `dir` first and moved in entry by entry, PG_VERSION last: a copy that fails half-way
  // leaves `dir` without a database rather than with half of one.
  const staging = join(dirname(dir), `.pglite-seed-${process.pid}`);
  try {
    cpSync(PGLITE_TEMPLATE_DIR, staging, { recursive: true, filter: (src) => !src.endsWith(INFO_FILE) });
    // The template was written by the build; the copy holds personal data: owner-only.
    restrictTree(staging);
    const entries = readdirSync(staging).sort(
      (a, b) => Number(a === 'PG_VERSION') - Number(b === 'PG_VERSION'),
    );
    for (const entry of entries) renameSync(join(staging, entry), join(dir, entry));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
