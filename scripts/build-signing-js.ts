// Bundles the director's browser-signing code (src/web/staff/signing-client.ts + node-forge) into
// src/web/static/signing.min.js, served as /static/signing.min.js. Run after changing the client:
//   npx tsx scripts/build-signing-js.ts
// The bundle is committed, so running the app needs no build step.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/web/staff/signing-client.ts'],
  outfile: 'src/web/static/signing.min.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'info',
});
