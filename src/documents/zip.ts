import { zipSync } from 'fflate';

/** The name of the explanation every answer's ZIP opens with. */
export const ZIP_README_NAME = 'LEEME.txt';

/**
 * A ZIP of the answer's files (already-compressed formats stored as they are), with `readme` as
 * LEEME.txt first when given (UTF-8 with BOM, so Windows editors read the accents).
 */
export function buildZip(files: { name: string; bytes: Uint8Array }[], mtime: Date, readme?: string): Buffer {
  const entries: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {};
  if (readme !== undefined)
    entries[ZIP_README_NAME] = [new TextEncoder().encode(`\uFEFF${readme}`), { level: 6, mtime }];
  for (const f of files) {
    const compressed = /\.(png|xlsx|zip|pdf)$/i.test(f.name);
    entries[f.name.normalize('NFC')] = [f.bytes, { level: compressed ? 0 : 6, mtime }];
  }
  return Buffer.from(zipSync(entries));
}
