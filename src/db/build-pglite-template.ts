// `node dist/pglite-template.js`, run by scripts/build.js: makes dist/pglite-template (see
// pglite-template.ts) when it is missing or was made for other migrations. Built in a staging folder and
// renamed into place, so a server copying the template never sees half of one.
import { renameSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './client.ts';
import { runMigrations } from './migrate.ts';
import { markPgliteTemplate, PGLITE_TEMPLATE_DIR, pgliteTemplateIsCurrent } from './pglite-template.ts';

if (!pgliteTemplateIsCurrent()) {
  const started = performance.now();
  const staging = `${PGLITE_TEMPLATE_DIR}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const handle = await openDatabase({ pglite: await PGlite.create(staging) });
  await runMigrations(handle);
  await handle.close();
  markPgliteTemplate(staging);
  rmSync(PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
  renameSync(staging, PGLITE_TEMPLATE_DIR);
  process.stderr.write(`dist/pglite-template made in ${Math.round(performance.now() - started)} ms\n`);
}
