import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/**
 * Everything this process creates (DATA_DIR, PGlite's files, mail, documents, keys) is owner-only:
 * directories 0700, files 0600. The files hold personal data and secrets; other accounts on the
 * machine have no business reading them. Called first thing by the composition root.
 */
export function restrictFileModes(): void {
  // Worker threads cannot change the umask; they inherit the process's.
  if (isMainThread) process.umask(0o077);
}

/** Takes group and other permissions off `dir` and everything under it (copies keep their source's modes). */
export function restrictTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) restrictTree(path);
    else chmodSync(path, statSync(path).mode & 0o700);
  }
  chmodSync(dir, statSync(dir).mode & 0o700);
}
