#!/usr/bin/env node
// Compiles the TypeScript once into dist/: one ESM file per entry point (esbuild bundles our own modules;
// npm packages stay external and load from node_modules). Production runs `node dist/main.js`, no tsx.
//   node scripts/build.js             always builds
//   node scripts/build.js --if-stale  builds only when a source file is newer than dist/ (npm's prestart)
// Static files, migrations and config/ are not copied: they are read from the project folder at run time.
// The build also makes dist/pglite-template (a migrated PGlite data folder; src/db/pglite-template.ts).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const INFO = join(DIST, 'build-info.json');
const LOCK = join(DIST, '.build.lock');

/** Output name (dist/<name>.js) → source entry point. */
export const ENTRIES = {
  main: 'src/main.ts',
  worker: 'src/worker.ts',
  cli: 'src/cli/main.ts',
  'pglite-template': 'src/db/build-pglite-template.ts',
};

/** Newest modification time (ms) among the inputs of the build. */
function newestSourceMtime() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(ROOT, 'src/web/static')) visit(path);
        // Migrations: the PGlite template is made from them.
      } else if (/\.(ts|tsx|json|js|sql)$/.test(entry.name))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(ROOT, 'src'));
  for (const f of ['package.json', 'tsconfig.json', 'scripts/build.js'])
    newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  return newest;
}

/** True when dist/ is missing an entry point or older than a source file. */
export function isStale() {
  if (!existsSync(INFO)) return true;
  if (Object.keys(ENTRIES).some((name) => !existsSync(join(DIST, `${name}.js`)))) return true;
  const { startedAt } = JSON.parse(readFileSync(INFO, 'utf8'));
  return newestSourceMtime() > startedAt;
}

/**
 * Builds into dist/. Each file is written beside its target and renamed over it, so a process starting
 * meanwhile (another test run, another terminal) reads either the old or the new file, never half of one.
 */
export async function build({ quiet = false } = {}) {
  const startedAt = Date.now();
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES)),
    outdir: DIST,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    // Error and class names show in logs; bundling would otherwise rename colliding identifiers.
    keepNames: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(DIST, { recursive: true });
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  // A migrated PGlite data folder that fresh data folders are copied from (src/db/pglite-template.ts);
  // it exits at once when the template is already current.
  const made = spawnSync(process.execPath, [join(DIST, 'pglite-template.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (made.status !== 0) throw new Error('dist/pglite-template.js failed');
  writeFileSync(INFO, JSON.stringify({ startedAt, ms: Date.now() - startedAt }));
  if (!quiet)
    process.stderr.write(`dist/ built in ${Date.now() - startedAt} ms (${relative(ROOT, DIST)}/main.js)\n`);
}

/** Builds when stale; concurrent callers (parallel test runs) wait for one build instead of racing. */
export async function ensureBuilt({ quiet = false } = {}) {
  if (!isStale()) return false;
  mkdirSync(DIST, { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than a minute belongs to a build that died.
      if (waited > 60_000 || Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 60_000) {
        rmSync(LOCK, { recursive: true, force: true });
        waited = 0;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (!isStale()) return false;
    await build({ quiet });
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale')) await ensureBuilt();
  else await build();
}
