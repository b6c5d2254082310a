#!/usr/bin/env node
// The `dato-oficial` command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/index.ts');
process.exit(await runCli(process.argv.slice(2)));
