#!/usr/bin/env node
// The `dato-oficial` command: runs the CLI compiled into dist/ (built first when a source is newer).
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt({ quiet: true });
await import('../dist/cli.js');
